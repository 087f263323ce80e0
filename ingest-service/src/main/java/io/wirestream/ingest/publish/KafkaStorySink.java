package io.wirestream.ingest.publish;

import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to Kafka with one idempotent producer for stories and dead letters. Each story record
 * carries its content hash, version and status as headers too, so the ledger can be rebuilt from
 * the topic at start-up without decoding values.
 */
public final class KafkaStorySink implements StorySink {

  /** Header with the story's content hash. */
  public static final String CONTENT_HASH_HEADER = "ws.content-hash";
  /** Header with the story's version (decimal). */
  public static final String VERSION_HEADER = "ws.version";
  /** Header with the story's status. */
  public static final String STATUS_HEADER = "ws.status";

  private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration READINESS_CACHE = Duration.ofSeconds(5);

  private final KafkaProducer<String, SpecificRecord> producer;
  private final Admin admin;
  private volatile long readyCheckedAt;
  private volatile boolean lastReady;
  private final String rawTopic;
  private final String deadLetterTopic;

  public KafkaStorySink(final IngestConfig config) {
    final AvroSerializer<SpecificRecord> values = new AvroSerializer<>();
    values.configure(config.registryProperties(), false);
    this.producer = new KafkaProducer<>(config.producerProperties(), new StringSerializer(), values);
    this.admin = Admin.create(config.commonClientProperties());
    this.readyCheckedAt = System.nanoTime() - 2 * READINESS_CACHE.toNanos();
    this.rawTopic = config.rawTopic();
    this.deadLetterTopic = config.deadLetterTopic();
  }

  @Override
  public CompletableFuture<Void> publish(final RawArticle article) {
    final RecordHeaders headers = new RecordHeaders();
    headers.add(CONTENT_HASH_HEADER, article.getContentHash().getBytes(StandardCharsets.UTF_8));
    headers.add(VERSION_HEADER,
        Integer.toString(article.getVersion()).getBytes(StandardCharsets.UTF_8));
    headers.add(STATUS_HEADER, article.getStatus().name().getBytes(StandardCharsets.UTF_8));
    return send(new ProducerRecord<>(rawTopic, null, article.getId(), article, headers));
  }

  @Override
  public CompletableFuture<Void> deadLetter(final String key, final DeadLetter deadLetter) {
    return send(new ProducerRecord<>(deadLetterTopic, key, deadLetter));
  }

  private CompletableFuture<Void> send(final ProducerRecord<String, SpecificRecord> record) {
    final CompletableFuture<Void> acked = new CompletableFuture<>();
    try {
      producer.send(record, (metadata, error) -> {
        if (error == null) {
          acked.complete(null);
        } else {
          acked.completeExceptionally(error);
        }
      });
    } catch (final RuntimeException e) {
      // Serialization and buffer errors are thrown by send() itself, not passed to the callback.
      acked.completeExceptionally(e);
    }
    return acked;
  }

  /** Exposes the producer's own metrics (record-send rate, errors, batch sizes...) too. */
  public void bindMetrics(final MeterRegistry registry) {
    new KafkaClientMetrics(producer).bindTo(registry);
  }

  /**
   * Ready when the cluster answers and the story topic exists; checked at most every 5 s so a
   * probe cannot load the brokers.
   */
  @Override
  public boolean ready() {
    final long now = System.nanoTime();
    if (now - readyCheckedAt < READINESS_CACHE.toNanos()) {
      return lastReady;
    }
    boolean ready;
    try {
      ready = admin.describeTopics(List.of(rawTopic)).allTopicNames()
          .get(READINESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).containsKey(rawTopic);
    } catch (final ExecutionException | TimeoutException e) {
      ready = false;
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      ready = false;
    }
    lastReady = ready;
    readyCheckedAt = now;
    return ready;
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
  }
}
