package io.wirestream.enrich.it;

import io.wirestream.devstack.KafkaStack;
import io.wirestream.schemas.TopicSpec;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads an output topic with read_committed, as a downstream consumer would. */
final class TopicRecords {

  private TopicRecords() {
  }

  /** Reads until {@code done} holds for what was read, or 60 s pass. */
  static <V extends SpecificRecord> List<ConsumerRecord<String, V>> readUntil(
      final KafkaStack stack, final String topic, final TopicSpec<V> contract,
      final Predicate<List<ConsumerRecord<String, V>>> done) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    final List<ConsumerRecord<String, V>> records = new ArrayList<>();
    try (SpecificAvroSerde<V> serde = WirestreamSerdes.valueSerde(contract,
        Map.of("schema.registry.url", stack.schemaRegistryUrl()));
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
            serde.deserializer())) {
      consumer.subscribe(List.of(topic));
      final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!done.test(records) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(250)).forEach(records::add);
      }
    }
    return records;
  }
}
