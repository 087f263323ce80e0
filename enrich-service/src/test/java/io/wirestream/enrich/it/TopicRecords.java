package io.wirestream.enrich.it;

import io.wirestream.devstack.KafkaStack;
import io.wirestream.devstack.TopicReader;
import io.wirestream.schemas.TopicSpec;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads an output topic with the contract's serde until {@code done} holds (and 2 s more, so a
 * late extra record, e.g. a duplicate, is seen too), or 60 s pass.
 */
final class TopicRecords {

  private TopicRecords() {
  }

  static <V extends SpecificRecord> List<ConsumerRecord<String, V>> readUntil(
      final KafkaStack stack, final String topic, final TopicSpec<V> contract,
      final Predicate<List<ConsumerRecord<String, V>>> done) {
    try (SpecificAvroSerde<V> serde = WirestreamSerdes.valueSerde(contract,
        Map.of("schema.registry.url", stack.schemaRegistryUrl()))) {
      return TopicReader.read(stack, topic, serde.deserializer(), done, Duration.ofSeconds(2),
          Duration.ofSeconds(60));
    }
  }
}
