package io.wirestream.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.parse.ParsedStory;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleIdentityTest {

  private static final String SOURCE = "Lantern Bay Ledger";
  private static final String HEADLINE = "Tidal mill reopens in Lantern Bay";
  private static final String BODY =
      "The restored tidal mill ground its first flour in forty years on Sunday.";

  private static ParsedStory story(final String source, final String guid, final String headline,
      final String body) {
    return new ParsedStory(SourceFormat.PLAIN_TEXT, source, source, guid, null, null, headline,
        null, null, null, null, body, List.of(), null, null, null, ArticleStatus.USABLE,
        Map.of());
  }

  private static ParsedStory story(final String headline, final String body) {
    return story(SOURCE, null, headline, body);
  }

  @Test
  void shouldUseSourceGuidTrimmedAsId() {
    final ParsedStory withGuid = story(SOURCE, "  urn:lantern:2024:mill-77  ", HEADLINE, BODY);

    assertThat(ArticleIdentity.articleId(withGuid)).isEqualTo("urn:lantern:2024:mill-77");
  }

  @Test
  void shouldDeriveIdFromSourceHeadlineAndBodyWhenGuidIsBlank() {
    final ParsedStory blankGuid = story(SOURCE, "   ", HEADLINE, BODY);

    // ws- and the first 20 hex digits of SHA-256("lantern bay ledger\n<headline>\n<body>"),
    // lower-cased.
    assertThat(ArticleIdentity.articleId(blankGuid)).isEqualTo("ws-714ccfbb795970173219");
  }

  @Test
  void shouldDeriveIdOfPrefixAndTwentyHexDigitsWithoutGuid() {
    final String id = ArticleIdentity.articleId(story(HEADLINE, BODY));

    assertThat(id).startsWith(ArticleIdentity.DERIVED_ID_PREFIX).matches("ws-[0-9a-f]{20}");
  }

  @Test
  void shouldDeriveSameIdAcrossWhitespaceRuns() {
    final ParsedStory spaced = story("  Tidal   mill reopens\tin Lantern\u00A0Bay ",
        "The restored tidal  mill ground\n\nits first flour in forty years on Sunday.  ");

    assertThat(ArticleIdentity.articleId(spaced))
        .isEqualTo(ArticleIdentity.articleId(story(HEADLINE, BODY)));
  }

  @Test
  void shouldDeriveSameIdAcrossUnicodeNormalizationForms() {
    // Composed e-acute, ligature fi and a plain digit; against decomposed e + U+0301, the
    // letters f and i, and a full-width digit.
    final ParsedStory composed = story("Caf\u00E9 owners \uFB01ght harbour fee rise of 5%",
        "Owners of the quayside caf\u00E9s said the new fee would cost them 5% more.");
    final ParsedStory decomposed = story("Cafe\u0301 owners fight harbour fee rise of \uFF15%",
        "Owners of the quayside cafe\u0301s said the new fee would cost them \uFF15% more.");

    assertThat(ArticleIdentity.articleId(decomposed))
        .isEqualTo(ArticleIdentity.articleId(composed));
  }

  @Test
  void shouldDeriveSameIdForCurlyAndStraightQuotes() {
    final ParsedStory curly = story("Miller\u2019s guild calls mill \u201Ca living museum\u201D",
        "\u2018It works again,\u2019 the guild said.");
    final ParsedStory straight = story("Miller's guild calls mill \"a living museum\"",
        "'It works again,' the guild said.");

    assertThat(ArticleIdentity.articleId(curly)).isEqualTo(ArticleIdentity.articleId(straight));
  }

  @Test
  void shouldDeriveSameIdForEnAndEmDashesAndHyphens() {
    final ParsedStory dashes = story("Mill open 9\u201317 daily \u2014 guild",
        "Tours run 9\u201317 \u2014 weather permitting.");
    final ParsedStory hyphens = story("Mill open 9-17 daily - guild",
        "Tours run 9-17 - weather permitting.");

    assertThat(ArticleIdentity.articleId(dashes)).isEqualTo(ArticleIdentity.articleId(hyphens));
  }

  @Test
  void shouldDeriveDifferentIdForDifferentBody() {
    final ParsedStory other = story(HEADLINE,
        "The restored tidal mill ground its first flour in fifty years on Sunday.");

    assertThat(ArticleIdentity.articleId(other))
        .isNotEqualTo(ArticleIdentity.articleId(story(HEADLINE, BODY)));
  }

  @Test
  void shouldWriteContentHashAsLowerCaseSha256OfHeadlineAndBody() {
    assertThat(ArticleIdentity.contentHash(story(HEADLINE, BODY)))
        .isEqualTo("cc7f70cfdf48e11ad01147b651359d32b18bf63e8dcb7bd7072609990cd375c7");
  }

  @Test
  void shouldChangeContentHashWhenHeadlineChanges() {
    final ParsedStory retitled = story("Tidal mill reopens in Lantern Bay after repairs", BODY);

    assertThat(ArticleIdentity.contentHash(retitled))
        .isNotEqualTo(ArticleIdentity.contentHash(story(HEADLINE, BODY)));
  }

  @Test
  void shouldChangeContentHashWhenBodyChanges() {
    final ParsedStory edited = story(HEADLINE,
        "The restored tidal mill ground its first flour in forty years on Saturday.");

    assertThat(ArticleIdentity.contentHash(edited))
        .isNotEqualTo(ArticleIdentity.contentHash(story(HEADLINE, BODY)));
  }

  @Test
  void shouldChangeContentHashWhenOnlyCaseChanges() {
    final ParsedStory shouted = story(HEADLINE.toUpperCase(Locale.ROOT), BODY);

    assertThat(ArticleIdentity.contentHash(shouted))
        .isNotEqualTo(ArticleIdentity.contentHash(story(HEADLINE, BODY)));
  }

  @Test
  void shouldKeepContentHashForWhitespaceOnlyDifferences() {
    final ParsedStory spaced = story(" Tidal mill  reopens in\tLantern Bay",
        "The restored tidal mill ground its first\n flour in forty  years on Sunday. ");

    assertThat(ArticleIdentity.contentHash(spaced))
        .isEqualTo(ArticleIdentity.contentHash(story(HEADLINE, BODY)));
  }
}
