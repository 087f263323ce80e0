package io.wirestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wirestream.schemas.avro.SourceFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StoryParsersTest {

  private final StoryParsers parsers = new StoryParsers(ParserConfig.defaults());

  private StoryParseException rejection(final byte[] input, final String origin) {
    final StoryParseException[] caught = new StoryParseException[1];
    assertThatThrownBy(() -> parsers.parseAll(input, origin, Optional.empty()))
        .isInstanceOfSatisfying(StoryParseException.class, e -> caught[0] = e);
    return caught[0];
  }

  static Stream<Arguments> fixturesAndTheirFormats() {
    return Stream.of(
        Arguments.of("plaintext/harbour-times-business.txt", SourceFormat.PLAIN_TEXT, 1),
        Arguments.of("plaintext/baltic-ledger-crlf-bom.txt", SourceFormat.PLAIN_TEXT, 1),
        Arguments.of("ninjs/ninjs1-body-text.json", SourceFormat.NINJS, 1),
        Arguments.of("ninjs/ninjs2-bodies.json", SourceFormat.NINJS, 1),
        Arguments.of("ninjs/ninjs-array.json", SourceFormat.NINJS, 2),
        Arguments.of("newsml/newsitem-single.xml", SourceFormat.NEWSML_G2, 1),
        Arguments.of("newsml/newsmessage-two-items.xml", SourceFormat.NEWSML_G2, 2),
        Arguments.of("feeds/harbour-times.rss", SourceFormat.RSS, 3),
        Arguments.of("feeds/northwind-wire.atom", SourceFormat.ATOM, 2),
        Arguments.of("jsonl/bulk.jsonl", SourceFormat.JSON_LINES, 3));
  }

  @ParameterizedTest
  @MethodSource("fixturesAndTheirFormats")
  void shouldDetectFormatAndParse(final String fixture, final SourceFormat format,
      final int stories) throws Exception {
    // A neutral origin: the content alone must decide.
    final List<ParsedStory> parsed =
        parsers.parse(Fixtures.bytes(fixture), "upload", Optional.empty());

    assertThat(parsed).hasSize(stories).allSatisfy(story ->
        assertThat(story.format()).isEqualTo(format));
  }

  @Test
  void shouldAccountForEveryLineOfJsonLines() throws Exception {
    final ParseOutcome outcome =
        parsers.parseAll(Fixtures.bytes("jsonl/bulk.jsonl"), "bulk.jsonl", Optional.empty());

    assertThat(outcome.stories()).hasSize(3);
    assertThat(outcome.rejected()).extracting(StoryParseException::position)
        .containsExactly("line 3", "line 5");
  }

  @Test
  void shouldUseForcedFormat() {
    final byte[] text = Fixtures.bytes("plaintext/night-trains-no-byline.txt");

    assertThatThrownBy(() -> parsers.parse(text, "forced.txt", Optional.of(SourceFormat.NINJS)))
        .isInstanceOfSatisfying(StoryParseException.class, e ->
            assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_JSON));
  }

  @Test
  void shouldRecordAtomWhenRssIsForcedOnAtomFeed() throws Exception {
    final List<ParsedStory> stories = parsers.parse(
        Fixtures.bytes("feeds/northwind-wire.atom"), "wire", Optional.of(SourceFormat.RSS));

    assertThat(stories).extracting(ParsedStory::format)
        .containsExactly(SourceFormat.ATOM, SourceFormat.ATOM);
  }

  @Test
  void shouldRejectEmptyFile() {
    final StoryParseException e = rejection(new byte[0], "empty.txt");

    assertThat(e.reason()).isEqualTo(RejectReason.EMPTY);
    assertThat(e.getMessage()).isEqualTo("empty.txt byte 0: document is empty");
  }

  @Test
  void shouldRejectWhitespaceOnlyFileWithBom() {
    final StoryParseException e = rejection(
        Fixtures.utf8("\uFEFF  \r\n\t \n"), "blank.txt");

    assertThat(e.reason()).isEqualTo(RejectReason.EMPTY);
    assertThat(e.getMessage()).isEqualTo("blank.txt byte 0: document holds only whitespace");
  }

  @Test
  void shouldRejectBinaryJunkWithNulBytes() {
    final byte[] junk = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D};

    final StoryParseException e = rejection(junk, "photo.png");

    assertThat(e.reason()).isEqualTo(RejectReason.BINARY);
    assertThat(e.position()).isEqualTo("byte 8");
    assertThat(e.getMessage()).isEqualTo(
        "photo.png byte 8: binary content: NUL byte at byte 8; expected a text document");
  }

  @Test
  void shouldRejectControlCharacterJunkWithoutNulBytes() {
    final byte[] junk = new byte[400];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) (i % 3 == 0 ? 'a' : 0x01 + i % 7);
    }

    final StoryParseException e = rejection(junk, "junk.bin");

    assertThat(e.reason()).isEqualTo(RejectReason.BINARY);
    assertThat(e.getMessage()).contains("of the first 400 bytes are control characters");
  }

  @Test
  void shouldReadUndeclaredLatin1AsWindows1252WithAWarning() throws Exception {
    final byte[] latin1 = ("Caf\u00E9 reopens\n\nThe caf\u00E9 opened on Monday morning,"
        + " \u00E0 l'heure.").getBytes(StandardCharsets.ISO_8859_1);

    final ParsedStory story = parsers.parse(latin1, "latin1.txt", Optional.empty()).get(0);

    assertThat(story.headline()).isEqualTo("Caf\u00E9 reopens");
    assertThat(story.body()).isEqualTo("The caf\u00E9 opened on Monday morning, \u00E0 l'heure.");
    assertThat(story.warnings()).containsExactly("charset-fallback: the bytes are not UTF-8 and no"
        + " other charset is declared; read as windows-1252");
  }

  @Test
  void shouldReadAFeedWithWhitespaceBeforeItsXmlDeclaration() throws Exception {
    final byte[] feed = Fixtures.utf8("\n  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        + "<title>T</title><item><title>Stray newline</title><description>A script printed a"
        + " newline first.</description></item></channel></rss>");

    final List<ParsedStory> stories = parsers.parse(feed, "feed.php", Optional.empty());

    assertThat(stories).extracting(ParsedStory::headline).containsExactly("Stray newline");
  }

  @Test
  void shouldRejectFiftyMegabyteBodyBeforeLookingAtIt() {
    final byte[] huge = new byte[50 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');

    final StoryParseException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
        () -> rejection(huge, "huge.txt"));

    assertThat(e.reason()).isEqualTo(RejectReason.TOO_LARGE);
    assertThat(e.getMessage()).isEqualTo(
        "huge.txt byte 10485760: document is 52428800 bytes, over the limit of 10485760 bytes");
  }

  @Test
  void shouldHonourConfiguredSizeLimit() {
    final StoryParsers small = new StoryParsers(ParserConfig.defaults().withMaxDocumentBytes(100));

    assertThatThrownBy(() -> small.parse(Fixtures.bytes("plaintext/harbour-times-business.txt"),
        "page.txt", Optional.empty()))
        .isInstanceOfSatisfying(StoryParseException.class, e ->
            assertThat(e.reason()).isEqualTo(RejectReason.TOO_LARGE));
  }

  @Test
  void shouldRejectUnknownFormat() {
    final StoryParseException e = rejection(Fixtures.utf8("hello"), "note");

    assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_FORMAT);
    assertThat(e.getMessage()).startsWith("note line 1: unknown format: not NewsML-G2, ninjs");
  }

  @Test
  void shouldNameUnknownXmlRootElement() {
    final StoryParseException e = rejection(
        Fixtures.utf8("<?xml version=\"1.0\"?>\n<catalog><book/></catalog>"), "books.xml");

    assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_FORMAT);
    assertThat(e.getMessage()).contains("XML root element <catalog>");
  }

  @Test
  void shouldCallHtmlPageUnknownFormatNotForbiddenDtd() {
    final StoryParseException e = rejection(
        Fixtures.utf8("<!DOCTYPE html>\n<html><body><p>Page</p></body></html>"), "page.html");

    assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_FORMAT);
    assertThat(e.getMessage()).contains("an HTML web page");
  }

  @Test
  void shouldRejectMalformedJsonOfUnknownShape() {
    final StoryParseException e = rejection(Fixtures.utf8("{\n\"a\": [1, 2,\n"), "x.json");

    assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_JSON);
    assertThat(e.getMessage()).startsWith("x.json line 3: malformed JSON: ");
  }

  @Test
  void shouldRejectJsonWithoutStoryFields() {
    final StoryParseException e = rejection(Fixtures.utf8("{\"price\": 3}"), "x.json");

    assertThat(e.reason()).isEqualTo(RejectReason.UNSUPPORTED_SHAPE);
    assertThat(e.getMessage()).contains("neither ninjs fields");
  }

  @Test
  void shouldRejectTruncatedXmlWithLine() {
    final StoryParseException e =
        rejection(Fixtures.bytes("newsml/bad/truncated.xml"), "truncated.xml");

    assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_XML);
    assertThat(e.position()).isEqualTo("line 8");
  }

  @Test
  void shouldRefuseXxeWithoutFileContent() {
    final StoryParseException e = rejection(Fixtures.bytes("newsml/bad/xxe.xml"), "xxe.xml");

    assertThat(e.reason()).isEqualTo(RejectReason.FORBIDDEN_DTD);
    assertThat(e.getMessage()).doesNotContain("root:").contains("forbidden DTD");
  }

  @Test
  void shouldRefuseBillionLaughsOfUnknownVocabularyFast() {
    final String payload = new String(Fixtures.bytes("newsml/bad/billion-laughs.xml"),
        StandardCharsets.UTF_8).replace("newsItem", "lolz");

    final StoryParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> rejection(Fixtures.utf8(payload), "lolz.xml"));

    assertThat(e.reason()).isEqualTo(RejectReason.FORBIDDEN_DTD);
    assertThat(e.position()).isEqualTo("line 2");
  }

  @Test
  void shouldRefuseBillionLaughsNewsItemFast() {
    final StoryParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> rejection(Fixtures.bytes("newsml/bad/billion-laughs.xml"), "lol.xml"));

    assertThat(e.reason()).isEqualTo(RejectReason.FORBIDDEN_DTD);
  }

  /** Found by ParserFuzzTest: the JDK's StAX scanner threw MissingResourceException here. */
  @Test
  void shouldRejectControlCharacterInDoctypeAsSpecificError() throws Exception {
    final byte[] input = Fixtures.utf8(
        "<!DOCTYPE x [<!ENTITY\u0002a \"aaaa\">]><rss><channel></channel></rss>");

    assertThat(rejection(input, "odd.xml").reason()).isEqualTo(RejectReason.UNKNOWN_FORMAT);
    final StoryParseException forced = assertThrows(StoryParseException.class,
        () -> parsers.parseAll(input, "odd.rss", Optional.of(SourceFormat.RSS)));
    assertThat(forced.reason()).isEqualTo(RejectReason.MALFORMED_XML);
    assertThat(forced.detail()).contains("unreadable XML prolog");
  }

  static Stream<Arguments> malformedDatesInEveryFormat() {
    return Stream.of(
        Arguments.of("plaintext/andes-daily-bad-date.txt", "line 5", "2014-13-45 08:43"),
        Arguments.of("ninjs/ninjs-array.json", "item 3", "the second of April"),
        Arguments.of("newsml/bad/bad-date.xml", "item 1", "2019-02-30T16:20:00+01:00"),
        Arguments.of("feeds/harbour-times.rss", "item 4", "the eleventh of March"),
        Arguments.of("jsonl/bad-date.jsonl", "line 2", "2024-06-31T10:00:00Z"));
  }

  @ParameterizedTest
  @MethodSource("malformedDatesInEveryFormat")
  void shouldRejectMalformedDateInEveryFormatWithDates(final String fixture,
      final String position, final String text) throws Exception {
    final StoryParseException e = badDateOf(fixture);

    assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE);
    assertThat(e.position()).isEqualTo(position);
    assertThat(e.getMessage()).startsWith(fixture + " " + position + ": bad date")
        .contains("\"" + text + "\"");
  }

  /** Whole-document rejection, or the date rejection among a document's items. */
  private StoryParseException badDateOf(final String fixture) throws StoryParseException {
    try {
      final ParseOutcome outcome =
          parsers.parseAll(Fixtures.bytes(fixture), fixture, Optional.empty());
      return outcome.rejected().stream().filter(e -> e.reason() == RejectReason.BAD_DATE)
          .findFirst().orElseThrow(() -> new AssertionError("no date rejected in " + fixture));
    } catch (final StoryParseException e) {
      if (e.reason() != RejectReason.BAD_DATE) {
        throw e;
      }
      return e;
    }
  }
}
