package io.wirestream.enrich.batch;

/**
 * Precision, recall and F1 from counts of true positives, false positives and false negatives.
 *
 * @param truePositives predicted and in the gold set
 * @param falsePositives predicted, not in the gold set
 * @param falseNegatives in the gold set, not predicted
 */
public record Scores(int truePositives, int falsePositives, int falseNegatives) {

  public double precision() {
    final int predicted = truePositives + falsePositives;
    return predicted == 0 ? 0.0 : (double) truePositives / predicted;
  }

  public double recall() {
    final int gold = truePositives + falseNegatives;
    return gold == 0 ? 0.0 : (double) truePositives / gold;
  }

  public double f1() {
    final double p = precision();
    final double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  /** These counts plus those. */
  public Scores plus(final Scores other) {
    return new Scores(truePositives + other.truePositives, falsePositives + other.falsePositives,
        falseNegatives + other.falseNegatives);
  }

  @Override
  public String toString() {
    return String.format("P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)", precision(), recall(),
        f1(), truePositives, falsePositives, falseNegatives);
  }
}
