package io.wirestream.enrich.topology;

import io.wirestream.schemas.avro.EnrichedArticle;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest enriched version of every story for {@code GET /v1/articles/{id}}; a tombstone
 * (canceled, withheld) removes it. Written here, on the partition the story came in on, rather than
 * through {@code toTable()}: after {@code process()} Streams cannot know the key is still the
 * article id and would copy every full article through a repartition topic first.
 */
final class LatestArticleProcessor implements Processor<String, EnrichedArticle, Void, Void> {

  private KeyValueStore<String, EnrichedArticle> latest;

  @Override
  public void init(final ProcessorContext<Void, Void> context) {
    latest = context.getStateStore(StoreNames.LATEST_ARTICLES);
  }

  @Override
  public void process(final Record<String, EnrichedArticle> record) {
    // A story sent without a key sits on no partition its id hashes to, so a query could not find
    // it; it is enriched and published all the same, as toTable() did, but not kept here.
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      latest.delete(record.key());
    } else {
      latest.put(record.key(), record.value());
    }
  }
}
