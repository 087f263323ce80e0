package io.wirestream.enrich.tone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.TextField;
import io.wirestream.schemas.avro.ToneLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Scores the tone model against VADER and always-NEUTRAL on the development sets of
 * {@code shared/devdata} (TFNS and NewsMTSC train, both MIT), on the half of each that no
 * threshold was chosen on.
 *
 * <p>Each set is split in two halves by a hash of the article (NewsMTSC: the article part of the
 * sentence id, so sentences of one article stay together; TFNS: the tweet). Thresholds are chosen
 * on the <b>fit</b> half (macro-F1 over a grid) and every figure in the table is on the
 * <b>test</b> half. The thresholds in the code ({@link NewsTone#SENTENCE},
 * {@link NewsTone#ENTITY}) are what this command chose; it prints both.
 *
 * <ul>
 *   <li>Sentence / article: a TFNS tweet, links removed, scored as a story's body
 *       ({@link NewsTone#scoreStory}); NewsMTSC sentences whose targets all have one label, the
 *       same way.</li>
 *   <li>Entity: each NewsMTSC target, the sentence as the body and the target's span as the
 *       entity's one mention ({@link NewsTone#entityTone}). VADER's entity tone is the old one:
 *       the compound of the sentence holding the mention, labelled at ±0.05.</li>
 * </ul>
 */
public final class DevSetEvaluation {

  /** Which half of a set. */
  public enum Half { FIT, TEST }

  /** One labelled text; {@code start}/{@code end} are the target's span, -1 for none. */
  public record Example(String id, String article, String text, ToneLabel gold, int start,
      int end) {
  }

  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final ToneLabel[] CLASSES = {ToneLabel.NEGATIVE, ToneLabel.NEUTRAL,
      ToneLabel.POSITIVE};

  private DevSetEvaluation() {
  }

  /** The half an article key falls in (a fixed hash, the same on every machine). */
  public static Half halfOf(final String article) {
    long h = 1125899906842597L;
    for (int i = 0; i < article.length(); i++) {
      h = 31 * h + article.charAt(i);
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (h & 1) == 0 ? Half.FIT : Half.TEST;
  }

  /** Reads a {@code sentiment.jsonl} of devdata (see its README for the shape). */
  public static List<Example> read(final Path file) throws IOException {
    final ObjectMapper json = new ObjectMapper();
    final List<Example> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        final JsonNode n = json.readTree(line);
        final String id = n.path("id").asText();
        final String group = n.path("group").asText(id);
        final JsonNode target = n.path("target");
        final boolean hasTarget = target.isObject();
        String text = n.path("text").asText();
        if (!hasTarget) {
          text = URL.matcher(text).replaceAll("").strip();
        }
        final ToneLabel gold = ToneLabel.valueOf(n.path("label").asText().toUpperCase(Locale.ROOT));
        out.add(new Example(id, articleOf(group), text, gold,
            hasTarget ? target.path("start").asInt() : -1,
            hasTarget ? target.path("end").asInt() : -1));
      }
    }
    return out;
  }

  /** NewsMTSC ids are {@code source_article_..._sentence...}: the first three parts. */
  static String articleOf(final String group) {
    final String[] parts = group.split("_", 4);
    return parts.length >= 4 ? parts[0] + "_" + parts[1] + "_" + parts[2] : group;
  }

  /** Examples of one half. */
  public static List<Example> half(final List<Example> all, final Half half) {
    return all.stream().filter(e -> halfOf(e.article()) == half).toList();
  }

  /** NewsMTSC sentences whose targets all carry one label, one example each. */
  public static List<Example> agreedSentences(final List<Example> targets) {
    final Map<String, Example> first = new LinkedHashMap<>();
    final Map<String, Boolean> agreed = new LinkedHashMap<>();
    for (final Example e : targets) {
      final Example seen = first.putIfAbsent(e.text(), e);
      agreed.merge(e.text(), seen == null || seen.gold() == e.gold(), Boolean::logicalAnd);
    }
    final List<Example> out = new ArrayList<>();
    for (final Map.Entry<String, Example> e : first.entrySet()) {
      if (agreed.get(e.getKey())) {
        final Example x = e.getValue();
        out.add(new Example(x.id(), x.article(), x.text(), x.gold(), -1, -1));
      }
    }
    return out;
  }

  /** A 3x3 confusion matrix, gold by predicted, in the order NEGATIVE, NEUTRAL, POSITIVE. */
  public static final class Confusion {
    private final int[][] counts = new int[3][3];
    private int total;

    void add(final ToneLabel gold, final ToneLabel predicted) {
      counts[index(gold)][index(predicted)]++;
      total++;
    }

    private static int index(final ToneLabel label) {
      return switch (label) {
        case NEGATIVE -> 0;
        case POSITIVE -> 2;
        default -> 1;
      };
    }

    /** F1 of one class. */
    public double f1(final ToneLabel label) {
      final int c = index(label);
      int predicted = 0;
      int gold = 0;
      for (int k = 0; k < 3; k++) {
        predicted += counts[k][c];
        gold += counts[c][k];
      }
      final int tp = counts[c][c];
      return tp == 0 ? 0.0 : 2.0 * tp / (predicted + gold);
    }

    /** Mean F1 of the three classes. */
    public double macroF1() {
      return (f1(ToneLabel.NEGATIVE) + f1(ToneLabel.NEUTRAL) + f1(ToneLabel.POSITIVE)) / 3;
    }

    /** Share of examples labelled right. */
    public double accuracy() {
      return total == 0 ? 0.0 : (double) (counts[0][0] + counts[1][1] + counts[2][2]) / total;
    }

    /** Number of examples. */
    public int total() {
      return total;
    }
  }

  /** Scores one labelling of the examples. */
  public static Confusion score(final List<Example> examples,
      final Function<Example, ToneLabel> labeller) {
    final Confusion c = new Confusion();
    for (final Example e : examples) {
      c.add(e.gold(), labeller.apply(e));
    }
    return c;
  }

  /** The thresholds on {@code raw} with the best macro-F1 on {@code examples} (0.01 grid). */
  public static Calibration fit(final List<Example> examples,
      final ToDoubleFunction<Example> raw) {
    final double[] scores = new double[examples.size()];
    final int[] gold = new int[examples.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = raw.applyAsDouble(examples.get(i));
      gold[i] = Confusion.index(examples.get(i).gold());
    }
    double best = -1;
    Calibration bestCalibration = null;
    for (int neg = -90; neg <= -1; neg++) {
      for (int pos = 1; pos <= 90; pos++) {
        final double tn = neg / 100.0;
        final double tp = pos / 100.0;
        final int[][] m = new int[3][3];
        for (int i = 0; i < scores.length; i++) {
          final int p = scores[i] >= tp ? 2 : scores[i] <= tn ? 0 : 1;
          m[gold[i]][p]++;
        }
        final double f = macro(m);
        if (f > best + 1e-12) {
          best = f;
          bestCalibration = new Calibration(tn, tp);
        }
      }
    }
    return bestCalibration;
  }

  private static double macro(final int[][] m) {
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      int predicted = 0;
      int gold = 0;
      for (int k = 0; k < 3; k++) {
        predicted += m[k][c];
        gold += m[c][k];
      }
      sum += m[c][c] == 0 ? 0.0 : 2.0 * m[c][c] / (predicted + gold);
    }
    return sum / 3;
  }

  /** The raw article score the tone model gives a text scored as a story's body. */
  static double storyRaw(final NewsTone tone, final Example e) {
    return tone.scoreStory(null, e.text()).raw();
  }

  /** The raw entity score the tone model gives an example's target. */
  static double entityRaw(final NewsTone tone, final Example e) {
    return tone.entityRaw(tone.scoreStory(null, e.text()), List.of(mention(e)));
  }

  /** The example's target as a body mention. */
  static Mention mention(final Example e) {
    return new Mention(TextField.BODY, e.start(), e.end(), e.text().substring(e.start(), e.end()),
        null);
  }

  /**
   * Runs the whole evaluation on a devdata folder and returns the report: the thresholds chosen
   * on the fit halves, then the tables (markdown) on the test halves.
   */
  public static List<String> run(final Path devdata) throws IOException {
    final List<Example> tfns = read(devdata.resolve("tfns/sentiment.jsonl"));
    final List<Example> mtsc = read(devdata.resolve("newsmtsc/sentiment.jsonl"));
    final List<Example> mtscSentences = agreedSentences(mtsc);
    final NewsTone tone = NewsTone.load();
    final ToneScorer vader = ToneScorer.load();

    final List<String> lines = new ArrayList<>();
    final Calibration sentenceFit = fit(half(tfns, Half.FIT), e -> storyRaw(tone, e));
    final Calibration entityFit = fitEntityCrossed(half(mtsc, Half.FIT));
    lines.add("Thresholds on the raw score (NEGATIVE at or below, POSITIVE at or above),");
    lines.add("chosen for macro-F1 on the fit halves:");
    lines.add(String.format(Locale.ROOT,
        "  sentence/article (TFNS fit half, %d tweets): %.2f / %.2f; in code: %.2f / %.2f",
        half(tfns, Half.FIT).size(), sentenceFit.negative(), sentenceFit.positive(),
        NewsTone.SENTENCE.negative(), NewsTone.SENTENCE.positive()));
    lines.add(String.format(Locale.ROOT,
        "  entity (NewsMTSC fit half, %d targets, out-of-fold model scores): %.2f / %.2f;"
            + " in code: %.2f / %.2f",
        half(mtsc, Half.FIT).size(), entityFit.negative(), entityFit.positive(),
        NewsTone.ENTITY.negative(), NewsTone.ENTITY.positive()));
    lines.add("");
    lines.add("| set (test half) | level | n | system | macro-F1 | accuracy | F1 neg | F1 neu"
        + " | F1 pos |");
    lines.add("|---|---|---|---|---|---|---|---|---|");
    final Function<Example, ToneLabel> neutral = e -> ToneLabel.NEUTRAL;
    // VADER with thresholds fitted like ours: what calibration alone is worth.
    final Calibration vaderFit = fit(half(tfns, Half.FIT), e -> vader.score(e.text()).score());
    sentenceRows(lines, "TFNS", half(tfns, Half.TEST), tone, vader, vaderFit, neutral);
    sentenceRows(lines, "NewsMTSC, sentences whose targets agree", half(mtscSentences,
        Half.TEST), tone, vader, vaderFit, neutral);
    final List<Example> mtscTest = half(mtsc, Half.TEST);
    final String level = "entity";
    row(lines, "NewsMTSC targets", level, "always NEUTRAL", score(mtscTest, neutral));
    row(lines, "NewsMTSC targets", level, "VADER (sentence compound)", score(mtscTest,
        e -> ToneResult.labelOf(vader.compound(e.text(), sentenceStart(e), sentenceEnd(e)))));
    row(lines, "NewsMTSC targets", level, "news tone of the whole sentence", score(mtscTest,
        e -> tone.scoreStory(null, e.text()).result().label()));
    final Calibration rulesFit = fit(half(mtsc, Half.FIT), e -> entityRulesRaw(tone, e));
    row(lines, "NewsMTSC targets", level, String.format(Locale.ROOT,
        "news tone, EntityTone rules alone (thresholds %.2f / %.2f fitted)", rulesFit.negative(),
        rulesFit.positive()), score(mtscTest, e -> rulesFit.label(entityRulesRaw(tone, e))));
    row(lines, "NewsMTSC targets", level, "**news tone (EntityTone rules + linear model)**",
        score(mtscTest, e -> ToneResult.labelOf(tone.entityTone(tone.scoreStory(null, e.text()),
            List.of(mention(e))))));
    return lines;
  }

  /**
   * Entity thresholds chosen on scores the model did not train on: the fit half is split in two
   * by article, a model trained on each part scores the other, and the thresholds are fitted to
   * those out-of-fold scores.
   */
  static Calibration fitEntityCrossed(final List<Example> fit) throws IOException {
    final NewsTone rules = NewsTone.withoutEntityModel();
    final List<Example> a = fit.stream().filter(e -> fold(e.article())).toList();
    final List<Example> b = fit.stream().filter(e -> !fold(e.article())).toList();
    final Map<Example, Double> raws = new java.util.IdentityHashMap<>();
    crossScore(rules, a, b, raws);
    crossScore(rules, b, a, raws);
    return fit(new ArrayList<>(raws.keySet()), e -> {
      final double r = raws.get(e);
      return Double.isNaN(r) ? 0.0 : r;
    });
  }

  private static void crossScore(final NewsTone rules, final List<Example> train,
      final List<Example> score, final Map<Example, Double> raws) throws IOException {
    final java.io.StringWriter weights = new java.io.StringWriter();
    EntityToneModel.train(rules.entityExamples(train), weights);
    final NewsTone crossed = NewsTone.withEntityModel(EntityToneModel.read(
        new java.io.BufferedReader(new java.io.StringReader(weights.toString())), "fold"));
    for (final Example e : score) {
      raws.put(e, entityRaw(crossed, e));
    }
  }

  private static boolean fold(final String article) {
    return halfOf(article + "#fold") == Half.FIT;
  }

  /** The raw entity score of the rules alone. */
  static double entityRulesRaw(final NewsTone tone, final Example e) {
    return tone.entityRulesRaw(tone.scoreStory(null, e.text()), List.of(mention(e)));
  }

  /**
   * Trains the entity model ({@link EntityToneModel}) on the fit half of NewsMTSC train in
   * {@code devdata} and writes its weights.
   *
   * @return the number of training targets
   */
  public static int writeEntityModel(final Path devdata, final java.io.Writer out)
      throws IOException {
    final List<Example> fit = half(read(devdata.resolve("newsmtsc/sentiment.jsonl")), Half.FIT);
    final List<EntityToneModel.Example> examples =
        NewsTone.withoutEntityModel().entityExamples(fit);
    EntityToneModel.train(examples, out);
    return examples.size();
  }

  private static int sentenceStart(final Example e) {
    return 0;
  }

  private static int sentenceEnd(final Example e) {
    return e.text().length();
  }

  private static void sentenceRows(final List<String> lines, final String set,
      final List<Example> examples, final NewsTone tone, final ToneScorer vader,
      final Calibration vaderFit, final Function<Example, ToneLabel> neutral) {
    final String level = "sentence/article";
    row(lines, set, level, "always NEUTRAL", score(examples, neutral));
    row(lines, set, level, "VADER", score(examples, e -> vader.score(e.text()).label()));
    row(lines, set, level, String.format(Locale.ROOT,
        "VADER, thresholds fitted on the TFNS fit half (%.2f / %.2f)", vaderFit.negative(),
        vaderFit.positive()), score(examples, e -> vaderFit.label(vader.score(e.text()).score())));
    row(lines, set, level, "**news tone**", score(examples,
        e -> tone.scoreStory(null, e.text()).result().label()));
  }

  private static void row(final List<String> lines, final String set, final String level,
      final String system, final Confusion c) {
    lines.add(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.3f | %.3f | %.3f | %.3f | %.3f |",
        set, level, c.total(), system, c.macroF1(), c.accuracy(), c.f1(ToneLabel.NEGATIVE),
        c.f1(ToneLabel.NEUTRAL), c.f1(ToneLabel.POSITIVE)));
  }
}
