package io.wirestream.enrich.topology;

import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what of the raw stream goes on, per article id (the partition key): exact re-sends are
 * dropped; an older version never overwrites a newer one; canceled and withheld versions become
 * tombstones; embargoed stories wait in a store until their time (checked every second of wall
 * clock); content already seen under another id is marked {@code duplicateOf}.
 */
final class GateProcessor implements Processor<String, Step<RawArticle>, String, Step<Gated>> {

  private static final Logger LOG = LoggerFactory.getLogger(GateProcessor.class);
  private static final Duration EMBARGO_CHECK = Duration.ofSeconds(1);
  private static final Duration HASH_PURGE = Duration.ofMinutes(10);
  /** Header on a story that counts in the trends (its first version, not a duplicate). */
  static final String TREND_HEADER = "ws.trend-count";

  private final Duration dedupeRetention;
  private final EnrichMetrics metrics;
  private ProcessorContext<String, Step<Gated>> context;
  private KeyValueStore<String, String> versions;
  private KeyValueStore<String, String> hashes;
  private KeyValueStore<String, RawArticle> embargoed;

  GateProcessor(final Duration dedupeRetention, final EnrichMetrics metrics) {
    this.dedupeRetention = dedupeRetention;
    this.metrics = metrics;
  }

  @Override
  public void init(final ProcessorContext<String, Step<Gated>> context) {
    this.context = context;
    this.versions = context.getStateStore(StoreNames.ARTICLE_VERSIONS);
    this.hashes = context.getStateStore(StoreNames.CONTENT_HASHES);
    this.embargoed = context.getStateStore(StoreNames.EMBARGOED);
    context.schedule(EMBARGO_CHECK, PunctuationType.WALL_CLOCK_TIME, this::releaseDue);
    context.schedule(HASH_PURGE, PunctuationType.WALL_CLOCK_TIME, this::purgeHashes);
  }

  @Override
  public void process(final Record<String, Step<RawArticle>> record) {
    if (record.value().isFailed()) {
      context.forward(record.withValue(Step.failed(record.value().deadLetter())));
      return;
    }
    final RawArticle article = record.value().value();
    final String id = article.getId();
    final SeenVersion previous = SeenVersion.parse(versions.get(id));
    if (previous != null && article.getVersion() < previous.version()) {
      LOG.info("Dropping {} v{}: v{} is already out", id, article.getVersion(), previous.version());
      metrics.droppedOlderVersion();
      return;
    }
    if (previous != null && previous.sameAs(article)) {
      LOG.debug("Dropping exact re-send of {} v{}", id, article.getVersion());
      metrics.droppedResend();
      return;
    }
    versions.put(id, SeenVersion.of(article, previous != null && previous.counted()).format());
    if (isWithdrawn(article)) {
      // A cancel or withhold also cancels a pending embargoed version.
      embargoed.delete(id);
      context.forward(record.withValue(Step.ok(new Gated(article, null, true))));
      return;
    }
    final long now = context.currentSystemTimeMs();
    if (article.getEmbargoUntil() != null && article.getEmbargoUntil().toEpochMilli() > now) {
      embargoed.put(id, article);
      LOG.info("Holding {} v{} until its embargo at {}", id, article.getVersion(),
          article.getEmbargoUntil());
      metrics.heldForEmbargo();
      return;
    }
    embargoed.delete(id);
    forwardStory(record.withValue(Step.ok(new Gated(article, duplicateOf(article, now), false))));
  }

  /**
   * Forwards a story for enrichment, marked {@link #TREND_HEADER} when it is to be counted in the
   * trends: once per story (not per version) and not when it duplicates another id's content.
   */
  private void forwardStory(final Record<String, Step<Gated>> record) {
    final Gated gated = record.value().value();
    final String id = gated.article().getId();
    final SeenVersion seen = SeenVersion.parse(versions.get(id));
    if (gated.duplicateOf() == null && seen != null && !seen.counted()) {
      versions.put(id, seen.countedNow().format());
      record.headers().remove(TREND_HEADER).add(TREND_HEADER, new byte[] {1});
    }
    context.forward(record);
  }

  private static boolean isWithdrawn(final RawArticle article) {
    return article.getStatus() == ArticleStatus.CANCELED
        || article.getStatus() == ArticleStatus.WITHHELD;
  }

  /** The first id seen with this content, if it is another id; remembers this one otherwise. */
  private String duplicateOf(final RawArticle article, final long now) {
    final String first = hashes.get(article.getContentHash());
    if (first != null) {
      final String firstId = first.substring(0, first.lastIndexOf('|'));
      if (!firstId.equals(article.getId())) {
        return firstId;
      }
    }
    hashes.put(article.getContentHash(), article.getId() + "|" + now);
    return null;
  }

  private void releaseDue(final long now) {
    final List<KeyValue<String, RawArticle>> due = new ArrayList<>();
    try (KeyValueIterator<String, RawArticle> all = embargoed.all()) {
      all.forEachRemaining(entry -> {
        if (entry.value.getEmbargoUntil() == null
            || entry.value.getEmbargoUntil().toEpochMilli() <= now) {
          due.add(entry);
        }
      });
    }
    for (final KeyValue<String, RawArticle> entry : due) {
      embargoed.delete(entry.key);
      LOG.info("Embargo of {} v{} passed; releasing it", entry.key, entry.value.getVersion());
      forwardStory(new Record<>(entry.key, Step.ok(new Gated(entry.value,
          duplicateOf(entry.value, now), false)), now));
    }
  }

  private void purgeHashes(final long now) {
    final long oldest = now - dedupeRetention.toMillis();
    final List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, String> all = hashes.all()) {
      all.forEachRemaining(entry -> {
        if (Long.parseLong(entry.value.substring(entry.value.lastIndexOf('|') + 1)) < oldest) {
          expired.add(entry.key);
        }
      });
    }
    expired.forEach(hashes::delete);
  }
}
