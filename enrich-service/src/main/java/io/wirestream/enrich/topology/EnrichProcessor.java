package io.wirestream.enrich.topology;

import io.wirestream.enrich.Enricher;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.RawArticle;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Enricher} on each story let through; a headline-only story (empty body) is
 * enriched from its headline. A story that cannot be enriched (no headline and no body, an
 * oversized or mostly-markup body, an NLP failure) becomes a dead letter with stage ENRICH and the story as Avro
 * bytes, ready to replay (the gate forgets the version, so the replay is not taken for a
 * re-send); the app goes on. Tombstones pass through as null values.
 */
final class EnrichProcessor implements Processor<String, Step<Gated>, String, Step<EnrichedArticle>> {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

  private final Enricher enricher;
  private final Serializer<RawArticle> rawSerializer;
  private final String rawTopic;
  private final int maxBodyChars;
  private final EnrichMetrics metrics;
  private ProcessorContext<String, Step<EnrichedArticle>> context;
  private KeyValueStore<String, String> versions;

  EnrichProcessor(final Enricher enricher, final Serializer<RawArticle> rawSerializer,
      final String rawTopic, final int maxBodyChars, final EnrichMetrics metrics) {
    this.metrics = metrics;
    this.enricher = enricher;
    this.rawSerializer = rawSerializer;
    this.rawTopic = rawTopic;
    this.maxBodyChars = maxBodyChars;
  }

  @Override
  public void init(final ProcessorContext<String, Step<EnrichedArticle>> context) {
    this.context = context;
    this.versions = context.getStateStore(StoreNames.ARTICLE_VERSIONS);
  }

  @Override
  public void process(final Record<String, Step<Gated>> record) {
    final Step<Gated> step = record.value();
    if (step.isFailed()) {
      context.forward(record.withValue(Step.failed(step.deadLetter())));
      return;
    }
    final Gated gated = step.value();
    if (gated.tombstone()) {
      metrics.tombstone();
      context.forward(record.withValue(Step.ok(null)));
      return;
    }
    final RawArticle article = gated.article();
    try {
      checkEnrichable(article);
      final EnrichedArticle enriched = enricher.enrich(article);
      if (gated.duplicateOf() != null) {
        // Generated classes have no setters (immutable by convention); this is the one field
        // only the topology knows, so it is set here through Avro's generic accessor.
        enriched.put("duplicateOf", gated.duplicateOf());
      }
      metrics.enriched(enriched, context.currentSystemTimeMs());
      context.forward(record.withValue(Step.ok(enriched)));
    } catch (final RuntimeException e) {
      LOG.warn("Dead-lettering {} v{}: cannot enrich: {}", article.getId(), article.getVersion(),
          e.getMessage());
      forget(article);
      metrics.deadLettered(DeadLetterStage.ENRICH);
      context.forward(record.withValue(Step.failed(RecordDeadLetters.of(context, record.key(),
          rawSerializer.serialize(rawTopic, article), record.headers(), DeadLetterStage.ENRICH,
          e, article.getId()))));
    }
  }

  /**
   * The gate recorded this version as let through; it was not enriched, so forget it: replaying the
   * dead letter to the raw topic must not be dropped as a re-send.
   */
  private void forget(final RawArticle article) {
    final SeenVersion seen = SeenVersion.parse(versions.get(article.getId()));
    if (seen != null && seen.sameAs(article)) {
      versions.delete(article.getId());
    }
  }

  private void checkEnrichable(final RawArticle article) {
    // A headline-only story (an agency flash; ingest marks it with a no-body warning) is
    // enriched from its headline; only a story with no text at all has nothing to enrich.
    if (article.getBody().isBlank() && article.getHeadline().isBlank()) {
      throw new IllegalArgumentException("story " + article.getId()
          + " has an empty body and an empty headline");
    }
    if (article.getBody().length() > maxBodyChars) {
      throw new IllegalArgumentException("story " + article.getId() + " has a body of "
          + article.getBody().length() + " characters, over the limit of " + maxBodyChars);
    }
    if (Markup.isMostlyMarkup(article.getBody())) {
      throw new IllegalArgumentException("story " + article.getId() + " has a body that is mostly"
          + " markup: " + Markup.tagChars(article.getBody()) + " of its "
          + article.getBody().length() + " characters are HTML/XML tags, where news.raw.v1"
          + " carries plain text");
    }
  }
}
