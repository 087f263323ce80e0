package io.wirestream.enrich.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import io.wirestream.schemas.avro.ToneLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityToneModelTest {

  /** Development data, when this machine has it (the shared folder beside the repository). */
  static final Path DEVDATA = Path.of(System.getProperty("wirestream.devdata",
      "../../shared/devdata"));

  private static Counter<String> features(final String... words) {
    final Counter<String> c = new ClassicCounter<>();
    c.setCount("bias", 1.0);
    for (final String w : words) {
      c.setCount("w:" + w, 1.0);
    }
    return c;
  }

  @Test
  void theMentionsOwnWordsShouldNeverBeFeatures() {
    final ToneScorer scorer = ToneScorer.loadNews();
    final String text = "Voters praised Reyes warmly.";
    final TokenSentiments ts = scorer.tokenSentiments(text, 0, text.length());
    final Counter<String> f = EntityToneModel.features(ts, 2, 3, 0.5);
    assertThat(f.keySet()).contains("w:voters", "l:praised", "r:warmly", "rule", "sentence")
        .doesNotContain("w:reyes", "l:reyes", "r:reyes");
    assertThat(f.getCount("rule")).isEqualTo(0.5);
  }

  @Test
  void theClauseFeaturesShouldStopAtPunctuationAndThePositionShouldBeMarked() {
    final ToneScorer scorer = ToneScorer.loadNews();
    final String text = "Critics, who called the plan reckless, said Okafor was brilliant.";
    final TokenSentiments ts = scorer.tokenSentiments(text, 0, text.length());
    final int okafor = ts.wordAt(text.indexOf("Okafor"));
    final Counter<String> f = EntityToneModel.features(ts, okafor, okafor + 1, 0.0);
    assertThat(f.keySet()).contains("c:said", "c:was", "c:brilliant", "pos:mid")
        .doesNotContain("c:critics", "c:reckless", "c:okafor", "pos:first", "pos:last");
    final int brilliant = ts.wordAt(text.indexOf("brilliant"));
    assertThat(ts.sentiments()[brilliant]).as("'brilliant' carries sentiment").isPositive();
    assertThat(f.getCount("sclause")).isEqualTo(ts.sentiments()[okafor - 1]
        + ts.sentiments()[okafor + 1] + ts.sentiments()[brilliant]);
    assertThat(f.getCount("relpos")).isEqualTo((double) okafor / ts.size());

    final Counter<String> first = EntityToneModel.features(ts, 0, 1, 0.0);
    assertThat(first.keySet()).contains("pos:first").doesNotContain("c:who", "c:said");
    assertThat(first.getCount("relpos")).isZero();
  }

  @Test
  void trainingShouldBeDeterministicAndLearnTheWords() throws IOException {
    final List<EntityToneModel.Example> examples = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      examples.add(new EntityToneModel.Example(features("hailed", "x" + i % 3),
          ToneLabel.POSITIVE));
      examples.add(new EntityToneModel.Example(features("jailed", "x" + i % 3),
          ToneLabel.NEGATIVE));
      examples.add(new EntityToneModel.Example(features("met", "x" + i % 3), ToneLabel.NEUTRAL));
    }
    final StringWriter first = new StringWriter();
    final StringWriter second = new StringWriter();
    EntityToneModel.train(examples, first);
    EntityToneModel.train(examples, second);
    assertThat(first.toString()).isEqualTo(second.toString()).contains("w:hailed\t");
    final EntityToneModel model = EntityToneModel.read(
        new BufferedReader(new StringReader(first.toString())), "test");
    assertThat(model.polarity(features("hailed"))).isPositive();
    assertThat(model.polarity(features("jailed"))).isNegative();
    assertThat(Math.abs(model.polarity(features("met")))).isLessThan(0.3);
  }

  @Test
  void theDirectSumShouldEqualCoreNlpsClassifierOnTheShippedModel() {
    final EntityToneModel model = EntityToneModel.load();
    final ToneScorer scorer = ToneScorer.loadNews();
    final String[] sentences = {
        "Prosecutors in Oslo accused Henrik Halvorsen of fraud on Monday.",
        "The senator, who praised the bill, said Reyes would sign it, aides said.",
        "Shares of Velta fell sharply after the company cut its forecast.",
        // A word repeated inside one punctuation stretch counts once per occurrence in both.
        "The board said the bid the board rejected was weak, and the bid failed."};
    int checked = 0;
    for (final String text : sentences) {
      final TokenSentiments ts = scorer.tokenSentiments(text, 0, text.length());
      final double[] words = model.sentenceWords(ts);
      for (int a = 0; a < ts.size(); a++) {
        for (int b = a + 1; b <= Math.min(ts.size(), a + 3); b++) {
          final double rule = EntityTone.mentionRaw(ts, a, b);
          assertThat(model.polarity(ts, a, b, rule, words)).as("%s [%d, %d)", text, a, b)
              .isCloseTo(model.polarity(EntityToneModel.features(ts, a, b, rule)),
                  org.assertj.core.api.Assertions.within(1e-9));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void aMalformedModelShouldBeRejectedWithItsLine() {
    assertThatThrownBy(() -> EntityToneModel.read(
        new BufferedReader(new StringReader("# header\nbias\t0.1\t0.2\n")), "m.tsv"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("m.tsv line 2");
    assertThatThrownBy(() -> EntityToneModel.read(
        new BufferedReader(new StringReader("bias\t0.1\tx\t0.3\n")), "m.tsv"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("bad weight");
    assertThatThrownBy(() -> EntityToneModel.read(
        new BufferedReader(new StringReader("# only a header\n")), "m.tsv"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
  }

  @Test
  void theShippedModelShouldLoadAndNameItsTrainingDataLicense() throws IOException {
    assertThat(EntityToneModel.load()).isNotNull();
    try (InputStream in = EntityToneModel.class.getResourceAsStream("ENTITY-MODEL-NOTICE.md")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("NewsMTSC", "MIT", "eval-tone", "--write-entity-model");
    }
  }

  @Test
  void theShippedModelShouldBeWhatTrainingOnTheDevelopmentDataWrites() throws IOException {
    assumeThat(Files.isDirectory(DEVDATA.resolve("newsmtsc"))).as("needs shared/devdata")
        .isTrue();
    final StringWriter trained = new StringWriter();
    DevSetEvaluation.writeEntityModel(DEVDATA, trained);
    try (InputStream in = EntityToneModel.class.getResourceAsStream("entity_tone_model.tsv")) {
      assertThat(trained.toString())
          .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
