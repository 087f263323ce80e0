package io.wirestream.enrich.tone;

import io.wirestream.enrich.text.SentenceTones;
import io.wirestream.enrich.text.Sentences;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.ToneLabel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tone model for news: sentence, article and per-entity tone. Immutable and thread-safe; load
 * once, share.
 *
 * <h2>Sentence</h2>
 * The raw score of a sentence is the compound of {@link ToneScorer#loadNews()}: VADER's rules
 * (negation, boosters, "but", caps, punctuation) over VADER's lexicon with the financial entries
 * of {@link NewsLexicon} laid over it, plus the {@link DirectionalGrammar} ("operating profit
 * rose", "net loss narrowed", "will cut 150 jobs", "missed estimates").
 *
 * <h2>Article</h2>
 * Each sentence's raw score is calibrated by {@link #SENTENCE} (thresholds chosen on development
 * data, see {@code docs/enrich.md}), and the article's score is the weighted mean of the
 * calibrated scores of its sentences that carry any sentiment (a headline sentence weighs
 * {@value #HEADLINE_WEIGHT}, a body sentence 1), labelled POSITIVE from 0.05 and NEGATIVE from
 * -0.05. It does not grow with length: a 1,000-word story is scored on the same scale as one
 * sentence, and a one-sentence story gets exactly its sentence's score and label. The confidence
 * is {@code erf(z / sqrt 2)}, where z is how many standard errors of the mean the score lies from
 * the nearest boundary of its label's interval; the standard error is that of the weighted mean
 * of the calibrated sentence scores, with a prior spread of {@value #PRIOR_SPREAD} counted as one
 * more observation, so one sentence is never very sure and many agreeing sentences are. A story
 * without any sentiment word is NEUTRAL with confidence {@code n / (n + 1)} for its n
 * sentences.
 *
 * <h2>Entity</h2>
 * See {@link EntityTone}: the clause that holds each mention, the entity's role in it, reported
 * speech and the headline, calibrated by {@link #ENTITY}.
 */
public final class NewsTone {

  /**
   * Sentence and article thresholds on the raw score, chosen by {@code ./wirestream eval-tone}
   * on the fit half of TFNS (macro-F1; see {@code docs/enrich.md}).
   */
  public static final Calibration SENTENCE = new Calibration(-0.19, 0.50);

  /** Entity thresholds on the raw entity score, chosen on the fit half of NewsMTSC train. */
  public static final Calibration ENTITY = new Calibration(-0.30, 0.19);

  /** Weight of a headline sentence in the article's mean. */
  public static final double HEADLINE_WEIGHT = 2.0;

  /** Spread of calibrated sentence scores assumed before any is seen (standard deviation). */
  public static final double PRIOR_SPREAD = 0.3;

  private static final Logger LOG = LoggerFactory.getLogger(NewsTone.class);
  private static final Object LOCK = new Object();
  private static volatile NewsTone shared;

  private final ToneScorer scorer;
  private final EntityTone entities;

  private NewsTone(final ToneScorer scorer, final EntityToneModel entityModel) {
    this.scorer = scorer;
    this.entities = new EntityTone(entityModel);
  }

  /** The model, loaded on first use and shared after. */
  public static NewsTone load() {
    NewsTone t = shared;
    if (t == null) {
      synchronized (LOCK) {
        t = shared;
        if (t == null) {
          final long started = System.nanoTime();
          t = new NewsTone(ToneScorer.loadNews(), EntityToneModel.load());
          LOG.info("Loaded tone model {} in {} ms", modelId(),
              (System.nanoTime() - started) / 1_000_000);
          shared = t;
        }
      }
    }
    return t;
  }

  /** The model without the entity model: for training it ({@link EntityToneModel#train}). */
  static NewsTone withoutEntityModel() {
    return new NewsTone(ToneScorer.loadNews(), null);
  }

  /** The model with another entity model (cross-fitting thresholds in {@link DevSetEvaluation}). */
  static NewsTone withEntityModel(final EntityToneModel model) {
    return new NewsTone(ToneScorer.loadNews(), model);
  }

  /** Identifies the model and its data for provenance. */
  public static String modelId() {
    return "news-tone-1+" + ToneScorer.lexiconId() + "+afinn-165-financialmarketnews-3.0.0";
  }

  /** Raw score of one sentence (or any text scored as one unit), in [-1, 1]. */
  public double sentenceRaw(final String sentence) {
    return scorer.compound(sentence);
  }

  /** Label of one sentence. */
  public ToneLabel sentenceLabel(final String sentence) {
    return SENTENCE.label(sentenceRaw(sentence));
  }

  /** The words of each sentence of a story with their sentiments, and the story's tone. */
  public static final class Story {
    private final ToneResult result;
    private final double raw;
    private final String headline;
    private final String body;
    private final List<Sentences.Span> headlineSpans;
    private final List<Sentences.Span> bodySpans;
    private final TokenSentiments[] headlineWords;
    private final TokenSentiments[] bodyWords;
    private double[][][] wordsCache;

    private Story(final ToneResult result, final double raw, final String headline,
        final String body,
        final List<Sentences.Span> headlineSpans, final List<Sentences.Span> bodySpans,
        final TokenSentiments[] headlineWords, final TokenSentiments[] bodyWords) {
      this.result = result;
      this.raw = raw;
      this.headline = headline;
      this.body = body;
      this.headlineSpans = headlineSpans;
      this.bodySpans = bodySpans;
      this.headlineWords = headlineWords;
      this.bodyWords = bodyWords;
    }

    /** The article's tone. */
    public ToneResult result() {
      return result;
    }

    /** The raw score of each body sentence, for callers that take sentence tones. */
    public SentenceTones bodyTones() {
      final double[] tones = new double[bodyWords.length];
      for (int i = 0; i < tones.length; i++) {
        tones[i] = bodyWords[i].compound();
      }
      return new SentenceTones(bodySpans, tones);
    }

    /**
     * The article's score on the raw scale ({@link Calibration#invert} of the calibrated score):
     * a one-sentence story's raw sentence score.
     */
    public double raw() {
      return raw;
    }

    String headline() {
      return headline;
    }

    String body() {
      return body;
    }

    List<Sentences.Span> spans(final boolean inHeadline) {
      return inHeadline ? headlineSpans : bodySpans;
    }

    TokenSentiments words(final boolean inHeadline, final int sentence) {
      return (inHeadline ? headlineWords : bodyWords)[sentence];
    }

    /**
     * {@link EntityToneModel#sentenceWords} of a sentence, computed once per story for all the
     * mentions in it (a story is scored and read on one thread).
     */
    double[] sentenceWords(final boolean inHeadline, final int sentence,
        final EntityToneModel model) {
      if (wordsCache == null) {
        wordsCache = new double[2][][];
        wordsCache[0] = new double[headlineWords.length][];
        wordsCache[1] = new double[bodyWords.length][];
      }
      final double[][] cache = wordsCache[inHeadline ? 0 : 1];
      if (cache[sentence] == null) {
        cache[sentence] = model.sentenceWords(words(inHeadline, sentence));
      }
      return cache[sentence];
    }
  }

  /** Scores a story's headline and body (null counts as empty); each sentence is read once. */
  public Story scoreStory(final String headline, final String body) {
    final String h = headline == null ? "" : headline;
    final String b = body == null ? "" : body;
    final List<Sentences.Span> hSpans = Sentences.split(h);
    final List<Sentences.Span> bSpans = Sentences.split(b);
    final TokenSentiments[] hWords = new TokenSentiments[hSpans.size()];
    final TokenSentiments[] bWords = new TokenSentiments[bSpans.size()];
    final int[] counts = new int[3];
    final Moments moments = new Moments();
    int sentences = 0;
    final TokenSentiments[] out = new TokenSentiments[1];
    for (int i = 0; i < hWords.length; i++) {
      final double raw = scorer.analyzeCounting(h, hSpans.get(i).start(), hSpans.get(i).end(),
          counts, out);
      hWords[i] = out[0];
      moments.add(SENTENCE.apply(raw), HEADLINE_WEIGHT);
      sentences++;
    }
    for (int i = 0; i < bWords.length; i++) {
      final double raw = scorer.analyzeCounting(b, bSpans.get(i).start(), bSpans.get(i).end(),
          counts, out);
      bWords[i] = out[0];
      moments.add(SENTENCE.apply(raw), 1.0);
      sentences++;
    }
    final ToneResult result = result(moments, counts, sentences);
    return new Story(result, SENTENCE.invert(result.score()), h, b, hSpans, bSpans, hWords,
        bWords);
  }

  /**
   * Tone towards one entity from its mentions (offsets into the story's headline or body), in
   * [-1, 1]; null when none of its mentions is in the headline or body.
   */
  public Double entityTone(final Story story, final List<Mention> mentions) {
    final double raw = entities.raw(story, mentions);
    return Double.isNaN(raw) ? null : ENTITY.apply(raw);
  }

  /** The raw entity score before calibration; NaN when no mention is in the headline or body. */
  public double entityRaw(final Story story, final List<Mention> mentions) {
    return entities.raw(story, mentions);
  }

  /** The raw entity score of the rules alone, without the linear model. */
  double entityRulesRaw(final Story story, final List<Mention> mentions) {
    return entities.rulesRaw(story, mentions);
  }

  /** Training examples for {@link EntityToneModel}: one per labelled target. */
  List<EntityToneModel.Example> entityExamples(final List<DevSetEvaluation.Example> targets) {
    final List<EntityToneModel.Example> out = new java.util.ArrayList<>(targets.size());
    for (final DevSetEvaluation.Example e : targets) {
      final Story story = scoreStory(null, e.text());
      final int s = EntityTone.sentenceAt(story.spans(false), e.start());
      if (s < 0) {
        continue;
      }
      final TokenSentiments ts = story.words(false, s);
      final int a = ts.wordAt(e.start());
      int b = a;
      while (b < ts.size() && ts.starts()[b] < e.end()) {
        b++;
      }
      if (a < ts.size() && b > a) {
        out.add(new EntityToneModel.Example(EntityToneModel.features(ts, a, b,
            EntityTone.mentionRaw(ts, a, b)), e.gold()));
      }
    }
    return out;
  }

  /** Weighted moments of the non-zero sentence scores. */
  private static final class Moments {
    private double weight;
    private double sum;
    private double sumSquares;
    private int count;

    void add(final double raw, final double w) {
      if (raw != 0.0) {
        weight += w;
        sum += w * raw;
        sumSquares += w * raw * raw;
        count++;
      }
    }
  }

  private static ToneResult result(final Moments m, final int[] counts, final int sentences) {
    final int words = counts[0];
    if (words == 0) {
      return new ToneResult(0.0, ToneLabel.NEUTRAL, 0.0, 0.0, 0.0, 0, 0.0);
    }
    final double positive = 100.0 * counts[1] / words;
    final double negative = 100.0 * counts[2] / words;
    if (m.count == 0) {
      return new ToneResult(0.0, ToneLabel.NEUTRAL, positive, negative, positive + negative,
          words, sentences / (sentences + 1.0));
    }
    final double score = Math.max(-1.0, Math.min(1.0, m.sum / m.weight));
    final ToneLabel label = ToneResult.labelOf(score);
    return new ToneResult(score, label, positive, negative, positive + negative, words,
        confidence(m, score, label));
  }

  /** See the class documentation. */
  static double confidence(final Moments m, final double score, final ToneLabel label) {
    final double variance = Math.max(0.0, m.sumSquares / m.weight - score * score);
    // The prior spread counts as one more observation of unit weight.
    final double spread = (variance * m.count + PRIOR_SPREAD * PRIOR_SPREAD) / (m.count + 1);
    final double standardError = Math.sqrt(spread / m.count);
    final double t = ToneResult.LABEL_THRESHOLD;
    final double distance = switch (label) {
      case POSITIVE -> score - t;
      case NEGATIVE -> -t - score;
      default -> Math.min(score + t, t - score);
    };
    return erf(Math.max(0.0, distance) / standardError / Math.sqrt(2.0));
  }

  /** erf(x) for x >= 0 (Abramowitz and Stegun 7.1.26, absolute error under 1.5e-7). */
  static double erf(final double x) {
    final double t = 1.0 / (1.0 + 0.3275911 * Math.abs(x));
    final double y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t
        - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
    return Math.max(0.0, Math.min(1.0, x >= 0 ? y : -y));
  }
}
