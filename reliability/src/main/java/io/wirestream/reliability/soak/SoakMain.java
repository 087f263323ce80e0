package io.wirestream.reliability.soak;

import io.wirestream.reliability.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code SoakMain}: the soak and burst from the command line, on a pipeline it starts and stops
 * itself (brokers, registry, ingest, enrich as child processes on 127.0.0.1). Exit 0 when the burst
 * drained, nothing was dead-lettered and nothing was lost or duplicated (the work directory is then
 * deleted); 1 otherwise (it is kept, with every process's log).
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Soak and burst the Wirestream pipeline (real processes) and print the figures.")
public final class SoakMain implements Callable<Integer> {

  @Option(names = "--minutes", defaultValue = "2", description = "Steady phase (default 2).")
  private double minutes;

  @Option(names = "--rate", defaultValue = "0",
      description = "Steady stories/s (default 0: --load-factor times the measured capacity).")
  private double rate;

  @Option(names = "--load-factor", defaultValue = "0.7",
      description = "Share of the measured capacity used as the steady rate (default 0.7).")
  private double loadFactor;

  @Option(names = "--probe-stories", defaultValue = "3000",
      description = "Stories of the capacity probe (default 3000).")
  private int probeStories;

  @Option(names = "--interval", defaultValue = "10", description = "Seconds per table row.")
  private int interval;

  @Option(names = "--burst-factor", defaultValue = "10", description = "Burst rate / steady rate.")
  private double burstFactor;

  @Option(names = "--burst-seconds", defaultValue = "10", description = "Burst length (default 10).")
  private int burstSeconds;

  @Option(names = "--drain-timeout", defaultValue = "300",
      description = "Longest wait for a backlog to drain, seconds (default 300).")
  private int drainTimeout;

  @Option(names = "--brokers", defaultValue = "1", description = "Kafka nodes (default 1).")
  private int brokers;

  @Option(names = "--partitions", defaultValue = "6", description = "Topic partitions (default 6).")
  private int partitions;

  private static void deleteTree(final Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  public static void main(final String[] args) {
    System.exit(new CommandLine(new SoakMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (!ChildJvm.currentClasspath().contains("kafka_2.13")) {
      System.err.println("error: the classpath must hold the whole pipeline (see docs/reliability.md)");
      return 2;
    }
    final SoakSettings settings = new SoakSettings(brokers, partitions, probeStories, rate,
        loadFactor, Duration.ofMillis(Math.round(minutes * 60_000)), Duration.ofSeconds(interval),
        burstFactor, Duration.ofSeconds(burstSeconds), Duration.ofSeconds(drainTimeout));
    final Path workDir = Files.createTempDirectory("wirestream-soak-");
    System.out.println("work directory (process logs): " + workDir);
    final SoakResult result = SoakRunner.run(settings, workDir, System.out);
    final boolean good = result.burstDrained() && result.deadLetterGrowth() == 0
        && result.accounting().lost().isEmpty() && result.accounting().duplicated().isEmpty();
    if (good) {
      deleteTree(workDir);
      System.out.println("soak passed");
      return 0;
    }
    System.out.println("soak FAILED; process logs kept in " + workDir);
    return 1;
  }
}
