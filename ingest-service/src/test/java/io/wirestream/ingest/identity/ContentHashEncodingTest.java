package io.wirestream.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.parse.ParsedStory;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streamed content hash gives exactly the digest of the normalized text's UTF-8 bytes, for
 * every kind of character: ASCII, accents, CJK, emoji (surrogate pairs), a lone surrogate,
 * typographic spaces and quotes, and bodies longer than the feed's buffer.
 */
class ContentHashEncodingTest {

  private static ParsedStory story(final String headline, final String body) {
    return new ParsedStory(SourceFormat.JSON_LINES, "s", null, null, null, null, headline, null,
        null, null, null, body, List.of(), null, null, null, ArticleStatus.USABLE, Map.of());
  }

  private static String expected(final String headline, final String body) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
        (ArticleIdentity.normalize(headline) + '\n' + ArticleIdentity.normalize(body))
            .getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Plain ASCII text.",
      "  Leading and trailing  \t spaces \n\n and paragraphs  ",
      "Café in São Paulo, Zürich and Łódź",
      "東京で会議が開かれた",
      "Emoji 🌊 and 🚢 in a story",
      "A lone surrogate \uD800 here",
      "No\u00A0break\u2009thin\u3000ideographic spaces",
      "\u201CQuoted\u201D \u2018single\u2019 \u2013 dashes \u2014 here",
      "ﬁ ligature and ① circled digit (NFKC)"})
  void shouldHashTheSameBytesAsTheNormalizedString(final String body) throws Exception {
    assertThat(ArticleIdentity.contentHash(story("Headline", body)))
        .isEqualTo(expected("Headline", body));
  }

  @Test
  void shouldHashBodiesLongerThanTheBuffer() throws Exception {
    final String body = "Wörter und Sätze 🌊 ".repeat(5_000);

    assertThat(ArticleIdentity.contentHash(story("Lange Geschichte", body)))
        .isEqualTo(expected("Lange Geschichte", body));
  }
}
