package io.wirestream.enrich.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.enrich.EnrichConfig;
import io.wirestream.enrich.Enricher;
import io.wirestream.enrich.app.EnrichApp;
import io.wirestream.enrich.topology.TestEnrichers;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology's wiring on the real devstack broker and registry, exactly-once: good stories come
 * out enriched and fanned out; poison records land in the dead-letter topic with their reason
 * while the next good story is still enriched.
 */
@Tag("integration")
@Timeout(180)
@ExtendWith(DevStackExtension.class)
class EnrichPipelineIT {

  private final KafkaStack stack;
  @TempDir
  Path stateDir;

  EnrichPipelineIT(final KafkaStack stack) {
    this.stack = stack;
  }

  /** Returns the app's enricher for this test; the real NLP is exercised in its own tests. */
  Enricher enricher() {
    return new TestEnrichers().predictable();
  }

  private static RawArticle story(final String id, final String body) {
    return RawArticle.newBuilder()
        .setId(id)
        .setVersion(1)
        .setSource("Test Wire")
        .setHeadline("Headline of " + id)
        .setByline("Ana Borg")
        .setDateline("Malta")
        .setBody(body)
        .setIngestedAt(Instant.now())
        .setContentHash(Integer.toHexString((id + body).hashCode()))
        .setFormat(SourceFormat.JSON_LINES)
        .build();
  }

