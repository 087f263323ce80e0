package io.wirestream.deploy.dashboard;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, every couple of seconds, how many stories the raw topic holds (sum of its end offsets:
 * the ingest producer is idempotent, not transactional, so offsets count records) and how far the
 * enrich-service's consumer group is behind it, and hands both to the {@link DashboardState}.
 * The Admin API sees the same thing whether the enricher runs in this process or elsewhere.
 */
public final class FlowProbe implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FlowProbe.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Admin admin;
  private final String rawTopic;
  private final String groupId;
  private final DashboardState state;
  private final LongSupplier clock;
  private final ScheduledExecutorService scheduler;

  /**
   * @param clientProperties bootstrap servers and security settings
   * @param groupId the enrich-service's application id (its consumer group)
   */
  public FlowProbe(final Properties clientProperties, final String rawTopic, final String groupId,
      final DashboardState state, final Duration interval, final LongSupplier clock) {
    this.admin = Admin.create(clientProperties);
    this.rawTopic = rawTopic;
    this.groupId = groupId;
    this.state = state;
    this.clock = clock;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      final Thread thread = new Thread(runnable, "dashboard-flow-probe");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void probe() {
    try {
      final TopicDescription topic = admin.describeTopics(List.of(rawTopic))
          .allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(rawTopic);
      final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      topic.partitions().forEach(p -> latest.put(new TopicPartition(rawTopic, p.partition()),
          OffsetSpec.latest()));
      final Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      final Map<TopicPartition, OffsetAndMetadata> committed = admin
          .listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      long total = 0;
      long lag = 0;
      boolean known = false;
      for (final Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
        total += end.getValue().offset();
        final OffsetAndMetadata done = committed.get(end.getKey());
        if (done != null) {
          known = true;
          lag += Math.max(0, end.getValue().offset() - done.offset());
        } else {
          lag += end.getValue().offset();
        }
      }
      state.onFlow(total, known ? lag : -1, clock.getAsLong());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (final Exception e) {
      // The page shows the last reading; a broker hiccup must not stop the probe.
      LOG.debug("Flow probe failed: {}", e.toString());
    }
  }

  @Override
  public void close() throws InterruptedException {
    scheduler.shutdownNow();
    scheduler.awaitTermination(10, TimeUnit.SECONDS);
    admin.close(Duration.ofSeconds(5));
  }
}
