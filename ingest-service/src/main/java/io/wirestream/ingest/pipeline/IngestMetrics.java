package io.wirestream.ingest.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.RejectReason;
import io.wirestream.schemas.avro.SourceFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingest's own metrics (Prometheus names in brackets): stories by outcome and format
 * ({@code wirestream_ingest_stories_total}), rejects by reason
 * ({@code wirestream_ingest_rejected_total}), publish failures, dead letters and document sizes.
 */
public final class IngestMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> stories = new ConcurrentHashMap<>();
  private final Map<String, Counter> warnings = new ConcurrentHashMap<>();
  private final Map<RejectReason, Counter> rejections = new EnumMap<>(RejectReason.class);
  private final Counter publishFailures;
  private final Counter deadLetters;
  private final DistributionSummary documentBytes;

  public IngestMetrics(final MeterRegistry registry) {
    this.registry = registry;
    // Every reason exists from the start at 0, so rates and alerts work before the first reject.
    for (final RejectReason reason : RejectReason.values()) {
      rejections.put(reason, Counter.builder("wirestream.ingest.rejected")
          .description("Inputs or items rejected, by reason")
          .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry));
    }
    this.publishFailures = Counter.builder("wirestream.ingest.publish.failures")
        .description("Stories the broker did not acknowledge").register(registry);
    this.deadLetters = Counter.builder("wirestream.ingest.dead.letters")
        .description("Unreadable inputs written to the dead-letter topic").register(registry);
    this.documentBytes = DistributionSummary.builder("wirestream.ingest.document.size")
        .baseUnit("bytes").description("Size of input documents").register(registry);
  }

  void story(final VersionLedger.Outcome outcome, final SourceFormat format) {
    // Looked up once per (outcome, format): this runs for every story.
    stories.computeIfAbsent(outcome.name() + "/" + format.name(), key ->
        Counter.builder("wirestream.ingest.stories")
            .description("Stories read, by outcome: new, updated, unchanged, stale")
            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
            .tag("format", format.name().toLowerCase(Locale.ROOT))
            .register(registry)).increment();
  }

  /** Counts each warning of a story by its code (the part before the colon). */
  void warnings(final List<String> storyWarnings) {
    for (final String warning : storyWarnings) {
      final int colon = warning.indexOf(':');
      final String code = colon < 0 ? warning : warning.substring(0, colon);
      warnings.computeIfAbsent(code, key -> Counter.builder("wirestream.ingest.warnings")
          .description("Stories read with an assumption or repair, by warning code")
          .tag("code", key).register(registry)).increment();
    }
  }

  void rejected(final RejectReason reason) {
    rejections.get(reason).increment();
  }


  void publishFailed() {
    publishFailures.increment();
  }

  void deadLettered() {
    deadLetters.increment();
  }

  void document(final int bytes) {
    documentBytes.record(bytes);
  }
}
