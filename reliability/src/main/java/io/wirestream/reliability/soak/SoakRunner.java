package io.wirestream.reliability.soak;

import io.wirestream.reliability.ReliabilityStack;
import io.wirestream.reliability.accounting.Accounting;
import io.wirestream.reliability.accounting.EnrichedAccounting;
import io.wirestream.reliability.load.LoadDriver;
import io.wirestream.reliability.load.LoadReport;
import io.wirestream.reliability.load.StoryFactory;
import io.wirestream.schemas.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A bounded soak of the whole pipeline as separate processes: measure capacity (a backlog sent as
 * fast as ingest takes it, timed until enrich has drained it), run at a steady share of it for
 * minutes while sampling enrich's consumer lag, heap and the dead-letter topic, then a burst at a
 * multiple of the steady rate and the time the backlog takes to drain. Prints a table per interval
 * and a summary. See docs/reliability.md for how to run it.
 */
public final class SoakRunner {

  /** Offered rate of the probe: above what ingest and enrich can take, so they set the pace. */
  private static final double PROBE_RATE = 1000;

  private final SoakSettings settings;
  private final PrintStream out;
  private final ReliabilityStack stack;
  private final LagProbe lag;
  private final StoryFactory stories = new StoryFactory("soak-" + UUID.randomUUID()
      .toString().substring(0, 8));
  private final Set<String> accepted = new HashSet<>();
  private final List<String> refused = new ArrayList<>();
  private long nextStory;
  private double heapUsedMax;

  private SoakRunner(final SoakSettings settings, final PrintStream out,
      final ReliabilityStack stack) {
    this.settings = settings;
    this.out = out;
    this.stack = stack;
    this.lag = new LagProbe(stack.bootstrapServers(), stack.applicationId(), Topics.RAW.name(),
        Topics.DLQ.name());
  }

  /** Starts the pipeline in {@code workDir}, runs the soak and the burst, stops everything. */
  public static SoakResult run(final SoakSettings settings, final Path workDir,
      final PrintStream out) throws Exception {
    try (ReliabilityStack stack = ReliabilityStack.start(settings.brokers(), settings.partitions(),
        workDir)) {
      final SoakRunner runner = new SoakRunner(settings, out, stack);
      try {
        return runner.run();
      } finally {
        runner.lag.close();
      }
    }
  }

