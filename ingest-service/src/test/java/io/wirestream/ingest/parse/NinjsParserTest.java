package io.wirestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NinjsParserTest {

  private final NinjsParser parser = new NinjsParser(ParserConfig.defaults());

  private ParsedStory parseFixture(final String name) throws StoryParseException {
    final List<ParsedStory> stories = parser.parse(Fixtures.bytes("ninjs/" + name), name);
    assertThat(stories).hasSize(1);
    return stories.get(0);
  }

  @Test
  void shouldReadNinjs1WithBodyText() throws Exception {
    final ParsedStory story = parseFixture("ninjs1-body-text.json");

    assertThat(story).isEqualTo(new ParsedStory(SourceFormat.NINJS, "Northwind News Agency", null,
        "urn:newsml:northwind.example:20190314:nw-0342", 3, null,
        "Aldermouth opens automated container berth", "Mei Lindqvist", "Aldermouth", null, "en",
        "The Port of Aldermouth opened its first automated container berth on Wednesday after"
            + " four years of building work.\n\n"
            + "The harbour master said the berth could handle 900,000 containers a year at full"
            + " speed.\n\n"
            + "Unions agreed in January to a retraining plan for 240 crane drivers.",
        List.of("20000344", "04000000"), 4, Instant.parse("2019-03-14T15:20:00Z"), null,
        ArticleStatus.USABLE,
        Map.of("firstcreated", "2019-03-14T14:05:00Z", "copyrightholder", "Northwind News Agency",
            "type", "text")));
  }

  @Test
  void shouldReduceNinjs1BodyHtmlToCleanParagraphs() throws Exception {
    final ParsedStory story = parseFixture("ninjs1-body-html.json");

    assertThat(story.paragraphs()).containsExactly(
        "The Riverside city council postponed its budget vote by seven days on Monday & asked"
            + " departments for new savings.",
        "Mayor Ana Lisboa said the delay was \u201Cregrettable but necessary\u201D.",
        "She did not say which services were at risk.",
        "Parks: 1.2 million",
        "Transport: 3.4 million",
        "We will not close a single library.",
        "Councillors meet again on October 10.");
    assertThat(story.body()).doesNotContain("trackView", "color", "<", "&amp;");
    assertThat(story.status()).isEqualTo(ArticleStatus.WITHHELD);
    assertThat(story.embargoUntil()).isEqualTo(Instant.parse("2022-10-03T07:00:00Z"));
    // written without an offset: read in the default zone, UTC here
    assertThat(story.publishedAt()).isEqualTo(Instant.parse("2022-10-03T06:30:00Z"));
    assertThat(story.version()).isEqualTo(1);
    assertThat(story.urgency()).isEqualTo(5);
    assertThat(story.language()).isEqualTo("en-GB");
    assertThat(story.subjects()).containsExactly("11000000");
    assertThat(story.sourceGuid())
        .isEqualTo("https://news.example.org/items/riverside-budget-7731");
  }

  @Test
  void shouldReadTimestampWithoutOffsetInConfiguredZone() throws Exception {
    final NinjsParser berlin = new NinjsParser(
        ParserConfig.defaults().withDefaultZone(ZoneId.of("Europe/Berlin")));

    final ParsedStory story = berlin.parse(
        Fixtures.bytes("ninjs/ninjs1-body-html.json"), "html.json").get(0);

    assertThat(story.publishedAt()).isEqualTo(Instant.parse("2022-10-03T04:30:00Z"));
    assertThat(story.embargoUntil()).isEqualTo(Instant.parse("2022-10-03T07:00:00Z"));
  }

  @Test
  void shouldReadNinjs2FieldNames() throws Exception {
    final ParsedStory story = parseFixture("ninjs2-bodies.json");

    assertThat(story).isEqualTo(new ParsedStory(SourceFormat.NINJS, "Agence Rhône Presse", null,
        "urn:uuid:3f1c2a9e-7d44-4b8a-9a51-0c2f5e6d7a10", 2, null,
        "Grève des contrôleurs aériens : 300 vols annulés à Lyon",
        "Claire Dufresne, Yann Morel", "Lyon", null, "fr",
        "Environ 300 vols ont été annulés samedi à l'aéroport de Lyon.\n\n"
            + "La grève doit durer jusqu\u2019à lundi.",
        List.of("http://cv.iptc.org/newscodes/mediatopic/20000349", "strike-action"), 2,
        Instant.parse("2023-05-20T18:45:12Z"), null, ArticleStatus.CANCELED,
        Map.of("firstcreated", "2023-05-20T17:02:00Z", "type", "text")));
  }

  @Test
  void shouldReturnGoodItemsOfArrayAndAccountForBadOnes() throws Exception {
    final ParseOutcome outcome = parser.parseAll(
        Fixtures.bytes("ninjs/ninjs-array.json"), "array.json");

    assertThat(outcome.stories()).extracting(ParsedStory::sourceGuid)
        .containsExactly("urn:northwind:2024:0001", "urn:northwind:2024:0004");
    assertThat(outcome.stories().get(0).dateline()).isEqualTo("Skarholm");
    assertThat(outcome.stories().get(1).version()).isEqualTo(4);
    assertThat(outcome.stories().get(1).body())
        .isEqualTo("The sports hall at Skarholm school reopened on Tuesday.");
    assertThat(outcome.rejected()).extracting(StoryParseException::reason,
            StoryParseException::position)
        .containsExactly(
            tuple(RejectReason.MISSING_HEADLINE, "item 2"),
            tuple(RejectReason.BAD_DATE, "item 3"));
    assertThat(outcome.rejected().get(1).getMessage()).isEqualTo(
        "array.json item 3: bad date in versioncreated: \"the second of April\" is not a"
            + " date-time such as 2014-11-22T08:43:00+08:00 or Sat, 22 Nov 2014 08:43:00 +0800");
  }

  @Test
  void shouldReturnOnlyGoodItemsFromParse() throws Exception {
    final List<ParsedStory> stories = parser.parse(
        Fixtures.bytes("ninjs/ninjs-array.json"), "array.json");

    assertThat(stories).extracting(ParsedStory::headline).containsExactly(
        "Ferry link to Skarholm resumes after storm repairs",
        "Skarholm school reopens its sports hall");
  }

  @Test
  void shouldRejectMalformedJsonWithLine() {
    final String json = "{\n  \"uri\": \"urn:x\",\n  \"headline\": \"Unclosed\n}";

    assertThatThrownBy(() -> parser.parse(Fixtures.utf8(json), "bad.json"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_JSON);
          assertThat(e.position()).isEqualTo("line 3");
          assertThat(e.getMessage()).startsWith("bad.json line 3: malformed JSON: ");
        });
  }

  @Test
  void shouldKeepAFlashWithoutBodyAndSaySo() throws Exception {
    final String json = "{\"uri\": \"urn:x\", \"headline\": \"Headline without text\"}";

    final ParsedStory story = parser.parse(Fixtures.utf8(json), "nobody.json").get(0);

    assertThat(story.body()).isEmpty();
    assertThat(story.paragraphs()).isEmpty();
    assertThat(story.warnings()).containsExactly(
        "no-body: the item has no body text (a flash or headline-only item)");
  }

  @Test
  void shouldRejectAPictureWithoutTextAsNoStory() {
    final String json = "{\"uri\": \"urn:p\", \"type\": \"picture\", \"headline\": \"A photo\"}";

    assertThatThrownBy(() -> parser.parse(Fixtures.utf8(json), "photo.json"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.UNSUPPORTED_SHAPE);
          assertThat(e.getMessage()).isEqualTo(
              "photo.json item 1: a ninjs picture item without text is not a story");
        });
  }

  @Test
  void shouldRejectMalformedDate() {
    final String json = "{\"uri\": \"urn:x\", \"headline\": \"H\", \"body_text\": \"Text.\","
        + " \"embargoed\": \"2024-02-30T10:00:00Z\"}";

    assertThatThrownBy(() -> parser.parse(Fixtures.utf8(json), "date.json"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE);
          assertThat(e.getMessage()).contains("embargoed", "\"2024-02-30T10:00:00Z\"");
        });
  }

  @Test
  void shouldRejectFieldOfWrongType() {
    final String json =
        "{\"uri\": \"urn:x\", \"headline\": {\"text\": \"H\"}, \"body_text\": \"T\"}";

    assertThatThrownBy(() -> parser.parse(Fixtures.utf8(json), "shape.json"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.UNSUPPORTED_SHAPE);
          assertThat(e.getMessage()).isEqualTo(
              "shape.json item 1: headline must be a string, found an object");
        });
  }

  @Test
  void shouldReadNinjs2ByAndLiteralSubjects() throws Exception {
    final String json = "{\"uri\": \"urn:y\", \"by\": \"Desk Staff\", \"headlines\": [{\"value\":"
        + " \"Only headline\"}], \"subjects\": [{\"literal\": \"weather\"}], \"bodies\":"
        + " [{\"value\": \"Line one.\\nLine two.\"}]}";

    final ParsedStory story = parser.parse(Fixtures.utf8(json), "by.json").get(0);

    assertThat(story.byline()).isEqualTo("Desk Staff");
    assertThat(story.headline()).isEqualTo("Only headline");
    assertThat(story.subjects()).containsExactly("weather");
    assertThat(story.body()).isEqualTo("Line one.\n\nLine two.");
  }
}
