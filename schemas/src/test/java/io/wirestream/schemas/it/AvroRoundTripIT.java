package io.wirestream.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.schemas.TopicSpec;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.serde.AvroSerializer;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import io.wirestream.schemas.testing.Stories;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contracts through a real broker and a real registry: what lands on the topic is the Confluent
 * wire format with the id the registry assigned, and it reads back equal.
 */
@Tag("integration")
@Timeout(120)
@ExtendWith(DevStackExtension.class)
class AvroRoundTripIT {

  private final KafkaStack stack;

  AvroRoundTripIT(final KafkaStack stack) {
    this.stack = stack;
  }

  @Test
  void rawArticleShouldRoundTripInTheConfluentWireFormat() throws Exception {
    final RawArticle story = Stories.raw("rt-" + UUID.randomUUID());
    roundTrip(Topics.RAW, story.getId(), story);
  }

  @Test
  void enrichedArticleShouldRoundTripInTheConfluentWireFormat() throws Exception {
    final EnrichedArticle story = Stories.enriched("rt-" + UUID.randomUUID());
    roundTrip(Topics.ENRICHED, story.getId(), story);
  }

  private <V extends SpecificRecord> void roundTrip(final TopicSpec<V> topic, final String key,
      final V value) throws Exception {
    TopicsAdmin.createIfMissing(stack.bootstrapServers(), topic.name());
    final Map<String, Object> registry = Map.of("schema.registry.url", stack.schemaRegistryUrl());

    final Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, V> producer = new KafkaProducer<>(producerProps,
        new StringSerializer(), serializer(registry))) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }

    final byte[] bytes = readValue(topic.name(), key);
    assertThat(bytes[0]).as("magic byte").isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("schema id in bytes 1-4")
        .isEqualTo(latestIdFromRegistry(topic.valueSubject()));

    try (SpecificAvroSerde<V> serde = WirestreamSerdes.valueSerde(topic, registry)) {
      assertThat(serde.deserializer().deserialize(topic.name(), bytes)).isEqualTo(value);
    }
  }

  private static <V extends SpecificRecord> AvroSerializer<V> serializer(
      final Map<String, Object> registry) {
    final AvroSerializer<V> serializer = new AvroSerializer<>();
    serializer.configure(registry, false);
    return serializer;
  }

  private byte[] readValue(final String topic, final String key) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "round-trip-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      final List<String> seen = new ArrayList<>();
      final AtomicReference<byte[]> value = new AtomicReference<>();
      // The consumer is not thread-safe: poll it on this thread, which also closes it.
      await("a record with key " + key + " on " + topic)
          .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).pollInSameThread()
          .untilAsserted(() -> {
            for (final ConsumerRecord<String, byte[]> record
                : consumer.poll(Duration.ofMillis(500))) {
              if (key.equals(record.key())) {
                value.set(record.value());
              } else {
                seen.add(record.key());
              }
            }
            assertThat(value.get()).as("a record with key %s on %s; saw keys %s", key, topic,
                seen).isNotNull();
          });
      return value.get();
    }
  }

  /** Asks the registry itself, over plain HTTP, which id it gave the subject's latest version. */
  private int latestIdFromRegistry(final String subject) throws Exception {
    final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(stack.schemaRegistryUrl() + "/subjects/" + subject + "/versions/latest"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body()).path("id").asInt();
  }
}
