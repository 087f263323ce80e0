package io.wirestream.deploy;

import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code news.enriched.v1} as a downstream consumer does (read_committed, its own group)
 * and hands each story to a callback, until closed. Used by {@code tail} and {@code demo}.
 */
final class EnrichedFollower implements AutoCloseable {

  private final KafkaConsumer<String, EnrichedArticle> consumer;
  private final SpecificAvroSerde<EnrichedArticle> serde;
  private final Thread thread;
  private volatile boolean running = true;

  EnrichedFollower(final Properties clientProperties, final Map<String, Object> registry,
      final String topic, final boolean fromBeginning,
      final BiConsumer<String, EnrichedArticle> onStory) {
    final Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "wirestream-tail-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.serde = WirestreamSerdes.valueSerde(Topics.ENRICHED, registry);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), serde.deserializer());
    consumer.subscribe(List.of(topic));
    this.thread = new Thread(() -> {
      try {
        while (running) {
          for (final ConsumerRecord<String, EnrichedArticle> record
              : consumer.poll(Duration.ofMillis(500))) {
            onStory.accept(record.key(), record.value());
          }
        }
      } catch (final WakeupException e) {
        // close() woke the poll: time to stop.
      } finally {
        consumer.close();
        serde.close();
      }
    }, "enriched-follower");
    thread.setDaemon(true);
    thread.start();
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
