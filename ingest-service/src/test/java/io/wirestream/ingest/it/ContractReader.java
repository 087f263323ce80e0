package io.wirestream.ingest.it;

import io.wirestream.devstack.KafkaStack;
import io.wirestream.devstack.TopicReader;
import io.wirestream.schemas.TopicSpec;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a test topic with the contract's serde: {@code expected} records, then 1 s more. */
final class ContractReader {

  private ContractReader() {
  }

  static <V extends SpecificRecord> List<ConsumerRecord<String, V>> read(final KafkaStack stack,
      final String topic, final TopicSpec<V> contract, final int expected) {
    try (SpecificAvroSerde<V> serde = WirestreamSerdes.valueSerde(contract,
        Map.of("schema.registry.url", stack.schemaRegistryUrl()))) {
      return TopicReader.read(stack, topic, serde.deserializer(),
          records -> records.size() >= expected, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
  }
}
