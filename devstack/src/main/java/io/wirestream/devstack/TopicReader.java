package io.wirestream.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of a {@link KafkaStack} from the start, as a downstream consumer would
 * ({@code read_committed}, a fresh group), for integration tests.
 */
public final class TopicReader {

  private TopicReader() {
  }

  /**
   * Reads until {@code done} holds for the records read, then {@code quietAfter} longer (so that a
   * record that should not be there has time to show up), or until {@code timeout}.
   *
   * @return every record read, in offset order per partition
   */
  public static <V> List<ConsumerRecord<String, V>> read(final KafkaStack stack,
      final String topic, final Deserializer<V> values,
      final Predicate<List<ConsumerRecord<String, V>>> done, final Duration quietAfter,
      final Duration timeout) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    final List<ConsumerRecord<String, V>> records = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        values)) {
      consumer.subscribe(List.of(topic));
      final long deadline = System.nanoTime() + timeout.toNanos();
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        consumer.poll(Duration.ofMillis(250)).forEach(records::add);
        if (quietUntil == Long.MAX_VALUE && done.test(records)) {
          quietUntil = System.nanoTime() + quietAfter.toNanos();
        }
      }
    }
    return records;
  }
}
