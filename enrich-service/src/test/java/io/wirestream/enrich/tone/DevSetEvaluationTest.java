package io.wirestream.enrich.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.schemas.avro.ToneLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev-set evaluation on a small invented devdata folder of the real shape. */
public class DevSetEvaluationTest {

  /** Writes an invented devdata folder (TFNS-like and NewsMTSC-like) into {@code dir}. */
  public static void writeDevdata(final Path dir) throws IOException {
    Files.createDirectories(dir.resolve("tfns"));
    Files.createDirectories(dir.resolve("newsmtsc"));
    final List<String> tfns = new ArrayList<>();
    final String[][] tweets = {
        {"Orbex shares jump after profit beats estimates https://t.co/x", "positive"},
        {"Kantar Foods cuts 300 jobs as sales fall", "negative"},
        {"Meridian Bank to report results on Tuesday", "neutral"},
        {"Velta upgraded to buy at a broker", "positive"},
        {"Norvik net loss widens in third quarter", "negative"},
        {"Astel names new chief financial officer", "neutral"}};
    for (int i = 0; i < 60; i++) {
      final String[] t = tweets[i % tweets.length];
      tfns.add(String.format("{\"id\": \"tfns-train-%05d\", \"text\": \"%s %d\", \"label\": \"%s\","
          + " \"target\": null}", i + 1, t[0], i, t[1]));
    }
    Files.write(dir.resolve("tfns/sentiment.jsonl"), tfns, StandardCharsets.UTF_8);
    final List<String> mtsc = new ArrayList<>();
    final String[][] targets = {
        {"Prosecutors accused Halvorsen of fraud.", "Halvorsen", "negative"},
        {"Voters praised Reyes for the new school.", "Reyes", "positive"},
        {"Brandt met the committee on Monday.", "Brandt", "neutral"}};
    for (int i = 0; i < 60; i++) {
      final String[] t = targets[i % targets.length];
      final int start = t[0].indexOf(t[1]);
      mtsc.add(String.format("{\"id\": \"src_%d_1_%d_x\", \"group\": \"src_%d_1_%d_x\", "
          + "\"text\": \"%s\", \"label\": \"%s\", \"target\": {\"start\": %d, \"end\": %d, "
          + "\"text\": \"%s\"}}", i, i, i, i, t[0], t[2], start, start + t[1].length(), t[1]));
    }
    Files.write(dir.resolve("newsmtsc/sentiment.jsonl"), mtsc, StandardCharsets.UTF_8);
  }

  @Test
  void theHalvesShouldBeFixedAndSplitRoughlyEvenly() {
    int fit = 0;
    for (int i = 0; i < 2_000; i++) {
      if (DevSetEvaluation.halfOf("article-" + i) == DevSetEvaluation.Half.FIT) {
        fit++;
      }
    }
    assertThat(fit).isBetween(900, 1_100);
    assertThat(DevSetEvaluation.halfOf("allsides_1000_401"))
        .isEqualTo(DevSetEvaluation.halfOf("allsides_1000_401"));
  }

  @Test
  void sentencesOfOneArticleShouldStayInOneHalf() {
    assertThat(DevSetEvaluation.articleOf("allsides_1000_401_25_Reality Leigh Winner_0_6"))
        .isEqualTo("allsides_1000_401");
    assertThat(DevSetEvaluation.articleOf("tfns-train-00001")).isEqualTo("tfns-train-00001");
  }

  @Test
  void confusionShouldGiveMacroF1AndAccuracy() {
    final DevSetEvaluation.Confusion c = new DevSetEvaluation.Confusion();
    c.add(ToneLabel.POSITIVE, ToneLabel.POSITIVE);
    c.add(ToneLabel.POSITIVE, ToneLabel.NEUTRAL);
    c.add(ToneLabel.NEGATIVE, ToneLabel.NEGATIVE);
    c.add(ToneLabel.NEUTRAL, ToneLabel.NEUTRAL);
    assertThat(c.accuracy()).isCloseTo(0.75, within(1e-12));
    assertThat(c.f1(ToneLabel.POSITIVE)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(c.f1(ToneLabel.NEUTRAL)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(c.f1(ToneLabel.NEGATIVE)).isCloseTo(1.0, within(1e-12));
    assertThat(c.macroF1()).isCloseTo((2.0 / 3 * 2 + 1) / 3, within(1e-12));
  }

  @Test
  void fitShouldFindThresholdsThatSeparateTheClasses() {
    final List<DevSetEvaluation.Example> examples = List.of(
        example(ToneLabel.NEGATIVE), example(ToneLabel.NEUTRAL), example(ToneLabel.POSITIVE));
    final Calibration c = DevSetEvaluation.fit(examples,
        e -> switch (e.gold()) {
          case NEGATIVE -> -0.4;
          case POSITIVE -> 0.6;
          default -> 0.1;
        });
    assertThat(c.label(-0.4)).isEqualTo(ToneLabel.NEGATIVE);
    assertThat(c.label(0.1)).isEqualTo(ToneLabel.NEUTRAL);
    assertThat(c.label(0.6)).isEqualTo(ToneLabel.POSITIVE);
  }

  private static DevSetEvaluation.Example example(final ToneLabel gold) {
    return new DevSetEvaluation.Example(gold.name(), gold.name(), "x", gold, -1, -1);
  }

  @Test
  void shouldReadTheDevdataShapeAndDropLinks(@TempDir final Path dir) throws IOException {
    writeDevdata(dir);
    final List<DevSetEvaluation.Example> tfns =
        DevSetEvaluation.read(dir.resolve("tfns/sentiment.jsonl"));
    assertThat(tfns).hasSize(60);
    assertThat(tfns.get(0).text()).doesNotContain("https://").startsWith("Orbex shares jump");
    final List<DevSetEvaluation.Example> mtsc =
        DevSetEvaluation.read(dir.resolve("newsmtsc/sentiment.jsonl"));
    assertThat(mtsc.get(0).text().substring(mtsc.get(0).start(), mtsc.get(0).end()))
        .isEqualTo("Halvorsen");
    assertThat(DevSetEvaluation.agreedSentences(mtsc)).hasSize(3);
  }

  @Test
  void shouldPrintTheThresholdsAndATableOfEverySystem(@TempDir final Path dir) throws IOException {
    writeDevdata(dir);
    final List<String> lines = DevSetEvaluation.run(dir);
    assertThat(String.join("\n", lines)).contains("in code: "
        + String.format(java.util.Locale.ROOT, "%.2f / %.2f", NewsTone.SENTENCE.negative(),
        NewsTone.SENTENCE.positive()));
    assertThat(lines).anyMatch(l -> l.startsWith("| TFNS | sentence/article |")
        && l.contains("| VADER |"));
    assertThat(lines).anyMatch(l -> l.startsWith("| NewsMTSC targets | entity |")
        && l.contains("linear model"));
    assertThat(lines).filteredOn(l -> l.startsWith("| TFNS") || l.startsWith("| NewsMTSC"))
        .hasSize(13);
  }
}
