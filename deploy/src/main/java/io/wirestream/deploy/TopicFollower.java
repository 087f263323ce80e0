package io.wirestream.deploy;

import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows one Wirestream topic as a downstream consumer does (read_committed, a fresh group of
 * its own, no commits) and hands each record to a callback on its own thread, until closed. Used
 * by {@code tail}, {@code demo} and the dashboard.
 */
public final class TopicFollower<V extends SpecificRecord> implements AutoCloseable {

  private final KafkaConsumer<String, V> consumer;
  private final SpecificAvroSerde<V> serde;
  private final Thread thread;
  private volatile boolean running = true;

  private TopicFollower(final Properties clientProperties, final SpecificAvroSerde<V> serde,
      final String topic, final boolean fromBeginning, final BiConsumer<String, V> onRecord) {
    final Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "wirestream-follow-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.serde = serde;
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), serde.deserializer());
    consumer.subscribe(List.of(topic));
    this.thread = new Thread(() -> {
      try {
        while (running) {
          for (final ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
            onRecord.accept(record.key(), record.value());
          }
        }
      } catch (final WakeupException e) {
        // close() woke the poll: time to stop.
      } finally {
        consumer.close();
        serde.close();
      }
    }, "follow-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  /** Follows an enriched-stories topic; a null story is a tombstone (canceled or withheld). */
  public static TopicFollower<EnrichedArticle> enriched(final Properties clientProperties,
      final Map<String, Object> registry, final String topic, final boolean fromBeginning,
      final BiConsumer<String, EnrichedArticle> onStory) {
    return new TopicFollower<>(clientProperties, WirestreamSerdes.valueSerde(Topics.ENRICHED,
        registry), topic, fromBeginning, onStory);
  }

  /** Follows a dead-letter topic. */
  public static TopicFollower<DeadLetter> deadLetters(final Properties clientProperties,
      final Map<String, Object> registry, final String topic, final boolean fromBeginning,
      final BiConsumer<String, DeadLetter> onDeadLetter) {
    return new TopicFollower<>(clientProperties, WirestreamSerdes.valueSerde(Topics.DLQ,
        registry), topic, fromBeginning, onDeadLetter);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
