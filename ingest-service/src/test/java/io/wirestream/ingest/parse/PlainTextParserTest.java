package io.wirestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainTextParserTest {

  private final PlainTextParser parser = new PlainTextParser(ParserConfig.defaults());

  private ParsedStory parseFixture(final String name) throws StoryParseException {
    final List<ParsedStory> stories = parser.parse(Fixtures.bytes("plaintext/" + name), name);
    assertThat(stories).hasSize(1);
    return stories.get(0);
  }

  private static ParsedStory expected(final String section, final String headline,
      final String byline, final String dateline, final String outlet, final Instant publishedAt,
      final Map<String, String> attributes, final String... paragraphs) {
    return new ParsedStory(SourceFormat.PLAIN_TEXT, outlet, outlet, null, null, null, headline,
        byline, dateline, section, null, String.join("\n\n", paragraphs), List.of(), null,
        publishedAt, null, ArticleStatus.USABLE, attributes);
  }

  private static ParsedStory withoutWarnings(final ParsedStory story) {
    return new ParsedStory(story.format(), story.source(), story.outlet(), story.sourceGuid(),
        story.version(), story.url(), story.headline(), story.byline(), story.dateline(),
        story.section(), story.language(), story.body(), story.subjects(), story.urgency(),
        story.publishedAt(), story.embargoUntil(), story.status(), story.attributes());
  }

  @Test
  void shouldReadFullPageWithCaptionCreditEditionAndFurniture() throws Exception {
    final ParsedStory story = parseFixture("harbour-times-business.txt");

    assertThat(story.warnings())
        .containsExactly("zone-assumed: date \"2019-03-14 16:05\" has no zone; read in UTC");
    assertThat(withoutWarnings(story)).isEqualTo(expected("Business",
        "Port of Aldermouth opens automated container berth", "Mei Lindqvist", "Aldermouth",
        "Harbour Times", Instant.parse("2019-03-14T16:05:00Z"),
        Map.of("caption", "A remote-controlled crane lifts a container onto a feeder vessel at the"
                + " new berth in Aldermouth on Wednesday.",
            "credit", "Jonas Brandt / Northwind Photo",
            "edition", "Harbour Times 03/14/2019 page7"),
        "The Port of Aldermouth on Wednesday opened its first fully automated container berth, a"
            + " project that took four years and cost about 310 million euros.",
        "Harbour master Tomas Ekdahl told reporters the berth would handle up to 900,000"
            + " containers a year once its cranes reach full speed in the autumn.",
        "\"We expect the first weeks to be slow while crews learn the new routines,\" Ekdahl said.",
        "Dock workers' unions had opposed the project for two years, warning that"
            + " remote-controlled cranes would cut hundreds of jobs.",
        "Retraining deal",
        "Under an agreement signed in January, the port will retrain 240 crane drivers as remote"
            + " operators and keep staffing levels unchanged until 2022.",
        "Union spokeswoman Ines Varga said the deal was \"the best we could get in the"
            + " circumstances\"."));
  }

  @Test
  void shouldKeepCaptionCreditEditionFurnitureAndRepeatedHeadlineOutOfBody() throws Exception {
    final ParsedStory story = parseFixture("harbour-times-business.txt");

    assertThat(story.body()).doesNotContain("remote-controlled crane lifts", "Jonas Brandt",
        "Northwind Photo", "page7", "03/14/2019", "Today's Top News", "Most Viewed",
        "Editor's picks", "Related Stories", "Ferry operators", "Copyright", "All rights reserved",
        story.headline());
    assertThat(story.paragraphs()).last().asString().startsWith("Union spokeswoman");
  }

  @Test
  void shouldReadTimestampWithoutOffsetInConfiguredDefaultZone() throws Exception {
    final PlainTextParser shanghai = new PlainTextParser(
        ParserConfig.defaults().withDefaultZone(ZoneId.of("Asia/Shanghai")));

    final ParsedStory story = shanghai.parse(
        Fixtures.bytes("plaintext/harbour-times-business.txt"), "harbour.txt").get(0);

    assertThat(story.publishedAt()).isEqualTo(Instant.parse("2019-03-14T08:05:00Z"));
  }

  @Test
  void shouldReadReorderedBylineLineWithSlashDateAndNoAuthor() throws Exception {
    final ParsedStory story = parseFixture("valley-courier-reordered.txt");

    assertThat(story.warnings())
        .containsExactly("zone-assumed: date \"2021/07/02 09:30\" has no zone; read in UTC");
    assertThat(withoutWarnings(story)).isEqualTo(expected("Farming",
        "Drought relief fund doubles as wells run dry in the lower valley", null, null,
        "Valley Courier", Instant.parse("2021-07-02T09:30:00Z"), Map.of(),
        "Farmers in the lower Serrano valley will be able to claim twice as much drought relief"
            + " this summer after the regional council voted on Thursday to double the emergency"
            + " fund.",
        "The council's agriculture committee said 62 of the valley's 300 registered wells had"
            + " fallen below pumping depth since May.",
        "Council member Rosa Aguirre, who proposed the increase, said grants would be paid within"
            + " three weeks of an application.",
        "\"Nobody should have to sell their herd because the paperwork is slow,\" she said.",
        "The fund will now stand at 18 million pesos, the council said."));
    assertThat(story.body()).doesNotContain("Most Popular", "bus routes");
  }

  @Test
  void shouldReadStaffBylineWithoutDateOrBreadcrumb() throws Exception {
    final ParsedStory story = parseFixture("meridian-post-staff-writer.txt");

    assertThat(story).isEqualTo(expected(null,
        "City libraries to stay open until midnight during exam season", "Staff Writer", null,
        "The Meridian Post", null, Map.of(),
        "All eleven branches of the Meridian public library will stay open until midnight from"
            + " next Monday to help students preparing for end-of-year exams.",
        "The library board said the pilot would run for six weeks and cost about 140,000 dollars"
            + " in extra staffing.",
        "Students at Eastgate College had collected more than 4,000 signatures asking for longer"
            + " hours."));
    assertThat(story.body()).doesNotContain("Share this");
  }

  @Test
  void shouldReadOutletFirstDayMonthDateAndPhotoCredit() throws Exception {
    final ParsedStory story = parseFixture("coastline-gazette-day-month.txt");

    assertThat(story.warnings())
        .containsExactly("zone-assumed: date \"22 Nov 2014 08:43\" has no zone; read in UTC");
    assertThat(withoutWarnings(story)).isEqualTo(expected("Science",
        "Volunteers count record number of nesting turtles on Pelican Key", null, null,
        "Coastline Gazette", Instant.parse("2014-11-22T08:43:00Z"),
        Map.of("caption", "Hatchlings crawl toward the water on Pelican Key in October.",
            "credit", "Coastline Gazette"),
        "Volunteers on Pelican Key counted 1,180 turtle nests this season, the highest number"
            + " since records began in 1987, the island's conservation trust said on Friday.",
        "Trust director Amal Haddad credited a ban on beach lighting introduced three years ago.",
        "\"Hatchlings head for the brightest horizon, and now that is the sea again,\" Haddad"
            + " said.",
        "Volunteers mark each nest with a numbered stake and check it every morning until the"
            + " eggs hatch."));
    assertThat(story.body()).doesNotContain("Photo", "Editor's Picks", "Copyright");
  }

  @Test
  void shouldKeepWrittenOffsetWhateverTheDefaultZone() throws Exception {
    final PlainTextParser tokyo = new PlainTextParser(
        ParserConfig.defaults().withDefaultZone(ZoneId.of("Asia/Tokyo")));

    final ParsedStory story = tokyo.parse(
        Fixtures.bytes("plaintext/southern-cross-iso-offset.txt"), "sc.txt").get(0);

    assertThat(story).isEqualTo(expected("Americas",
        "Copper miners end strike after pay deal in northern Chile", "Arturo Pell", "Valparaiso",
        "Southern Cross Wire", Instant.parse("2016-05-10T01:15:00Z"), Map.of(),
        "Workers at the Cerro Alto copper mine returned to their shifts on Monday after a 19-day"
            + " strike ended with a pay rise of 6 percent.",
        "The company said output would return to normal within a week.",
        "Union leader Carla Montes said members had approved the deal by 812 votes to 97."));
    assertThat(story.body()).doesNotContain("Related Articles", "three-month high");
  }

  @Test
  void shouldReadWindowsLineEndsBomTrailingSpacesAndWrittenOffset() throws Exception {
    final byte[] input = Fixtures.bytes("plaintext/baltic-ledger-crlf-bom.txt");
    assertThat(new String(input, StandardCharsets.UTF_8)).contains("\r\n")
        .startsWith("\uFEFF");

    final ParsedStory story = parser.parse(input, "baltic.txt").get(0);

    assertThat(story).isEqualTo(expected("Economy",
        "Tallinn startup raises funds for ice-free harbour sensors", "Oksana Vey", "Tallinn",
        "Baltic Ledger", Instant.parse("2020-01-30T05:12:00Z"),
        Map.of("caption", "Karl Sepp holds one of the floating sensors at the company's workshop.",
            "credit", "Liis Kask / Baltic Ledger"),
        "A Tallinn company that builds sensors to predict harbour ice has raised 4.5 million"
            + " euros from investors in Finland and Sweden.",
        "Founder Karl Sepp said the money would pay for trials in three Baltic ports next"
            + " winter."));
    assertThat(story.body()).doesNotContain("\r", "Liis Kask", "Most Viewed");
  }

  @Test
  void shouldReadStoryWithoutBreadcrumbOrBylineLine() throws Exception {
    final ParsedStory story = parseFixture("night-trains-no-byline.txt");

    assertThat(story).isEqualTo(expected(null,
        "Night trains return to the northern line after a decade", null, null, null, null,
        Map.of(),
        "Overnight passenger trains will run between Korvala and Saari again from December, the"
            + " national rail operator said on Tuesday, ending a ten-year gap.",
        "Tickets go on sale next month, with sleeper cabins priced from 79 euros."));
  }

  @Test
  void shouldRejectMalformedDateNamingTextAndLine() {
    assertThatThrownBy(() -> parseFixture("andes-daily-bad-date.txt"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE);
          assertThat(e.position()).isEqualTo("line 5");
          assertThat(e.getMessage()).startsWith("andes-daily-bad-date.txt line 5: bad date")
              .contains("\"2014-13-45 08:43\"");
        });
  }

  @Test
  void shouldRejectPageWithoutStoryParagraphs() {
    assertThatThrownBy(() -> parseFixture("missing-body.txt"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.MISSING_BODY);
          assertThat(e.position()).isEqualTo("line 7");
          assertThat(e.getMessage())
              .contains("\"Lakeside rowing club wins national eights title\" has no body text");
        });
  }

  @Test
  void shouldRejectBylineLineWhereHeadlineShouldBe() {
    final String page = "Home / World\n\nBy Ana Ruiz | Daily Star | Updated: 2015-06-02 11:20\n\n"
        + "The rest of the page is a story without its title, which nobody can publish.\n";

    assertThatThrownBy(() -> parser.parse(Fixtures.utf8(page), "untitled.txt"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.MISSING_HEADLINE);
          assertThat(e.getMessage()).isEqualTo(
              "untitled.txt line 3: no headline: expected the headline before the byline line");
        });
  }

  @Test
  void shouldTakeBracketPhotoCreditOutOfBody() throws Exception {
    final String page = "Lake ferry gets electric engines\n\nLakeview Daily | 2022-06-01 10:00\n\n"
        + "The lake's oldest ferry will sail on electric engines from next summer, its owners"
        + " said.\n\n"
        + "The ferry leaves the north pier on its last diesel run. [Photo/Lakeview Images]\n\n"
        + "Conversion work will take four months.\n";

    final ParsedStory story = parser.parse(Fixtures.utf8(page), "ferry.txt").get(0);

    assertThat(story.paragraphs()).containsExactly(
        "The lake's oldest ferry will sail on electric engines from next summer, its owners said.",
        "Conversion work will take four months.");
    assertThat(story.attributes()).containsExactly(
        Map.entry("caption", "The ferry leaves the north pier on its last diesel run."),
        Map.entry("credit", "Lakeview Images"));
  }

  @Test
  void shouldNumberFurtherCaptionsAndKeepUnplacedBylinePieces() throws Exception {
    final String page = "Bridge reopens\n\n"
        + "By Ivo Rask in Tartu | Emajõgi Post | Updated: 2021-09-09 12:00 | Print edition\n\n"
        + "Bridge reopens\n\n"
        + "The footbridge over the river reopened on Thursday after a year of repairs.\n\n"
        + "Cyclists cross the bridge on Thursday morning. Maarja Tamm / Emajõgi Post\n\n"
        + "Engineers replaced all of the bridge's timber deck.\n\n"
        + " Bridge reopens\n\n"
        + "The mayor cuts the ribbon at the east end of the bridge.\n";

    final ParsedStory story = parser.parse(Fixtures.utf8(page), "bridge.txt").get(0);

    assertThat(story.paragraphs()).containsExactly(
        "The footbridge over the river reopened on Thursday after a year of repairs.",
        "Engineers replaced all of the bridge's timber deck.");
    assertThat(story.attributes()).containsExactly(
        Map.entry("byline-extra", "Print edition"),
        Map.entry("caption", "Cyclists cross the bridge on Thursday morning."),
        Map.entry("credit", "Maarja Tamm / Emajõgi Post"),
        Map.entry("caption.2", "The mayor cuts the ribbon at the east end of the bridge."));
    assertThat(story.outlet()).isEqualTo("Emajõgi Post");
    assertThat(story.dateline()).isEqualTo("Tartu");
  }

  @Test
  void shouldKeepStoryParagraphThatStartsLikeFurniture() throws Exception {
    final String page = "Royalty rules change\n\n"
        + "Copyright holders will be paid more for radio plays under a law passed in 2024.\n\n"
        + "Most viewed videos on the station's site will also earn royalties, the minister said.\n\n"
        + "Copyright 2024 Northwind Radio\n\n"
        + "Ten tips for a better sleep\n";

    final ParsedStory story = parser.parse(Fixtures.utf8(page), "royalty.txt").get(0);

    assertThat(story.paragraphs()).containsExactly(
        "Copyright holders will be paid more for radio plays under a law passed in 2024.",
        "Most viewed videos on the station's site will also earn royalties, the minister said.");
  }

  @Test
  void shouldNotTakeSentenceStartingWithByForBylineLine() throws Exception {
    final String page = "Ferry strike ends\n\n"
        + "By the time the ferry docked, most passengers had heard that the strike was over.\n";

    final ParsedStory story = parser.parse(Fixtures.utf8(page), "by.txt").get(0);

    assertThat(story.byline()).isNull();
    assertThat(story.body()).isEqualTo(
        "By the time the ferry docked, most passengers had heard that the strike was over.");
  }

  @Test
  void shouldReadOtherDateFormatsInBylineLine() throws Exception {
    assertThat(publishedAtOf("Nov 22, 2014 08:43")).isEqualTo("2014-11-22T08:43:00Z");
    assertThat(publishedAtOf("Updated: 2015-06-02 11:20 GMT+8")).isEqualTo("2015-06-02T03:20:00Z");
    assertThat(publishedAtOf("Posted: 2014-11-22 08:43:30 Asia/Shanghai"))
        .isEqualTo("2014-11-22T00:43:30Z");
    assertThat(publishedAtOf("2014-11-22 08:43 +0800")).isEqualTo("2014-11-22T00:43:00Z");
  }

  private String publishedAtOf(final String datePiece) throws StoryParseException {
    final String page = "Headline\n\nBy Reporter | Some Outlet | " + datePiece + "\n\n"
        + "A body paragraph that is long enough to be a story paragraph.\n";
    return parser.parse(Fixtures.utf8(page), "dates.txt").get(0).publishedAt().toString();
  }
}