  @Test
  void storiesShouldComeOutEnrichedAndPoisonShouldBeDeadLettered() throws Exception {
    final String prefix = "it-" + UUID.randomUUID() + ".";
    final EnrichConfig config = EnrichConfig.of(stack.bootstrapServers(), stack.schemaRegistryUrl(),
        stateDir).withApplicationId("it-enrich-" + UUID.randomUUID())
        .withTopics(EnrichConfig.TopicNames.standard().withPrefix(prefix));
    final Map<String, Object> registry = config.registryProperties();

    // The raw topic takes records up to 32 MB, so a 20 MB story reaches the app and is refused there.
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(config.topics().raw(), 2, (short) 1)
          .configs(Map.of("max.message.bytes", Integer.toString(32 * 1024 * 1024))))).all().get();
    }
    try (EnrichApp app = EnrichApp.start(config, enricher(), 2, Optional.empty());
        SpecificAvroSerde<RawArticle> rawSerde = WirestreamSerdes.valueSerde(Topics.RAW, registry)) {
      assertThat(app.awaitRunning(Duration.ofSeconds(60))).as("app running").isTrue();
      final String rawTopic = config.topics().raw();
      final byte[] good = rawSerde.serializer().serialize(rawTopic, story("good-1",
          "Ana Borg said the harbour talks went good."));
      final byte[] unknownId = good.clone();
      ByteBuffer.wrap(unknownId, 1, 4).putInt(Integer.MAX_VALUE - 3);
      // A headline-only story (a flash) is enriched from its headline, not dead-lettered.
      final byte[] emptyBody = rawSerde.serializer().serialize(rawTopic, story("empty-1", " "));
      final byte[] huge = rawSerde.serializer().serialize(rawTopic, story("huge-1",
          "A very long story. ".repeat(20 * 1024 * 1024 / 19)));
      final byte[] truncated = Arrays.copyOf(good, good.length / 2);
      final byte[] headerOnly = Arrays.copyOf(good, 5);
      final byte[] nothing = rawSerde.serializer().serialize(rawTopic, RawArticle.newBuilder(
          story("nothing-1", "")).setHeadline("").build());
      // 50,000 nested tags (150,000 characters, under the body limit): markup, not story text.
      final byte[] nested = rawSerde.serializer().serialize(rawTopic, story("nested-1",
          "<i>".repeat(50_000) + "Ana Borg in Malta."));
      final byte[] binary = new byte[4096];
      new Random(7).nextBytes(binary);
      binary[0] = (byte) 0x8f;
      final byte[] next = rawSerde.serializer().serialize(rawTopic, story("good-2",
          "A second story, after the poison."));
      final Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
      props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(32 * 1024 * 1024));
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props,
          new StringSerializer(), new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>(rawTopic, "good-1", good)).get();
        producer.send(new ProducerRecord<>(rawTopic, "junk-1",
            "plain text, not Avro".getBytes(StandardCharsets.UTF_8))).get();
        producer.send(new ProducerRecord<>(rawTopic, "unknown-1", unknownId)).get();
        producer.send(new ProducerRecord<>(rawTopic, "empty-1", emptyBody)).get();
        producer.send(new ProducerRecord<>(rawTopic, "huge-1", huge)).get();
        producer.send(new ProducerRecord<>(rawTopic, "binary-1", binary)).get();
        producer.send(new ProducerRecord<>(rawTopic, "truncated-1", truncated)).get();
        producer.send(new ProducerRecord<>(rawTopic, "header-only-1", headerOnly)).get();
        producer.send(new ProducerRecord<>(rawTopic, "zero-bytes-1", new byte[0])).get();
        producer.send(new ProducerRecord<>(rawTopic, "nothing-1", nothing)).get();
        producer.send(new ProducerRecord<>(rawTopic, "nested-1", nested)).get();
        producer.send(new ProducerRecord<>(rawTopic, "good-2", next)).get();
      }

      final List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicRecords.readUntil(
          stack, config.topics().enriched(), Topics.ENRICHED, records -> records.size() >= 3);
      assertThat(enriched).extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrder("good-1", "empty-1", "good-2");
      assertThat(enriched).allSatisfy(r -> assertThat(r.value().getPrimaryCountry())
          .isEqualTo("MA"));

      final List<ConsumerRecord<String, DeadLetter>> dead = TopicRecords.readUntil(stack,
          config.topics().deadLetters(), Topics.DLQ, records -> records.size() >= 9);
      assertThat(dead).extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrder("junk-1", "unknown-1", "huge-1", "binary-1",
              "truncated-1", "header-only-1", "zero-bytes-1", "nothing-1", "nested-1");
      assertThat(dead).allSatisfy(r -> {
        assertThat(r.value().getSourceTopic()).isIn(rawTopic);
        assertThat(r.value().getSourceOffset()).isNotNull();
      });
      assertThat(dead).filteredOn(r -> r.key().equals("junk-1")).singleElement()
          .satisfies(r -> {
            assertThat(r.value().getStage()).isEqualTo(DeadLetterStage.DESERIALIZE);
            assertThat(r.value().getErrorMessage()).contains("Unknown magic byte");
          });
      assertThat(dead).filteredOn(r -> r.key().equals("unknown-1")).singleElement()
          .satisfies(r -> assertThat(r.value().getErrorMessage())
              .contains("Schema id " + (Integer.MAX_VALUE - 3)));
      assertThat(dead).filteredOn(r -> r.key().equals("huge-1")).singleElement()
          .satisfies(r -> {
            assertThat(r.value().getStage()).isEqualTo(DeadLetterStage.ENRICH);
            assertThat(r.value().getErrorMessage()).contains("over the limit of");
            assertThat(r.value().getValueTruncated()).as("the 20 MB story is kept in part")
                .isTrue();
          });
      assertThat(dead).filteredOn(r -> r.key().equals("binary-1")).singleElement()
          .satisfies(r -> assertThat(r.value().getErrorMessage()).contains("Unknown magic byte 0x8f"));
      assertThat(dead).filteredOn(r -> r.key().equals("truncated-1")).singleElement()
          .satisfies(r -> {
            assertThat(r.value().getStage()).isEqualTo(DeadLetterStage.DESERIALIZE);
            assertThat(r.value().getErrorMessage())
                .contains("does not decode with its writer schema");
            assertThat(r.value().getValue().remaining()).isEqualTo(truncated.length);
          });
      assertThat(dead).filteredOn(r -> r.key().equals("header-only-1")).singleElement()
          .satisfies(r -> {
            assertThat(r.value().getStage()).isEqualTo(DeadLetterStage.DESERIALIZE);
            assertThat(r.value().getErrorMessage()).contains("the 5-byte value does not decode");
          });
      assertThat(dead).filteredOn(r -> r.key().equals("zero-bytes-1")).singleElement()
          .satisfies(r -> {
            assertThat(r.value().getStage()).isEqualTo(DeadLetterStage.DESERIALIZE);
            assertThat(r.value().getErrorMessage()).contains("empty value (0 bytes)");
          });
      assertThat(dead).filteredOn(r -> r.key().equals("nothing-1")).singleElement()
          .satisfies(r -> {
            assertThat(r.value().getStage()).isEqualTo(DeadLetterStage.ENRICH);
            assertThat(r.value().getErrorMessage())
                .contains("nothing-1 has an empty body and an empty headline");
          });
      assertThat(dead).filteredOn(r -> r.key().equals("nested-1")).singleElement()
          .satisfies(r -> {
            assertThat(r.value().getStage()).isEqualTo(DeadLetterStage.ENRICH);
            assertThat(r.value().getErrorMessage()).contains("mostly markup: 150000 of its");
          });

      assertThat(TopicRecords.readUntil(stack, config.topics().byCountry(), Topics.BY_COUNTRY,
          records -> records.size() >= 2)).extracting(ConsumerRecord::key).containsOnly("MA");
      assertThat(TopicRecords.readUntil(stack, config.topics().entityMentions(),
          Topics.ENTITY_MENTIONS, records -> records.size() >= 2))
          .extracting(ConsumerRecord::key).containsOnly("PERSON:Ana Borg");
      assertThat(TopicRecords.readUntil(stack, config.topics().trends(), Topics.TRENDS,
          records -> records.stream().anyMatch(r -> r.value().getStoryCount() >= 2)))
          .anySatisfy(r -> assertThat(r.key()).startsWith("MA@"));
    }
  }
}
