package io.wirestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewsMlG2ParserTest {

  private final NewsMlG2Parser parser = new NewsMlG2Parser(ParserConfig.defaults());

  private StoryParseException rejection(final String fixture) {
    final StoryParseException[] caught = new StoryParseException[1];
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("newsml/" + fixture), fixture))
        .isInstanceOfSatisfying(StoryParseException.class, e -> caught[0] = e);
    return caught[0];
  }

  @Test
  void shouldReadSingleNewsItem() throws Exception {
    final List<ParsedStory> stories = parser.parse(
        Fixtures.bytes("newsml/newsitem-single.xml"), "single.xml");

    assertThat(stories).containsExactly(new ParsedStory(SourceFormat.NEWSML_G2,
        "Northwind News Agency", null, "urn:newsml:northwind.example:20190314:nw-0342", 2, null,
        "Aldermouth port opens automated berth after four-year build", "Mei Lindqvist",
        "Aldermouth", null, "en-GB",
        "The Port of Aldermouth opened its first automated container berth on Wednesday, four"
            + " years after building work began.\n\n"
            + "Harbour master Tomas Ekdahl said 14 remote-controlled cranes would be working by the"
            + " autumn & the berth could then handle 900,000 containers a year.\n\n"
            + "Unions agreed in January to a plan to retrain 240 crane drivers.",
        List.of("medtop:20000344", "medtop:04000000"), 3, Instant.parse("2019-03-14T15:20:00Z"),
        null, ArticleStatus.USABLE,
        Map.of("firstCreated", "2019-03-14T14:05:00Z", "slugline", "PORT-BERTH/",
            "edNote", "Corrects crane count in third paragraph.")));
  }

  @Test
  void shouldReadEveryItemOfNewsMessage() throws Exception {
    final List<ParsedStory> stories = parser.parse(
        Fixtures.bytes("newsml/newsmessage-two-items.xml"), "message.xml");

    assertThat(stories).containsExactly(
        new ParsedStory(SourceFormat.NEWSML_G2, "Pacific Rim Wire", null,
            "urn:newsml:wire.example:20211108:tokyo-rail-01", 1, null,
            "Tokyo commuter line to run all night on weekends", "Hana Mori", "TOKYO", null, "en",
            "A Tokyo commuter line will run trains through the night on Fridays and Saturdays from"
                + " December.\n\n"
                + "The operator said a six-month trial would show whether demand justified the"
                + " cost.",
            List.of("medtop:20000349"), 4, Instant.parse("2021-11-08T01:05:00Z"), null,
            ArticleStatus.USABLE, Map.of()),
        new ParsedStory(SourceFormat.NEWSML_G2, "nprov:PRW", null,
            "urn:newsml:wire.example:20211108:osaka-port-02", 3, null,
            "Osaka port adds night shift to clear container backlog", null, null, null,
            "ja-Latn",
            "Osaka port added a night shift on Monday to clear a backlog of 6,000 containers.\n\n"
                + "The port authority said the backlog should be gone by the end of the month.",
            List.of(), null, Instant.parse("2021-11-08T02:40:00Z"), null, ArticleStatus.WITHHELD,
            Map.of()));
  }

  @Test
  void shouldReadCanceledEmbargoedItemWithTimeInDefaultZone() throws Exception {
    final NewsMlG2Parser oslo = new NewsMlG2Parser(
        ParserConfig.defaults().withDefaultZone(ZoneId.of("Europe/Oslo")));

    final ParsedStory story = oslo.parse(
        Fixtures.bytes("newsml/newsitem-canceled-embargoed.xml"), "kill.xml").get(0);

    assertThat(story.status()).isEqualTo(ArticleStatus.CANCELED);
    assertThat(story.embargoUntil()).isEqualTo(Instant.parse("2024-02-01T06:00:00Z"));
    assertThat(story.publishedAt()).isEqualTo(Instant.parse("2024-01-31T21:00:00Z"));
    assertThat(story.version()).isEqualTo(5);
    assertThat(story.dateline()).isEqualTo("Nordhavn");
    assertThat(story.source()).isEqualTo("nprov:NORTHWIND");
    assertThat(story.headline()).isEqualTo("KILL: Finance ministry budget outline");
    assertThat(story.body()).isEqualTo("This story has been withdrawn. Do not use.");
  }

  @Test
  void shouldRejectTruncatedXmlWithLine() {
    final StoryParseException e = rejection("bad/truncated.xml");

    assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_XML);
    assertThat(e.position()).isEqualTo("line 8");
    assertThat(e.getMessage()).startsWith("bad/truncated.xml line 8: malformed XML: ");
  }

  @Test
  void shouldRejectUnterminatedElementWithLineAndParserMessage() {
    final String xml = "<newsItem guid=\"g\">\n<contentMeta>\n<headline>H</headlin>\n"
        + "</contentMeta>\n</newsItem>";

    assertThatThrownBy(() -> parser.parse(Fixtures.utf8(xml), "news.xml"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_XML);
          assertThat(e.getMessage()).startsWith("news.xml line 3: malformed XML: ")
              .contains("headline");
        });
  }

  @Test
  void shouldRefuseXxeWithoutReadingTheFile() throws Exception {
    final StoryParseException e = rejection("bad/xxe.xml");

    assertThat(e.reason()).isEqualTo(RejectReason.FORBIDDEN_DTD);
    assertThat(e.position()).isEqualTo("line 2");
    assertThat(e.getMessage()).isEqualTo("bad/xxe.xml line 2: forbidden DTD: a DOCTYPE"
        + " declaration is not accepted (entity expansion and external entities are disabled)");
    final Path passwd = Path.of("/etc/passwd");
    if (Files.isReadable(passwd)) {
      final String firstLine = Files.readAllLines(passwd).get(0);
      assertThat(e.getMessage()).doesNotContain(firstLine).doesNotContain("root:");
    }
  }

  @Test
  void shouldRefuseBillionLaughsFast() {
    final StoryParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> rejection("bad/billion-laughs.xml"));

    assertThat(e.reason()).isEqualTo(RejectReason.FORBIDDEN_DTD);
    assertThat(e.position()).isEqualTo("line 2");
  }

  @Test
  void shouldRejectMalformedDate() {
    final StoryParseException e = rejection("bad/bad-date.xml");

    assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE);
    assertThat(e.getMessage()).isEqualTo("bad/bad-date.xml item 1: bad date in"
        + " itemMeta/versionCreated: \"2019-02-30T16:20:00+01:00\" is not a date-time"
        + " such as 2014-11-22T08:43:00+08:00");
  }

  @Test
  void shouldAccountForBadItemOfNewsMessage() throws Exception {
    final String xml = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemSet>"
        + "<newsItem guid=\"a\"><contentMeta><headline>Good one</headline></contentMeta>"
        + "<contentSet><inlineData>Text of the good one.</inlineData></contentSet></newsItem>"
        + "<packageItem guid=\"p\"/>"
        + "<newsItem guid=\"c\"><contentSet><inlineData>No headline.</inlineData></contentSet>"
        + "</newsItem></itemSet></newsMessage>";

    final ParseOutcome outcome = parser.parseAll(Fixtures.utf8(xml), "msg.xml");

    assertThat(outcome.stories()).extracting(ParsedStory::sourceGuid).containsExactly("a");
    assertThat(outcome.rejected()).extracting(StoryParseException::getMessage).containsExactly(
        "msg.xml item 2: <packageItem> is not supported; only newsItem holds a story",
        "msg.xml item 3: story has no headline");
  }

  private static final String NS = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
      + "<itemSet>";

  @Test
  void shouldReadEscapedHtmlInInlineDataAsHtml() throws Exception {
    final String xml = NS + "<newsItem guid=\"h\"><contentMeta><headline>Bridge opens</headline>"
        + "<creator><name>Ada Lind</name></creator><creator><name>desk.night</name></creator>"
        + "</contentMeta><contentSet><inlineData contenttype=\"text/plain\">Bridge opens\n"
        + "Plain copy.</inlineData><inlineData contenttype=\"text/html\">&lt;p&gt;The bridge"
        + " opened.&lt;/p&gt;&lt;figure&gt;&lt;figcaption&gt;The bridge.&lt;/figcaption&gt;"
        + "&lt;/figure&gt;</inlineData></contentSet></newsItem></itemSet></newsMessage>";

    final ParsedStory story = parser.parse(Fixtures.utf8(xml), "html.xml").get(0);

    assertThat(story.body()).isEqualTo("The bridge opened.");
    assertThat(story.attributes()).containsEntry("caption", "The bridge.");
    assertThat(story.byline()).as("a login is no byline; a name is").isEqualTo("Ada Lind");
  }

  @Test
  void shouldRejectAPictureItemWithoutTextButKeepATextFlash() throws Exception {
    final String xml = NS + "<newsItem guid=\"p\"><itemMeta><itemClass qcode=\"ninat:picture\"/>"
        + "</itemMeta><contentMeta><headline>Photo</headline></contentMeta></newsItem>"
        + "<newsItem guid=\"f\"><itemMeta><itemClass qcode=\"ninat:text\"/></itemMeta>"
        + "<contentMeta><headline>FLASH: Bridge closed</headline>"
        + "<description role=\"drol:summary\">"
        + "Police closed the bridge at noon.</description></contentMeta></newsItem>"
        + "</itemSet></newsMessage>";

    final ParseOutcome outcome = parser.parseAll(Fixtures.utf8(xml), "mixed.xml");

    assertThat(outcome.rejected()).extracting(StoryParseException::getMessage).containsExactly(
        "mixed.xml item 1: a ninat:picture item without text is not a story");
    assertThat(outcome.stories()).singleElement().satisfies(flash -> {
      assertThat(flash.body()).isEqualTo("Police closed the bridge at noon.");
      assertThat(flash.warnings()).containsExactly(
          "body-from-summary: the item has no body text; its summary is the body");
    });
  }
}
