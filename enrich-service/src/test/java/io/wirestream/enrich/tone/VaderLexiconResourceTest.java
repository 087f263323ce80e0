package io.wirestream.enrich.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped VADER lexicon, its licenses and attribution, and the script that fetched them. */
class VaderLexiconResourceTest {

  private static final String DIR = "/io/wirestream/enrich/tone/";

  private static byte[] resource(final String name) throws IOException {
    try (InputStream in = ToneScorer.class.getResourceAsStream(DIR + name)) {
      assertThat(in).as("classpath resource %s%s", DIR, name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static String text(final String name) throws IOException {
    return new String(resource(name), StandardCharsets.UTF_8);
  }

  @Test
  void shouldShipTheLexiconOfTheNpmPackage() throws IOException {
    final String lexicon = text("vader_lexicon.txt");
    assertThat(lexicon.lines().count()).isEqualTo(7517);
    // 14 tokens appear twice (the later line wins, as in the reference): 7,503 distinct entries.
    assertThat(ToneScorer.load().lexiconSize()).isEqualTo(7503);
    assertThat(lexicon).startsWith("$:\t-1.5\t");
  }

  @Test
  void shouldShipLicensesAndAttribution() throws IOException, NoSuchAlgorithmException {
    final String notice = text("NOTICE.md");
    assertThat(notice).contains("C.J. Hutto", "Eric Gilbert", "MIT",
        "vader-sentiment@" + ToneScorer.LEXICON_VERSION, "Apache-2.0",
        "enrich-service/scripts/fetch-vader-lexicon.sh",
        "Copyright 2018 Comcast Cable Communications Management, LLC");
    final String sha = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(resource("vader_lexicon.txt")));
    assertThat(notice).as("NOTICE.md records the lexicon's sha256").contains(sha);
    assertThat(text("VADER-LICENSE.txt")).contains("Apache License", "Version 2.0");
  }

  @Test
  void shouldKeepTheFetchScriptInStepWithTheResources() throws IOException {
    // Surefire runs in the module directory.
    final Path script = Path.of("scripts", "fetch-vader-lexicon.sh");
    assertThat(script).exists();
    final String body = Files.readString(script);
    assertThat(body).contains("set -euo pipefail", "npm pack",
        "VERSION=\"" + ToneScorer.LEXICON_VERSION + "\"", "EXPECTED_LINES=7517");
    assertThat(ToneScorer.lexiconId()).isEqualTo("vader-lexicon-" + ToneScorer.LEXICON_VERSION);
  }

  @Test
  void shouldShareOneLoadedScorer() {
    assertThat(ToneScorer.load()).isSameAs(ToneScorer.load());
  }

  @Test
  void shouldFailClearlyWhenTheLexiconIsMissing() {
    assertThatThrownBy(() -> ToneScorer.loadFrom("/io/wirestream/enrich/tone/missing.txt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/io/wirestream/enrich/tone/missing.txt")
        .hasMessageContaining("fetch-vader-lexicon.sh");
  }

  @Test
  void shouldRejectAMalformedLexiconLine() {
    assertThatThrownBy(() -> ToneScorer.parseLexicon(
        new BufferedReader(new StringReader("good\t1.9\t0.9\nbad\tbad\t1\n")), "test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test line 2");
  }

  @Test
  void shouldLetTheLaterOfTwoLinesWin() throws IOException {
    final Map<String, Double> lexicon = ToneScorer.parseLexicon(
        new BufferedReader(new StringReader("lol\t2.9\t1\n\nlol\t1.8\t1\n")), "test");
    assertThat(lexicon).containsExactly(Map.entry("lol", 1.8));
  }
}
