package io.wirestream.enrich.topology;

import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.serde.PoisonRecords;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Avro value itself (the source topic is consumed as bytes), so a record that cannot be
 * read becomes a dead letter with its original bytes and coordinates and the app goes on. A failure
 * that is not the record's fault (registry unreachable) is rethrown: skipping good records during an
 * outage would lose them.
 */
final class DecodeProcessor implements Processor<String, byte[], String, Step<RawArticle>> {

  private static final Logger LOG = LoggerFactory.getLogger(DecodeProcessor.class);

  private final Deserializer<RawArticle> deserializer;
  private final EnrichMetrics metrics;
  private ProcessorContext<String, Step<RawArticle>> context;

  DecodeProcessor(final Deserializer<RawArticle> deserializer, final EnrichMetrics metrics) {
    this.deserializer = deserializer;
    this.metrics = metrics;
  }

  @Override
  public void init(final ProcessorContext<String, Step<RawArticle>> context) {
    this.context = context;
  }

  @Override
  public void process(final Record<String, byte[]> record) {
    if (record.value() == null) {
      // A tombstone on the raw topic has nothing to enrich; it is not an error either.
      return;
    }
    final String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
    try {
      final RawArticle article = deserializer.deserialize(topic, record.headers(), record.value());
      context.forward(record.withValue(Step.ok(article)));
    } catch (final RuntimeException e) {
      if (!PoisonRecords.isPoison(e)) {
        throw e;
      }
      LOG.warn("Dead-lettering unreadable record {}: {}", context.recordMetadata()
          .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"),
          e.getMessage());
      metrics.deadLettered(DeadLetterStage.DESERIALIZE);
      context.forward(record.withValue(Step.failed(RecordDeadLetters.of(context, record.key(),
          record.value(), record.headers(), DeadLetterStage.DESERIALIZE, e, null))));
    }
  }
}
