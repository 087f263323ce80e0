package io.wirestream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ratio of two sides' rates taken within back-to-back pairs of rounds: round i of one side
 * against round i of the other. On shared cores a side's rate drifts between rounds by more than
 * the difference being measured; within a pair both sides see the same minutes of the machine,
 * so the median of the pairs' ratios is steadier than a ratio of the two sides' best rounds.
 *
 * @param ratios one ratio per pair, in round order
 */
record PairedRatio(List<Double> ratios) {

  static PairedRatio of(final List<EnrichLoadBenchmark.Rate> numerator,
      final List<EnrichLoadBenchmark.Rate> denominator) {
    if (numerator.size() != denominator.size() || numerator.isEmpty()) {
      throw new IllegalArgumentException("paired rounds must match: " + numerator.size()
          + " against " + denominator.size());
    }
    final List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < numerator.size(); i++) {
      ratios.add(numerator.get(i).storiesPerSecond() / denominator.get(i).storiesPerSecond());
    }
    return new PairedRatio(List.copyOf(ratios));
  }

  /** The middle ratio; with an even count, the mean of the two middle ones. */
  double median() {
    final List<Double> sorted = ratios.stream().sorted().toList();
    final int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  String formatted() {
    return ratios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList().toString();
  }
}
