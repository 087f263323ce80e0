package io.wirestream.deploy.dlq;

import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a dead-letter topic from its beginning up to the end it had when the scan started, without
 * a consumer group (no offsets committed, nothing changes for other readers): the bounded read that
 * {@code wirestream dlq list} and {@code replay} need. Dead letters written meanwhile wait for the
 * next scan.
 */
public final class DeadLetterScan {

  private DeadLetterScan() {
  }

  /** Every dead letter now on the topic, oldest first per partition. */
  public static List<ConsumerRecord<String, DeadLetter>> readAll(final Properties clientProperties,
      final Map<String, Object> registry, final String topic, final Duration timeout)
      throws TimeoutException {
    final Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    final List<ConsumerRecord<String, DeadLetter>> letters = new ArrayList<>();
    try (SpecificAvroSerde<DeadLetter> serde = WirestreamSerdes.valueSerde(Topics.DLQ, registry);
        KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(props,
            new StringDeserializer(), serde.deserializer())) {
      final List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException("Topic " + topic + " does not exist");
      }
      final List<TopicPartition> partitions = infos.stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      final Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, timeout));
      final long deadline = System.nanoTime() + timeout.toNanos();
      while (!ends.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("Read " + letters.size() + " dead letters of " + topic
              + " but not the rest within " + timeout);
        }
        for (final ConsumerRecord<String, DeadLetter> record
            : consumer.poll(Duration.ofMillis(200))) {
          letters.add(record);
        }
        ends.entrySet().removeIf(end -> consumer.position(end.getKey(), timeout) >= end.getValue());
      }
    }
    return letters;
  }
}
