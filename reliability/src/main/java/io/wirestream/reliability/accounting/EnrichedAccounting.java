package io.wirestream.reliability.accounting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads an output topic from the start as a downstream consumer would ({@code read_committed}) and
 * counts records per key. Only keys are needed, so no registry is involved: the accounting stays
 * true while the registry is the thing being restarted.
 */
public final class EnrichedAccounting {

  private EnrichedAccounting() {
  }

  /**
   * Reads {@code topic} until every id in {@code accepted} was seen and the end offsets at that
   * moment are reached, or until {@code timeout}.
   *
   * @param notAccepted ids sent but not answered 202 (counted when they show up anyway)
   */
  public static Accounting account(final String label, final String bootstrapServers,
      final String topic, final Collection<String> accepted, final Collection<String> notAccepted,
      final Duration timeout) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    final Map<String, Integer> counts = new HashMap<>();
    final Set<String> missing = new HashSet<>(accepted);
    final long started = System.nanoTime();
    final long deadline = started + timeout.toNanos();
    long read = 0;
    long completeAt = -1;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
        new StringDeserializer(), new ByteArrayDeserializer())) {
      final List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> endAtCompletion = null;
      while (System.nanoTime() < deadline) {
        for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
          read++;
          if (record.key() != null) {
            counts.merge(record.key(), 1, Integer::sum);
            missing.remove(record.key());
          }
        }
        if (missing.isEmpty() && endAtCompletion == null) {
          completeAt = System.nanoTime();
          // read_committed end offsets: the last stable offset of each partition.
          endAtCompletion = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        }
        if (endAtCompletion != null && reached(consumer, endAtCompletion)) {
          break;
        }
      }
    }
    final Set<String> acceptedSet = new HashSet<>(accepted);
    final Map<String, Integer> duplicated = new TreeMap<>();
    counts.forEach((key, count) -> {
      if (count > 1) {
        duplicated.put(key, count);
      }
    });
    int unacknowledged = 0;
    for (final String id : notAccepted) {
      if (counts.containsKey(id)) {
        unacknowledged++;
      }
    }
    final List<String> lost = new ArrayList<>(missing);
    lost.sort(null);
    final long enriched = acceptedSet.stream().filter(counts::containsKey).count();
    return new Accounting(label, acceptedSet.size(), (int) enriched, lost, duplicated,
        unacknowledged, read, Duration.ofNanos((completeAt < 0 ? System.nanoTime() : completeAt)
            - started));
  }

  private static boolean reached(final KafkaConsumer<?, ?> consumer,
      final Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
