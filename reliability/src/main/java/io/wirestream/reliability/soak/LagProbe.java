package io.wirestream.reliability.soak;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of the enrich application on its input topic (end offsets minus committed offsets,
 * summed over partitions), and the size of the dead-letter topic, through the Admin API: what an
 * operator's lag exporter reads.
 */
public final class LagProbe implements AutoCloseable {

  private static final long TIMEOUT_MS = 10_000;

  private final Admin admin;
  private final String groupId;
  private final String inputTopic;
  private final String deadLetterTopic;

  public LagProbe(final String bootstrapServers, final String groupId, final String inputTopic,
      final String deadLetterTopic) {
    final Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
    this.admin = Admin.create(props);
    this.groupId = groupId;
    this.inputTopic = inputTopic;
    this.deadLetterTopic = deadLetterTopic;
  }

  /** Records of the input topic not yet committed by the enrich application. */
  public long lag() throws Exception {
    final Map<TopicPartition, Long> end = endOffsets(inputTopic);
    final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
        .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    long lag = 0;
    for (final Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      final OffsetAndMetadata done = committed.get(partition.getKey());
      lag += partition.getValue() - (done == null ? 0 : done.offset());
    }
    return lag;
  }

  /**
   * The dead-letter topic's end offsets, summed: 0 while nothing was ever dead-lettered (with
   * exactly-once a committed record also leaves a transaction marker, so growth, not the value, is
   * the signal).
   */
  public long deadLetterEnd() throws Exception {
    return endOffsets(deadLetterTopic).values().stream().mapToLong(Long::longValue).sum();
  }

  private Map<TopicPartition, Long> endOffsets(final String topic) throws Exception {
    final Map<TopicPartition, OffsetSpec> request = admin.describeTopics(List.of(topic))
        .allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
        .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
            p -> OffsetSpec.latest()));
    final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
        admin.listOffsets(request).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue().offset()));
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
