package io.wirestream.enrich.tone;

import io.wirestream.schemas.avro.Tone;
import io.wirestream.schemas.avro.ToneLabel;
import java.util.Objects;

/**
 * Tone of one text, as computed by {@link NewsTone#scoreStory} (or, for plain VADER, by
 * {@link ToneScorer#score(String)}).
 *
 * @param score     article tone in [-1, 1]: the mean (calibrated, for {@link NewsTone}) sentence
 *                  score of the sentences that carry any sentiment (0.0 when none does)
 * @param label     {@link ToneLabel#POSITIVE} when {@code score >= 0.05}, {@link ToneLabel#NEGATIVE}
 *                  when {@code score <= -0.05}, otherwise {@link ToneLabel#NEUTRAL}
 * @param positive  percentage (0-100) of word tokens with a positive lexicon valence
 * @param negative  percentage (0-100) of word tokens with a negative lexicon valence
 * @param polarity  percentage (0-100) of word tokens that carry any lexicon valence
 *                  ({@code positive + negative})
 * @param wordCount word tokens scored
 * @param confidence how sure the label is, in [0, 1]; NaN when not computed (plain VADER)
 */
public record ToneResult(double score, ToneLabel label, double positive, double negative,
    double polarity, int wordCount, double confidence) {

  /** VADER's threshold for a positive (and, negated, a negative) compound score. */
  public static final double LABEL_THRESHOLD = 0.05;

  /** The tone of a text without words: score 0, NEUTRAL, no words. */
  public static final ToneResult EMPTY =
      new ToneResult(0.0, ToneLabel.NEUTRAL, 0.0, 0.0, 0.0, 0, Double.NaN);

  /** Validates the ranges. */
  public ToneResult {
    Objects.requireNonNull(label, "label");
    if (!(score >= -1.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [-1, 1]: " + score);
    }
    if (wordCount < 0) {
      throw new IllegalArgumentException("wordCount must not be negative: " + wordCount);
    }
    if (!Double.isNaN(confidence) && !(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
  }

  /** A result without a confidence (plain VADER). */
  public ToneResult(final double score, final ToneLabel label, final double positive,
      final double negative, final double polarity, final int wordCount) {
    this(score, label, positive, negative, polarity, wordCount, Double.NaN);
  }

  /** The label VADER gives a compound (or mean compound) score. */
  public static ToneLabel labelOf(final double score) {
    if (score >= LABEL_THRESHOLD) {
      return ToneLabel.POSITIVE;
    }
    if (score <= -LABEL_THRESHOLD) {
      return ToneLabel.NEGATIVE;
    }
    return ToneLabel.NEUTRAL;
  }

  /** This result as the Avro {@code Tone} record of {@code EnrichedArticle}. */
  public Tone toAvro() {
    return Tone.newBuilder()
        .setScore(score)
        .setLabel(label)
        .setPositive(positive)
        .setNegative(negative)
        .setPolarity(polarity)
        .setWordCount(wordCount)
        .setConfidence(Double.isNaN(confidence) ? null : confidence)
        .build();
  }
}
