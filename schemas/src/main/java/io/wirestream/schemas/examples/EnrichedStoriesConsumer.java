package io.wirestream.schemas.examples;

import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The downstream consumer of docs/consumers.md: reads {@code news.enriched.v1} with the generated
 * class and the schema-registry deserializer, committed data only, and handles tombstones.
 *
 * <pre>
 * java -cp wirestream-schemas.jar:... io.wirestream.schemas.examples.EnrichedStoriesConsumer \
 *     BOOTSTRAP_SERVERS SCHEMA_REGISTRY_URL GROUP_ID
 * </pre>
 */
public final class EnrichedStoriesConsumer {

  private EnrichedStoriesConsumer() {
  }

  public static void main(final String[] args) {
    if (args.length != 3) {
      System.err.println("usage: EnrichedStoriesConsumer BOOTSTRAP_SERVERS SCHEMA_REGISTRY_URL GROUP_ID");
      System.exit(2);
    }
    consume(args[0], args[1], args[2], Topics.ENRICHED.name(), Long.MAX_VALUE,
        Duration.ofDays(365), (id, story) -> System.out.println(story == null
            ? id + " withdrawn"
            : id + " v" + story.getVersion() + " [" + story.getPrimaryCountry() + "] "
                + story.getHeadline()));
  }

  /**
   * Reads enriched stories and hands each to {@code onStory}; a null story is a tombstone (the story
   * was canceled or withheld: remove it from your index).
   *
   * @return how many records were handed over
   */
  public static long consume(final String bootstrapServers, final String registryUrl,
      final String groupId, final String topic, final long maxRecords, final Duration maxTime,
      final BiConsumer<String, EnrichedArticle> onStory) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    // The enricher writes in transactions: read only what it committed.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    long handed = 0;
    try (SpecificAvroSerde<EnrichedArticle> values = WirestreamSerdes.valueSerde(Topics.ENRICHED,
        Map.of("schema.registry.url", registryUrl));
        KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(props,
            new StringDeserializer(), values.deserializer())) {
      consumer.subscribe(List.of(topic));
      final long deadline = System.nanoTime() + Math.min(maxTime.toNanos(), Long.MAX_VALUE / 2);
      while (handed < maxRecords && System.nanoTime() < deadline) {
        for (final ConsumerRecord<String, EnrichedArticle> record
            : consumer.poll(Duration.ofMillis(500))) {
          // The key is the article id; records of one id arrive in order on one partition.
          onStory.accept(record.key(), record.value());
          handed++;
        }
        consumer.commitSync();
      }
    }
    return handed;
  }
}
