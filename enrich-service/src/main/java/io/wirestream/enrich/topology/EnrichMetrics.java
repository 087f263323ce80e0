package io.wirestream.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.EnrichedArticle;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enrich-service's own metrics (Prometheus names): stories by outcome
 * ({@code wirestream_enrich_stories_total{outcome}}), dead letters by stage
 * ({@code wirestream_enrich_dead_letters_total{stage}}), enrichment time
 * ({@code wirestream_enrich_duration_seconds}), end-to-end latency from ingest
 * ({@code wirestream_enrich_end_to_end_latency_seconds}), entities and countries per story (with
 * buckets, so dashboards can show the share of stories with none), and quality signals: stories per
 * tagged country ({@code wirestream_enrich_country_tags_total{country}}), per language and per tone
 * label. Meters are created once (per country or language on first sight, at most a few hundred);
 * the per-record cost is a map lookup and an increment.
 */
public final class EnrichMetrics {

  private final Counter enriched;
  private final Counter tombstones;
  private final Counter resends;
  private final Counter olderVersions;
  private final Counter embargoHeld;
  private final Counter deserializeFailures;
  private final Counter enrichFailures;
  private final Timer duration;
  private final Timer latency;
  private final DistributionSummary entities;
  private final DistributionSummary countries;
  private final MeterRegistry registry;
  private final Map<String, Counter> byCountry = new ConcurrentHashMap<>();
  private final Map<String, Counter> byLanguage = new ConcurrentHashMap<>();
  private final Map<String, Counter> byTone = new ConcurrentHashMap<>();

  public EnrichMetrics(final MeterRegistry registry) {
    this.registry = registry;
    this.enriched = outcome(registry, "enriched");
    this.tombstones = outcome(registry, "tombstone");
    this.resends = outcome(registry, "dropped_resend");
    this.olderVersions = outcome(registry, "dropped_older_version");
    this.embargoHeld = outcome(registry, "held_for_embargo");
    this.deserializeFailures = deadLetters(registry, DeadLetterStage.DESERIALIZE);
    this.enrichFailures = deadLetters(registry, DeadLetterStage.ENRICH);
    this.duration = Timer.builder("wirestream.enrich.duration")
        .description("Time to enrich one story").publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    this.latency = Timer.builder("wirestream.enrich.end.to.end.latency")
        .description("From ingest (ingestedAt) to enriched").publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofMinutes(5)).register(registry);
    this.entities = DistributionSummary.builder("wirestream.enrich.entities.per.story")
        .description("Entities found per story")
        // Buckets must be above 0; le="0.5" counts the stories with no entity at all.
        .serviceLevelObjectives(0.5, 1, 2, 5, 10, 20, 50).register(registry);
    this.countries = DistributionSummary.builder("wirestream.enrich.countries.per.story")
        .description("Countries tagged per story")
        .serviceLevelObjectives(0.5, 1, 2, 3, 5, 10).register(registry);
  }

  /** Metrics that go nowhere, for tests and batch runs that do not export them. */
  public static EnrichMetrics none() {
    return new EnrichMetrics(new SimpleMeterRegistry());
  }

  private static Counter outcome(final MeterRegistry registry, final String outcome) {
    return Counter.builder("wirestream.enrich.stories").tag("outcome", outcome)
        .description("Stories read from the raw topic, by what happened to them")
        .register(registry);
  }

  private static Counter deadLetters(final MeterRegistry registry, final DeadLetterStage stage) {
    return Counter.builder("wirestream.enrich.dead.letters")
        .tag("stage", stage.name().toLowerCase(Locale.ROOT))
        .description("Records written to the dead-letter topic, by stage").register(registry);
  }

  void enriched(final EnrichedArticle story, final long nowMillis) {
    enriched.increment();
    duration.record(Duration.ofNanos(story.getProvenance().getProcessingMicros() * 1_000));
    latency.record(Duration.ofMillis(Math.max(0,
        nowMillis - story.getIngestedAt().toEpochMilli())));
    entities.record(story.getEntities().size());
    countries.record(story.getCountries().size());
    story.getCountries().forEach(tag -> byCountry.computeIfAbsent(tag.getCode(),
        code -> Counter.builder("wirestream.enrich.country.tags").tag("country", code)
            .description("Enriched stories tagged with each country").register(registry))
        .increment());
    final String language = story.getLanguage() == null ? "unknown" : story.getLanguage();
    byLanguage.computeIfAbsent(language, key -> Counter.builder("wirestream.enrich.languages")
        .tag("language", key).description("Enriched stories by detected language")
        .register(registry)).increment();
    final String tone = story.getTone() == null ? "none"
        : story.getTone().getLabel().name().toLowerCase(Locale.ROOT);
    byTone.computeIfAbsent(tone, key -> Counter.builder("wirestream.enrich.tone.labels")
        .tag("label", key).description("Enriched stories by tone label (none: not English)")
        .register(registry)).increment();
  }

  void tombstone() {
    tombstones.increment();
  }

  void droppedResend() {
    resends.increment();
  }

  void droppedOlderVersion() {
    olderVersions.increment();
  }

  void heldForEmbargo() {
    embargoHeld.increment();
  }

  void deadLettered(final DeadLetterStage stage) {
    (stage == DeadLetterStage.DESERIALIZE ? deserializeFailures : enrichFailures).increment();
  }
}
