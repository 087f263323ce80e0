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

class FeedParserTest {

  private final FeedParser parser = new FeedParser(ParserConfig.defaults());

  @Test
  void shouldReadRss2ItemsAsStories() throws Exception {
    final FeedParseResult result = parser.parseFeed(
        Fixtures.bytes("feeds/harbour-times.rss"), "harbour.rss");

    assertThat(result.stories()).containsExactly(
        new ParsedStory(SourceFormat.RSS, "Harbour Times - Shipping", null, "ht-2019-0314-berth",
            null, "https://harbourtimes.example/shipping/2019/03/14/automated-berth",
            "Port of Aldermouth opens automated container berth", "Mei Lindqvist", null, null,
            "en-gb",
            "The Port of Aldermouth opened its first fully automated container berth on"
                + " Wednesday.\n\n"
                + "Harbour master Tomas Ekdahl said the cranes would reach full speed in the"
                + " autumn.",
            List.of("Shipping", "Labour"), null, Instant.parse("2019-03-14T15:05:00Z"), null,
            ArticleStatus.USABLE, Map.of()),
        new ParsedStory(SourceFormat.RSS, "Harbour Times - Shipping", null,
            "https://harbourtimes.example/shipping/2019/03/13/ferry-fuel", null,
            "https://harbourtimes.example/shipping/2019/03/13/ferry-fuel",
            "Ferry operators warn of rising winter fuel costs",
            "desk@harbourtimes.example (Freight Desk)", null, null, "en-gb",
            "Three ferry operators said fuel would cost them 12% more this winter.\n\n"
                + "Fares could rise in \"the spring\".",
            List.of(), null, Instant.parse("2019-03-13T09:30:00Z"), null, ArticleStatus.USABLE,
            Map.of()),
        new ParsedStory(SourceFormat.RSS, "Harbour Times - Shipping", null, "ht-2019-0310-empty",
            null, null, "Headline only, nothing else", null, null, null, "en-gb", "", List.of(),
            null, Instant.parse("2019-03-10T08:00:00Z"), null, ArticleStatus.USABLE, Map.of(),
            List.of("no-body: the item has no body text (a flash or headline-only item)")));
  }

  @Test
  void shouldRejectBadItemsByPositionWithoutHidingGoodOnes() throws Exception {
    final FeedParseResult result = parser.parseFeed(
        Fixtures.bytes("feeds/harbour-times.rss"), "harbour.rss");

    assertThat(result.rejected())
        .extracting(StoryParseException::reason, StoryParseException::position)
        .containsExactly(
            tuple(RejectReason.MISSING_HEADLINE, "item 3"),
            tuple(RejectReason.BAD_DATE, "item 4"));
    assertThat(result.rejected().get(1).getMessage()).isEqualTo(
        "harbour.rss item 4: bad date \"the eleventh of March\": not an RFC 822 or ISO-8601"
            + " date-time, in any of the languages read");
  }

  @Test
  void shouldReadAtomEntriesAndRecordAtom() throws Exception {
    final List<ParsedStory> stories = parser.parse(
        Fixtures.bytes("feeds/northwind-wire.atom"), "wire.atom");

    assertThat(stories).containsExactly(
        new ParsedStory(SourceFormat.ATOM, "Northwind Wire", null,
            "urn:uuid:5f3a9a10-2d7e-4a51-b0c4-6a1e2f3b4c5d", null,
            "https://wire.example/2023/05/20/rates-held", "Rates held at 3.5% & outlook unchanged",
            "Ilse Brandt, Oskar Lund", null, null, "en",
            "The Northland central bank held its main rate at 3.5% on Saturday.\n\n"
                + "Governor Eva Strand said inflation was slowly easing.",
            List.of("economy", "central-banks"), null, Instant.parse("2023-05-20T16:45:12Z"),
            null, ArticleStatus.USABLE, Map.of()),
        new ParsedStory(SourceFormat.ATOM, "Northwind Wire", null,
            "urn:uuid:7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", null,
            "https://wire.example/2023/05/21/cranes-idle",
            "Harbour cranes idle as wind gusts top 90 km/h", null, null, null, "en",
            "Cranes at Aldermouth stood idle on Sunday morning.\n\n"
                + "Operators expect to restart them by noon.",
            List.of(), null, Instant.parse("2023-05-21T07:00:00Z"), null, ArticleStatus.USABLE,
            Map.of(), List.of("zone-assumed: updated \"2023-05-21T07:00:00\" has no zone; read in"
                + " UTC")));
  }

  @Test
  void shouldReadAtomTimeWithoutOffsetInDefaultZone() throws Exception {
    final FeedParser helsinki = new FeedParser(
        ParserConfig.defaults().withDefaultZone(ZoneId.of("Europe/Helsinki")));

    final List<ParsedStory> stories = helsinki.parse(
        Fixtures.bytes("feeds/northwind-wire.atom"), "wire.atom");

    assertThat(stories.get(1).publishedAt()).isEqualTo(Instant.parse("2023-05-21T04:00:00Z"));
    assertThat(stories.get(0).publishedAt()).isEqualTo(Instant.parse("2023-05-20T16:45:12Z"));
  }

  @Test
  void shouldThrowWhenNoItemIsUsable() {
    final String rss = "<rss version=\"2.0\"><channel><title>T</title><item>"
        + "<description>No title here.</description></item></channel></rss>";

    assertThatThrownBy(() -> parser.parse(Fixtures.utf8(rss), "empty.rss"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.MISSING_HEADLINE);
          assertThat(e.getMessage()).isEqualTo("empty.rss item 1: story has no headline");
        });
  }

  @Test
  void shouldRejectDoctypeInFeed() {
    final String rss = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM"
        + " \"file:///etc/passwd\">]>\n<rss version=\"2.0\"><channel><title>&x;</title>"
        + "</channel></rss>";

    assertThatThrownBy(() -> parser.parse(Fixtures.utf8(rss), "xxe.rss"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.FORBIDDEN_DTD);
          assertThat(e.position()).isEqualTo("line 2");
        });
  }

  @Test
  void shouldRejectTruncatedFeedWithLine() {
    final String rss = "<rss version=\"2.0\">\n<channel>\n<title>T</title>\n<item>\n<title>Cut";

    assertThatThrownBy(() -> parser.parse(Fixtures.utf8(rss), "cut.rss"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_XML);
          assertThat(e.position()).isEqualTo("line 5");
        });
  }

  @Test
  void shouldRejectXmlThatIsNoFeed() {
    final String xml = "<catalog><book>Not news</book></catalog>";

    assertThatThrownBy(() -> parser.parse(Fixtures.utf8(xml), "books.xml"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.UNSUPPORTED_SHAPE);
          assertThat(e.getMessage())
              .startsWith("books.xml line 1: not a readable RSS or Atom feed");
        });
  }
}
