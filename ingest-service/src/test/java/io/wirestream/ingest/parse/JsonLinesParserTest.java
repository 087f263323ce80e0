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

class JsonLinesParserTest {

  private final JsonLinesParser parser = new JsonLinesParser(ParserConfig.defaults());

  @Test
  void shouldReadEveryGoodLineWithRawArticleFieldNames() throws Exception {
    final ParseOutcome outcome = parser.parseAll(Fixtures.bytes("jsonl/bulk.jsonl"), "bulk.jsonl");

    assertThat(outcome.stories()).containsExactly(
        new ParsedStory(SourceFormat.JSON_LINES, "Northwind News Agency", "Harbour Times",
            "urn:bulk:2024:0101", 2, "https://harbourtimes.example/2024/01/05/tolls",
            "Bridge tolls rise by 5 percent", "Mei Lindqvist", "Aldermouth", "Business", "en",
            "Tolls on the Aldermouth bridge will rise by 5 percent in March.\n\n"
                + "The bridge company blamed higher maintenance costs.",
            List.of("medtop:20000344", "tolls"), 5, Instant.parse("2024-01-05T09:00:00Z"), null,
            ArticleStatus.USABLE, Map.of("edition", "Harbour Times 01/05/2024 page3")),
        new ParsedStory(SourceFormat.JSON_LINES, null, null, "urn:bulk:2024:0102", null, null,
            "Withheld earnings story", null, null, null, null,
            "Earnings figures are under embargo until the market opens.", List.of(), null,
            Instant.parse("2024-01-05T10:00:00Z"), Instant.parse("2024-01-05T09:00:00Z"),
            ArticleStatus.WITHHELD, Map.of(), List.of("zone-assumed: embargoUntil"
                + " \"2024-01-05T09:00:00\" has no zone; read in UTC")),
        new ParsedStory(SourceFormat.JSON_LINES, null, null, null, null, null, "Minimal story",
            null, null, null, null, "Only a headline and a body.", List.of(), null, null, null,
            ArticleStatus.USABLE, Map.of()));
  }

  @Test
  void shouldRejectBadLinesWithTheirLineNumbers() throws Exception {
    final ParseOutcome outcome = parser.parseAll(Fixtures.bytes("jsonl/bulk.jsonl"), "bulk.jsonl");

    assertThat(outcome.rejected())
        .extracting(StoryParseException::reason, StoryParseException::position)
        .containsExactly(
            tuple(RejectReason.MALFORMED_JSON, "line 3"),
            tuple(RejectReason.MISSING_BODY, "line 5"));
    assertThat(outcome.rejected().get(0).getMessage())
        .startsWith("bulk.jsonl line 3: malformed JSON: ");
  }

  @Test
  void shouldReadTimestampsWithoutOffsetInDefaultZone() throws Exception {
    final JsonLinesParser athens = new JsonLinesParser(
        ParserConfig.defaults().withDefaultZone(ZoneId.of("Europe/Athens")));
    final String line = "{\"headline\": \"H\", \"body\": \"B.\", \"publishedAt\":"
        + " \"2024-07-01T12:00:00\", \"embargoUntil\": 1719835200000}";

    final ParsedStory story = athens.parse(Fixtures.utf8(line), "z.jsonl").get(0);

    assertThat(story.publishedAt()).isEqualTo(Instant.parse("2024-07-01T09:00:00Z"));
    assertThat(story.embargoUntil()).isEqualTo(Instant.ofEpochMilli(1719835200000L));
  }

  @Test
  void shouldRejectMalformedDateWithLine() {
    final String lines = "{\"headline\": \"A\", \"body\": \"B.\"}\n"
        + "{\"headline\": \"C\", \"body\": \"D.\", \"publishedAt\": \"yesterday\"}\n";

    final ParseOutcome outcome = parseAll(lines);

    assertThat(outcome.stories()).extracting(ParsedStory::headline).containsExactly("A");
    assertThat(outcome.rejected()).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE);
      assertThat(e.getMessage()).isEqualTo("l.jsonl line 2: bad date in publishedAt:"
          + " \"yesterday\" is not a date-time such as 2014-11-22T08:43:00+08:00 or Sat, 22 Nov"
          + " 2014 08:43:00 +0800");
    });
  }

  @Test
  void shouldRejectWrongTypesAndUnknownStatus() {
    final String lines = "{\"headline\": \"A\", \"body\": \"B.\", \"urgency\": \"high\"}\n"
        + "{\"headline\": \"A\", \"body\": \"B.\", \"status\": \"published\"}\n"
        + "[1, 2]\n";

    final ParseOutcome outcome = parseAll(lines);

    assertThat(outcome.rejected()).extracting(StoryParseException::getMessage).containsExactly(
        "l.jsonl line 1: urgency must be an integer, found a string \"high\"",
        "l.jsonl line 2: status must be one of USABLE, WITHHELD, CANCELED, UNKNOWN, found"
            + " \"published\"",
        "l.jsonl line 3: expected one JSON object per line, found an array");
  }

  @Test
  void shouldThrowFirstRejectionWhenNoLineIsUsable() {
    assertThatThrownBy(() -> parser.parse(Fixtures.utf8("{\"body\": \"x\"}\n"), "h.jsonl"))
        .isInstanceOfSatisfying(StoryParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.MISSING_HEADLINE);
          assertThat(e.position()).isEqualTo("line 1");
        });
  }

  private ParseOutcome parseAll(final String lines) {
    try {
      return parser.parseAll(Fixtures.utf8(lines), "l.jsonl");
    } catch (final StoryParseException e) {
      throw new AssertionError("whole document rejected: " + e.getMessage(), e);
    }
  }
}
