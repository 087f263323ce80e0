package io.wirestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schemas.avro.SourceFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTest {

  private static Optional<SourceFormat> detect(final String text, final String fileName) {
    return FormatDetector.detect(Fixtures.utf8(text), fileName);
  }

  @ParameterizedTest
  @CsvSource({
      "plaintext/harbour-times-business.txt, PLAIN_TEXT",
      "plaintext/baltic-ledger-crlf-bom.txt, PLAIN_TEXT",
      "plaintext/night-trains-no-byline.txt, PLAIN_TEXT",
      "ninjs/ninjs1-body-text.json, NINJS",
      "ninjs/ninjs1-body-html.json, NINJS",
      "ninjs/ninjs2-bodies.json, NINJS",
      "ninjs/ninjs-array.json, NINJS",
      "newsml/newsitem-single.xml, NEWSML_G2",
      "newsml/newsmessage-two-items.xml, NEWSML_G2",
      "newsml/bad/truncated.xml, NEWSML_G2",
      "newsml/bad/xxe.xml, NEWSML_G2",
      "feeds/harbour-times.rss, RSS",
      "feeds/northwind-wire.atom, ATOM",
      "jsonl/bulk.jsonl, JSON_LINES"})
  void shouldDetectFixtureFromContentAlone(final String fixture, final SourceFormat expected) {
    assertThat(FormatDetector.detect(Fixtures.bytes(fixture), null)).contains(expected);
  }

  @Test
  void shouldLetContentWinOverMisleadingExtension() {
    assertThat(FormatDetector.detect(Fixtures.bytes("feeds/northwind-wire.atom"), "feed.rss"))
        .contains(SourceFormat.ATOM);
    assertThat(FormatDetector.detect(Fixtures.bytes("ninjs/ninjs2-bodies.json"), "x.txt"))
        .contains(SourceFormat.NINJS);
  }

  @Test
  void shouldDetectRss1RdfRoot() {
    assertThat(detect("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
        + " xmlns=\"http://purl.org/rss/1.0/\"><channel/></rdf:RDF>", null))
        .contains(SourceFormat.RSS);
  }

  @Test
  void shouldDetectNinjsBySchemaOnly() {
    assertThat(detect("{\"$schema\": \"https://www.iptc.org/std/ninjs/ninjs-schema_2.0.json\","
        + " \"headline\": \"x\", \"body\": \"y\"}", null)).contains(SourceFormat.NINJS);
  }

  @Test
  void shouldTellPrettyPrintedObjectFromJsonLines() {
    assertThat(detect("{\n  \"headline\": \"A\",\n  \"uri\": \"u\"\n}\n", null))
        .contains(SourceFormat.NINJS);
    assertThat(detect("{\"headline\": \"A\", \"body\": \"B\"}\n{\"headline\": \"C\"}\n", null))
        .contains(SourceFormat.JSON_LINES);
  }

  @Test
  void shouldDetectSingleJsonLineByItsFields() {
    assertThat(detect("{\"headline\": \"A\", \"body\": \"B\"}", null))
        .contains(SourceFormat.JSON_LINES);
    assertThat(detect("{\"title\": \"A\"}", null)).isEmpty();
  }

  @Test
  void shouldUseExtensionOnlyWhenContentIsAmbiguous() {
    assertThat(detect("{\"title\": \"A\"}", "/data/in/batch.JSONL"))
        .contains(SourceFormat.JSON_LINES);
    assertThat(detect("Just a headline", "C:\\news\\short.txt")).contains(SourceFormat.PLAIN_TEXT);
    assertThat(detect("Just a headline", null)).isEmpty();
    assertThat(detect("<rss version=\"2.0\"", "broken.rss")).contains(SourceFormat.RSS);
    assertThat(detect("<rss version=\"2.0\"", "broken.xml")).isEmpty();
  }

  @Test
  void shouldFindNothingInUnknownXmlOrShortText() {
    assertThat(detect("<catalog><book/></catalog>", "books.xml")).isEmpty();
    assertThat(detect("hello", null)).isEmpty();
    assertThat(detect("   ", null)).isEmpty();
  }
}
