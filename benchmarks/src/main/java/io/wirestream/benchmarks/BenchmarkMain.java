package io.wirestream.benchmarks;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the given command-line options (as {@code java -jar benchmarks.jar} would), then
 * prints each "wirestreamX" result as a ratio of its "plainX" baseline from the same run.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {
  }

  public static void main(final String[] args) throws RunnerException, CommandLineOptionException {
    final Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    final Map<String, Double> scores = new TreeMap<>();
    for (final RunResult result : results) {
      final String label = result.getParams().getBenchmark();
      scores.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
    }
    System.out.println();
    System.out.println("Ours beside the baseline from the same run (ops/s):");
    scores.forEach((name, score) -> {
      if (name.startsWith("wirestream")) {
        final Double baseline = scores.get("plain" + name.substring("wirestream".length()));
        if (baseline != null) {
          System.out.printf("  %-22s %,12.0f   plain %,12.0f   ratio %.2fx%n", name, score, baseline,
              score / baseline);
        }
      }
    });
  }
}
