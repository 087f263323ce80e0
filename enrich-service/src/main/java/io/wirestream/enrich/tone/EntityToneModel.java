package io.wirestream.enrich.tone;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.Datum;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import edu.stanford.nlp.stats.Counters;
import edu.stanford.nlp.util.Pair;
import io.wirestream.schemas.avro.ToneLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small linear (maximum-entropy) model of the tone towards a mention, CoreNLP's
 * {@link LinearClassifier}, over features of the mention's sentence as the news scorer read it:
 * <ul>
 *   <li>{@code rule}: the raw tone {@link EntityTone#mentionRaw} gives the mention (clause, role,
 *       reported speech), and {@code sentence}: the sentence's raw score;</li>
 *   <li>{@code w:}word for each word of the sentence other than the mention's own, and
 *       {@code l:}/{@code r:}word for the three words on its left and right;</li>
 *   <li>{@code sl.near}, {@code sl.far}, {@code sr.near}, {@code sr.far}: the sentiment the
 *       scorer gave the words left and right of the mention, within three words or farther;</li>
 *   <li>{@code c:}word for each other word between the punctuation marks around the mention, and
 *       {@code sclause}: their sentiment (the rules' clause also ends at "but", "while", ...; on
 *       out-of-fold development scores the punctuation stretch served the model better);</li>
 *   <li>{@code pos:first}, {@code pos:last} or {@code pos:mid}, and {@code relpos}: where the
 *       mention starts, as a share of the sentence's words (a first mention is often the
 *       subject).</li>
 * </ul>
 * The mention's own words are never features, so the model cannot learn who is usually praised.
 *
 * <p>The weights ship as the resource {@value #RESOURCE} (feature TAB weight for NEGATIVE,
 * NEUTRAL, POSITIVE; features seen fewer than {@value #MIN_COUNT} times in training left out),
 * written by {@code ./wirestream eval-tone DEVDATA --write-entity-model FILE}, which trains on
 * the fit half of NewsMTSC train (MIT; see {@code ENTITY-MODEL-NOTICE.md}) with a Gaussian prior
 * of sigma {@value #SIGMA}. The test half is never trained on; {@code eval-tone} scores it.
 * Immutable and thread-safe.
 */
final class EntityToneModel {

  /** Classpath resource of the weights. */
  static final String RESOURCE = "/io/wirestream/enrich/tone/entity_tone_model.tsv";
  /** Gaussian prior of the weights in training. */
  static final double SIGMA = 0.3;
  /** Features seen fewer times than this in training are left out of the model. */
  static final int MIN_COUNT = 3;
  /** Words on each side that get positional features. */
  static final int NEAR = 3;

  private static final String[] LABELS = {"NEGATIVE", "NEUTRAL", "POSITIVE"};

  private final LinearClassifier<String, String> classifier;

  // The same weights by feature kind, for scoring a mention without building its feature
  // counter: looked up by the bare word, three weights (NEGATIVE, NEUTRAL, POSITIVE) each.
  private final Map<String, double[]> wordWeights = new HashMap<>();
  private final Map<String, double[]> leftWeights = new HashMap<>();
  private final Map<String, double[]> rightWeights = new HashMap<>();
  private final Map<String, double[]> clauseWeights = new HashMap<>();
  private final Map<String, double[]> denseWeights = new HashMap<>();

  private static final double[] NONE = new double[LABELS.length];

  private EntityToneModel(final LinearClassifier<String, String> classifier) {
    this.classifier = classifier;
    for (final String feature : classifier.features()) {
      final double[] w = new double[LABELS.length];
      for (int k = 0; k < LABELS.length; k++) {
        w[k] = classifier.weight(feature, LABELS[k]);
      }
      if (feature.startsWith("w:")) {
        wordWeights.put(feature.substring(2), w);
      } else if (feature.startsWith("l:")) {
        leftWeights.put(feature.substring(2), w);
      } else if (feature.startsWith("r:")) {
        rightWeights.put(feature.substring(2), w);
      } else if (feature.startsWith("c:")) {
        clauseWeights.put(feature.substring(2), w);
      } else {
        denseWeights.put(feature, w);
      }
    }
  }

  /**
   * The sum of the {@code w:} weights of every word of a sentence, per label: shared by all the
   * mentions of the sentence, which then take their own words out ({@link #polarity(
   * TokenSentiments, int, int, double, double[])}).
   */
  double[] sentenceWords(final TokenSentiments ts) {
    final double[] sum = new double[LABELS.length];
    for (final String key : ts.keys()) {
      add(sum, wordWeights.getOrDefault(key, NONE), 1.0);
    }
    return sum;
  }

  /**
   * {@link #polarity(Counter)} of {@link #features} for the mention at words {@code [a, b)},
   * computed from the weights directly (the same sum, without building the features):
   * {@code sentenceWords} is {@link #sentenceWords} of the sentence.
   */
  double polarity(final TokenSentiments ts, final int a, final int b, final double rule,
      final double[] sentenceWords) {
    final double[] s = sentenceWords.clone();
    final String[] keys = ts.keys();
    final double[] sentiments = ts.sentiments();
    for (int k = a; k < b; k++) {
      add(s, wordWeights.getOrDefault(keys[k], NONE), -1.0);
    }
    add(s, denseWeights.getOrDefault("bias", NONE), 1.0);
    add(s, denseWeights.getOrDefault("rule", NONE), rule);
    add(s, denseWeights.getOrDefault("sentence", NONE), ts.compound());
    double leftNear = 0.0;
    double leftFar = 0.0;
    double rightNear = 0.0;
    double rightFar = 0.0;
    for (int k = 0; k < keys.length; k++) {
      if (k >= a && k < b) {
        continue;
      }
      final boolean left = k < a;
      final boolean near = (left ? a - k : k - b + 1) <= NEAR;
      if (near) {
        add(s, (left ? leftWeights : rightWeights).getOrDefault(keys[k], NONE), 1.0);
      }
      if (left) {
        leftNear += near ? sentiments[k] : 0.0;
        leftFar += near ? 0.0 : sentiments[k];
      } else {
        rightNear += near ? sentiments[k] : 0.0;
        rightFar += near ? 0.0 : sentiments[k];
      }
    }
    final int from = EntityTone.clauseStart(ts, a, false);
    final int to = EntityTone.clauseEnd(ts, b, false);
    double clause = 0.0;
    for (int k = from; k < to; k++) {
      if (k < a || k >= b) {
        add(s, clauseWeights.getOrDefault(keys[k], NONE), 1.0);
        clause += sentiments[k];
      }
    }
    add(s, denseWeights.getOrDefault("sclause", NONE), clause);
    add(s, denseWeights.getOrDefault(position(a, b, keys.length), NONE), 1.0);
    add(s, denseWeights.getOrDefault("relpos", NONE), (double) a / keys.length);
    add(s, denseWeights.getOrDefault("sl.near", NONE), leftNear);
    add(s, denseWeights.getOrDefault("sl.far", NONE), leftFar);
    add(s, denseWeights.getOrDefault("sr.near", NONE), rightNear);
    add(s, denseWeights.getOrDefault("sr.far", NONE), rightFar);
    final double max = Math.max(s[0], Math.max(s[1], s[2]));
    final double neg = Math.exp(s[0] - max);
    final double neu = Math.exp(s[1] - max);
    final double pos = Math.exp(s[2] - max);
    return (pos - neg) / (neg + neu + pos);
  }

  private static void add(final double[] sum, final double[] weights, final double value) {
    for (int k = 0; k < sum.length; k++) {
      sum[k] += weights[k] * value;
    }
  }

  /** Where the mention sits: first words of the sentence (often its subject), last, or inside. */
  private static String position(final int a, final int b, final int n) {
    return a == 0 ? "pos:first" : b == n ? "pos:last" : "pos:mid";
  }

  /** The features of the mention at words {@code [a, b)} of a scored sentence. */
  static Counter<String> features(final TokenSentiments ts, final int a, final int b,
      final double rule) {
    final Counter<String> c = new ClassicCounter<>();
    c.setCount("bias", 1.0);
    c.setCount("rule", rule);
    c.setCount("sentence", ts.compound());
    final String[] keys = ts.keys();
    final double[] sentiments = ts.sentiments();
    for (int k = 0; k < keys.length; k++) {
      if (k >= a && k < b) {
        continue;
      }
      final boolean left = k < a;
      final int distance = left ? a - k : k - b + 1;
      c.incrementCount("w:" + keys[k]);
      if (distance <= NEAR) {
        c.incrementCount((left ? "l:" : "r:") + keys[k]);
      }
      if (sentiments[k] != 0.0) {
        c.incrementCount((left ? "sl" : "sr") + (distance <= NEAR ? ".near" : ".far"),
            sentiments[k]);
      }
    }
    // The stretch between punctuation that holds the mention: its words and their sentiment.
    final int from = EntityTone.clauseStart(ts, a, false);
    final int to = EntityTone.clauseEnd(ts, b, false);
    double clause = 0.0;
    for (int k = from; k < to; k++) {
      if (k < a || k >= b) {
        c.incrementCount("c:" + keys[k]);
        clause += sentiments[k];
      }
    }
    c.setCount("sclause", clause);
    c.setCount(position(a, b, keys.length), 1.0);
    c.setCount("relpos", (double) a / keys.length);
    return c;
  }

  /** P(POSITIVE) - P(NEGATIVE) for the features, in [-1, 1], by CoreNLP's classifier. */
  double polarity(final Counter<String> features) {
    // The label scores (scoresOf(Datum) reads an RVFDatum's values), normalized to
    // log-probabilities: a softmax.
    final Datum<String, String> datum = new RVFDatum<>(features);
    final Counter<String> logProbabilities = classifier.scoresOf(datum);
    Counters.logNormalizeInPlace(logProbabilities);
    return Math.exp(logProbabilities.getCount("POSITIVE"))
        - Math.exp(logProbabilities.getCount("NEGATIVE"));
  }

  /** Loads the shipped weights. */
  static EntityToneModel load() {
    final InputStream in = EntityToneModel.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("Entity tone model " + RESOURCE + " is not on the"
          + " classpath; run ./wirestream eval-tone DEVDATA --write-entity-model FILE");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return read(reader, RESOURCE);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads weights in the format {@link #train} writes; {@code source} names them in errors. */
  static EntityToneModel read(final BufferedReader reader, final String source)
      throws IOException {
    final Counter<Pair<String, String>> weights = new ClassicCounter<>();
    {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        final String[] cols = line.split("\t", -1);
        if (cols.length != 1 + LABELS.length) {
          throw new IllegalStateException(source + " line " + lineNo
              + ": expected feature and " + LABELS.length + " weights");
        }
        for (int k = 0; k < LABELS.length; k++) {
          try {
            weights.setCount(new Pair<>(cols[0], LABELS[k]), Double.parseDouble(cols[k + 1]));
          } catch (final NumberFormatException e) {
            throw new IllegalStateException(source + " line " + lineNo + ": bad weight", e);
          }
        }
      }
    }
    if (weights.size() == 0) {
      throw new IllegalStateException("Entity tone model " + source + " is empty");
    }
    return new EntityToneModel(new LinearClassifier<>(weights));
  }

  /** One training example: a mention's features and its gold label. */
  record Example(Counter<String> features, ToneLabel gold) {
  }

  /**
   * Trains the model and writes its weights (see the class documentation); deterministic for
   * the same examples in the same order.
   */
  static void train(final List<Example> examples, final Writer out) throws IOException {
    final Map<String, Integer> seen = new HashMap<>();
    for (final Example e : examples) {
      for (final String f : e.features().keySet()) {
        seen.merge(f, 1, Integer::sum);
      }
    }
    final RVFDataset<String, String> data = new RVFDataset<>();
    final List<Example> kept = new ArrayList<>();
    for (final Example e : examples) {
      final Counter<String> f = new ClassicCounter<>();
      for (final Map.Entry<String, Double> x : e.features().entrySet()) {
        if (seen.get(x.getKey()) >= MIN_COUNT) {
          f.setCount(x.getKey(), x.getValue());
        }
      }
      kept.add(new Example(f, e.gold()));
      data.add(new RVFDatum<>(f, e.gold().name()));
    }
    final LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
    factory.setSigma(SIGMA);
    factory.setVerbose(false);
    final LinearClassifier<String, String> trained = factory.trainClassifier(data);
    final Map<String, double[]> rows = new TreeMap<>();
    for (final String feature : trained.features()) {
      final double[] w = new double[LABELS.length];
      for (int k = 0; k < LABELS.length; k++) {
        w[k] = trained.weight(feature, LABELS[k]);
      }
      rows.put(feature, w);
    }
    out.write("# Entity tone model: feature TAB weight NEGATIVE TAB NEUTRAL TAB POSITIVE. "
        + "Trained on " + kept.size() + " NewsMTSC train targets (fit half), sigma " + SIGMA
        + ", features seen at least " + MIN_COUNT + " times.\n");
    for (final Map.Entry<String, double[]> r : rows.entrySet()) {
      out.write(r.getKey());
      for (final double w : r.getValue()) {
        out.write(String.format(Locale.ROOT, "\t%.5f", w));
      }
      out.write('\n');
    }
  }
}
