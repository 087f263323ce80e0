package io.wirestream.enrich.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The financial lexicon resource, its NOTICE, and how it is laid over VADER's lexicon. */
class NewsLexiconTest {

  @Test
  void shouldLoadEveryFinancialEntry() {
    assertThat(NewsLexicon.load().size()).isEqualTo(176);
  }

  @Test
  void theNoticeShouldNameTheLicenseAndTheFilesChecksum() throws Exception {
    final String notice = resource("FINANCE-NOTICE.md");
    assertThat(notice).contains("afinn-165-financialmarketnews@3.0.0").contains("MIT")
        .contains(sha256(resourceBytes("finance_lexicon.tsv")));
    assertThat(resource("AFINN-FINANCE-LICENSE.txt")).contains("The MIT License");
    final String script = Files.readString(Path.of("scripts/fetch-finance-lexicon.sh"));
    assertThat(script).contains("FINANCE_VERSION=\"3.0.0\"").contains("EXPECTED_ROWS=176");
  }

  @Test
  void shouldAddFinancialWordsAndScaleThemToVadersRange() {
    final Map<String, Double> lexicon = new HashMap<>(Map.of("good", 1.9));
    NewsLexicon.load().overlay(lexicon);
    // AFINN "plunged" is -3: -3 x 0.75.
    assertThat(lexicon.get("plunged")).isCloseTo(-2.25, within(1e-9));
    assertThat(lexicon.get("good")).isEqualTo(1.9);
    assertThat(lexicon.get("downgraded")).isNegative();
  }

  @Test
  void vaderShouldKeepItsRatingUnlessTheSignFlipsOrTheWordBecomesNeutral() {
    final Map<String, Double> lexicon = new HashMap<>(Map.of("fears", -1.8, "dominate", -0.5,
        "shares", 1.2, "interest", 2.0));
    NewsLexicon.load().overlay(lexicon);
    assertThat(lexicon.get("fears")).isEqualTo(-1.8);
    assertThat(lexicon.get("dominate")).isPositive();
    assertThat(lexicon).doesNotContainKey("shares").doesNotContainKey("interest");
  }

  @Test
  void negationWordsShouldBeLeftToVadersNegationRule() {
    final Map<String, Double> lexicon = new HashMap<>();
    NewsLexicon.load().overlay(lexicon);
    assertThat(lexicon).doesNotContainKey("don't").doesNotContainKey("hasn't");
  }

  private static String resource(final String name) throws IOException {
    return new String(resourceBytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] resourceBytes(final String name) throws IOException {
    try (InputStream in = NewsLexicon.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static String sha256(final byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