  private SoakResult run() throws Exception {
    final long dlqStart = lag.deadLetterEnd();
    final double capacity = measureCapacity();
    final double rate = settings.rate() > 0 ? settings.rate() : settings.loadFactor() * capacity;
    final long pid = stack.enrich("enrich-1").pid();
    final double liveStart = HeapProbe.liveMb(pid);
    out.printf("steady phase: %.1f stories/s for %d s; enrich live heap %.1f MB%n", rate,
        settings.soak().toSeconds(), liveStart);
    out.printf("%8s %8s %9s %8s %11s %9s%n", "t (s)", "sent", "accepted", "lag", "heap (MB)",
        "dlq end");
    final LoadDriver steady = LoadDriver.start(stack.ingestEndpoint(), stories, nextStory, rate);
    long steadyLagMax = 0;
    final long started = System.nanoTime();
    final long end = started + settings.soak().toNanos();
    final long firstStory = nextStory;
    try {
      while (System.nanoTime() < end) {
        Thread.sleep(Math.min(settings.interval().toMillis(),
            Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        final long lagNow = lag.lag();
        steadyLagMax = Math.max(steadyLagMax, lagNow);
        final double heap = HeapProbe.usedMb(pid);
        heapUsedMax = Math.max(heapUsedMax, heap);
        out.printf("%8.0f %8d %9d %8d %11.1f %9d%n", (System.nanoTime() - started) / 1e9,
            steady.nextIndex() - firstStory, steady.acceptedSoFar(), lagNow, heap,
            lag.deadLetterEnd() - dlqStart);
      }
    } finally {
      record(steady);
    }
    final double liveEnd = HeapProbe.liveMb(pid);
    out.printf("steady phase done; enrich live heap %.1f MB%n", liveEnd);

    final double burstRate = rate * settings.burstFactor();
    out.printf("burst: %.1f stories/s for %d s%n", burstRate, settings.burst().toSeconds());
    final LoadDriver burst = LoadDriver.start(stack.ingestEndpoint(), stories, nextStory,
        burstRate);
    long burstLagMax = 0;
    final LoadReport burstSent;
    try {
      Thread.sleep(settings.burst().toMillis());
    } finally {
      burstSent = record(burst);
    }
    final long burstEnded = System.nanoTime();
    final long drainDeadline = burstEnded + settings.drainTimeout().toNanos();
    long lagNow = lag.lag();
    while (lagNow > 0 && System.nanoTime() < drainDeadline) {
      burstLagMax = Math.max(burstLagMax, lagNow);
      out.printf("  draining: lag %d, %.0f s after the burst%n", lagNow,
          (System.nanoTime() - burstEnded) / 1e9);
      Thread.sleep(2000);
      lagNow = lag.lag();
    }
    final Duration drain = Duration.ofNanos(System.nanoTime() - burstEnded);
    final long dlqGrowth = lag.deadLetterEnd() - dlqStart;
    final Accounting accounting = EnrichedAccounting.account("soak and burst: all stories",
        stack.bootstrapServers(), Topics.ENRICHED.name(), accepted, refused, Duration.ofMinutes(2));
    final SoakResult result = new SoakResult(capacity, rate, steadyLagMax, liveStart, liveEnd,
        heapUsedMax, dlqGrowth, burstRate, burstSent.rate(), burstLagMax, drain, lagNow == 0,
        accounting);
    out.print(result.summary());
    return result;
  }

  /**
   * Warms the JVMs up with a third of the probe (not timed), then sends the probe backlog fast and
   * times it until the lag is back to 0.
   */
  private double measureCapacity() throws Exception {
    out.printf("warm-up: %d stories%n", settings.probeStories() / 3);
    final LoadDriver warmUp = LoadDriver.start(stack.ingestEndpoint(), stories, nextStory,
        PROBE_RATE);
    final long warmUpEnd = nextStory + settings.probeStories() / 3;
    try {
      while (warmUp.nextIndex() < warmUpEnd) {
        Thread.sleep(20);
      }
    } finally {
      record(warmUp);
    }
    awaitNoLag();
    out.printf("capacity probe: %d stories at up to %.0f/s%n", settings.probeStories(),
        PROBE_RATE);
    final long started = System.nanoTime();
    final LoadDriver probe = LoadDriver.start(stack.ingestEndpoint(), stories, nextStory,
        PROBE_RATE);
    final LoadReport sent;
    try {
      while (probe.nextIndex() - nextStory < settings.probeStories()) {
        Thread.sleep(20);
      }
    } finally {
      sent = record(probe);
    }
    awaitNoLag();
    final double seconds = (System.nanoTime() - started) / 1e9;
    final double capacity = sent.accepted().size() / seconds;
    out.printf("capacity: %d stories ingested and enriched in %.1f s = %.1f stories/s%n",
        sent.accepted().size(), seconds, capacity);
    return capacity;
  }

  private void awaitNoLag() throws Exception {
    final long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
    long lagNow = lag.lag();
    while (lagNow > 0 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      lagNow = lag.lag();
    }
    if (lagNow > 0) {
      throw new IllegalStateException("A probe backlog did not drain within "
          + settings.drainTimeout().toSeconds() + " s (lag " + lagNow + ")");
    }
  }

  private LoadReport record(final LoadDriver driver) throws InterruptedException {
    final LoadReport report = driver.stop();
    nextStory = driver.nextIndex();
    accepted.addAll(report.accepted());
    refused.addAll(report.refusedIds());
    out.println("  load: " + report.summary());
    return report;
  }
}
