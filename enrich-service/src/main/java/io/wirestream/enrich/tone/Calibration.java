package io.wirestream.enrich.tone;

import io.wirestream.schemas.avro.ToneLabel;

/**
 * Maps a raw score onto the published scale: raw {@code negative} and {@code positive} thresholds,
 * chosen on development data, land on {@code -}{@link ToneResult#LABEL_THRESHOLD} and
 * {@code +}{@link ToneResult#LABEL_THRESHOLD}, so a consumer that labels a score by VADER's
 * ±0.05 gets the calibrated label. The map is piecewise linear through (-1, -1), (negative,
 * -0.05), (0, 0), (positive, 0.05), (1, 1): monotone, and no sentiment stays 0.
 *
 * @param negative raw score at or below which a text is NEGATIVE, in (-1, 0)
 * @param positive raw score at or above which a text is POSITIVE, in (0, 1)
 */
public record Calibration(double negative, double positive) {

  /** Validates the thresholds. */
  public Calibration {
    if (!(negative > -1.0 && negative < 0.0 && positive > 0.0 && positive < 1.0)) {
      throw new IllegalArgumentException("need -1 < negative < 0 < positive < 1: " + negative
          + ", " + positive);
    }
  }

  /** The raw score on the published scale, in [-1, 1]. */
  public double apply(final double raw) {
    final double t = ToneResult.LABEL_THRESHOLD;
    final double x = Math.max(-1.0, Math.min(1.0, raw));
    final double y;
    if (x <= negative) {
      y = -1.0 + (x + 1.0) / (negative + 1.0) * (1.0 - t);
    } else if (x >= positive) {
      y = t + (x - positive) / (1.0 - positive) * (1.0 - t);
    } else if (x < 0.0) {
      y = x / -negative * t;
    } else {
      y = x / positive * t;
    }
    return Math.max(-1.0, Math.min(1.0, y));
  }

  /** The raw score that {@link #apply} maps to {@code score}: the inverse map. */
  public double invert(final double score) {
    final double t = ToneResult.LABEL_THRESHOLD;
    final double y = Math.max(-1.0, Math.min(1.0, score));
    final double x;
    if (y <= -t) {
      x = -1.0 + (y + 1.0) / (1.0 - t) * (negative + 1.0);
    } else if (y >= t) {
      x = positive + (y - t) / (1.0 - t) * (1.0 - positive);
    } else if (y < 0.0) {
      x = y / t * -negative;
    } else {
      x = y / t * positive;
    }
    return Math.max(-1.0, Math.min(1.0, x));
  }

  /** The label of a raw score. */
  public ToneLabel label(final double raw) {
    if (raw >= positive) {
      return ToneLabel.POSITIVE;
    }
    if (raw <= negative) {
      return ToneLabel.NEGATIVE;
    }
    return ToneLabel.NEUTRAL;
  }
}
