package io.wirestream.enrich.app;

import io.wirestream.enrich.EnrichConfig;
import io.wirestream.enrich.Enricher;
import io.wirestream.enrich.topology.EnrichMetrics;
import io.wirestream.enrich.topology.EnrichTopology;
import io.wirestream.schemas.TopicAdmin;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running enrich-service instance: creates the topics it writes when they are missing (never
 * recreates one), starts the Streams app, and on a fatal error shuts the client down and keeps the
 * error, so the process can exit non-zero and be restarted by its supervisor.
 */
public final class EnrichApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private EnrichApp(final EnrichConfig config, final Enricher enricher,
      final EnrichMetrics metrics) {
    this.streams = new KafkaStreams(EnrichTopology.build(config, enricher, metrics),
        config.streamsProperties());
    streams.setUncaughtExceptionHandler(error -> {
      LOG.error("Enrich app failed; shutting this instance down", error);
      fatal.compareAndSet(null, error);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.setStateListener((now, before) -> {
      LOG.info("Enrich app state {} -> {}", before, now);
      if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
        stopped.countDown();
      }
    });
  }

  /** Creates missing topics, then starts the app, its metrics going nowhere. */
  public static EnrichApp start(final EnrichConfig config, final Enricher enricher,
      final int partitions, final Optional<Short> replicationFactor) {
    return start(config, enricher, EnrichMetrics.none(), partitions, replicationFactor);
  }

  /** Creates missing topics, then starts the app, counting into {@code metrics}. */
  public static EnrichApp start(final EnrichConfig config, final Enricher enricher,
      final EnrichMetrics metrics, final int partitions, final Optional<Short> replicationFactor) {
    ensureTopics(config, partitions, replicationFactor);
    final EnrichApp app = new EnrichApp(config, enricher, metrics);
    app.streams.start();
    return app;
  }

  /** The Streams client, for state, metadata and store queries. */
  public KafkaStreams streams() {
    return streams;
  }

  /** Waits until the app is RUNNING; false if it did not get there in time. */
  public boolean awaitRunning(final Duration timeout) throws InterruptedException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (streams.state() == KafkaStreams.State.RUNNING) {
        return true;
      }
      if (!streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
        return false;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Blocks until the app stops; returns the fatal error, if that is why. */
  public Optional<Throwable> awaitStopped() throws InterruptedException {
    stopped.await();
    return Optional.ofNullable(fatal.get());
  }

  /**
   * Stops the app, waiting at most {@link #CLOSE_TIMEOUT}. The instance leaves the group: without
   * static membership a restart joins as a new member, and the group would otherwise wait out the
   * old member's session timeout before giving its partitions to anyone. A stop that takes longer
   * is logged; until it completes, the state directory stays locked for another instance in the
   * same process.
   */
  @Override
  public void close() {
    final CloseOptions leave = CloseOptions.groupMembershipOperation(
        CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT);
    if (!streams.close(leave)) {
      LOG.warn("Enrich app not stopped after {} s (state {}); giving up waiting",
          CLOSE_TIMEOUT.toSeconds(), streams.state());
    }
    stopped.countDown();
  }

  private static void ensureTopics(final EnrichConfig config, final int partitions,
      final Optional<Short> replicationFactor) {
    final Properties props = new Properties();
    props.putAll(config.streamsProperties());
    final EnrichConfig.TopicNames topics = config.topics();
    TopicAdmin.createMissing(props, List.of(topics.raw(), topics.enriched(), topics.byCountry(),
        topics.entityMentions(), topics.trends(), topics.deadLetters()), partitions,
        replicationFactor);
  }
}
