package io.wirestream.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.registry.UnknownSchemaIdException;
import io.wirestream.schemas.serde.MalformedAvroPayloadException;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.UnknownMagicByteException;
import io.wirestream.schemas.serde.WirestreamSerdes;
import io.wirestream.schemas.testing.Stories;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Corrupt values on a real topic, read by a real consumer with our deserializer: each kind fails
 * with its own exception, at its own offset, and the good record after them still reads.
 */
@Tag("integration")
@Timeout(120)
@ExtendWith(DevStackExtension.class)
class CorruptValuesIT {

  private final KafkaStack stack;

  CorruptValuesIT(final KafkaStack stack) {
    this.stack = stack;
  }

  @Test
  void eachKindOfCorruptionShouldFailWithItsOwnException() throws Exception {
    final String topic = "corrupt-it-" + UUID.randomUUID();
    TopicsAdmin.createIfMissing(stack.bootstrapServers(), topic);
    final Map<String, Object> registry = Map.of("schema.registry.url", stack.schemaRegistryUrl());
    final byte[] good;
    try (SpecificAvroSerde<RawArticle> serde = WirestreamSerdes.valueSerde(Topics.RAW, registry)) {
      good = serde.serializer().serialize(topic, Stories.raw("good"));
    }
    final byte[] wrongMagic = good.clone();
    wrongMagic[0] = 1;
    final byte[] unknownId = good.clone();
    ByteBuffer.wrap(unknownId, 1, 4).putInt(Integer.MAX_VALUE - 11);
    final byte[] truncated = Arrays.copyOf(good, good.length - 9);

    produce(topic, List.of(wrongMagic, unknownId, truncated, good));

    final List<Throwable> failures = new ArrayList<>();
    RawArticle read = null;
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "corrupt-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (SpecificAvroSerde<RawArticle> serde = WirestreamSerdes.valueSerde(Topics.RAW, registry);
        KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(props,
            new StringDeserializer(), serde.deserializer())) {
      consumer.subscribe(List.of(topic));
      final AtomicReference<RawArticle> found = new AtomicReference<>();
      await("the good record after the three corrupt ones on " + topic)
          // The consumer is not thread-safe: poll it on this thread, which also closes it.
          .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).pollInSameThread()
          .until(() -> {
            try {
              for (final var record : consumer.poll(Duration.ofMillis(500))) {
                found.set(record.value());
              }
            } catch (final RecordDeserializationException e) {
              failures.add(e.getCause());
              // Skip the poison record, as a dead-letter handler would after recording it.
              consumer.seek(new TopicPartition(e.topicPartition().topic(),
                  e.topicPartition().partition()), e.offset() + 1);
            }
            return found.get() != null;
          });
      read = found.get();
    }

    assertThat(failures).hasSize(3);
    assertThat(failures.get(0)).isInstanceOf(UnknownMagicByteException.class)
        .hasMessageContaining("0x01");
    assertThat(failures.get(1)).isInstanceOf(UnknownSchemaIdException.class)
        .hasMessageContaining(Integer.toString(Integer.MAX_VALUE - 11));
    assertThat(failures.get(2)).isInstanceOf(MalformedAvroPayloadException.class)
        .hasMessageContaining("truncated");
    assertThat(read).isEqualTo(Stories.raw("good"));
  }

  private void produce(final String topic, final List<byte[]> values) throws Exception {
    final Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props,
        new StringSerializer(), new ByteArraySerializer())) {
      for (final byte[] value : values) {
        producer.send(new ProducerRecord<>(topic, "k", value)).get();
      }
    }
  }
}
