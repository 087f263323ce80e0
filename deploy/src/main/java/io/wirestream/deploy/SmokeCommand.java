package io.wirestream.deploy;

import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackOptions;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import io.wirestream.schemas.registry.RestSchemaRegistryClient;
import io.wirestream.schemas.registry.SchemaRegistryConfig;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream smoke}: start devstack (a real broker and a real registry), publish one
 * {@code RawArticle} to {@code news.raw.v1}, read it back, show its wire format, and stop.
 * Exit code 0 when the story came back equal.
 */
@Command(name = "smoke", mixinStandardHelpOptions = true,
    description = "Start devstack, round-trip one RawArticle through Kafka and the registry, stop.")
final class SmokeCommand implements Callable<Integer> {

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    final PrintWriter out = spec.commandLine().getOut();
    final long started = System.nanoTime();
    out.println("Starting devstack (Kafka broker in-process, Apicurio registry as a child process)...");
    out.flush();
    try (DevStack stack = DevStack.start(DevStackOptions.defaults())) {
      out.printf("  broker   %s%n  registry %s%n  ready in %d ms%n", stack.bootstrapServers(),
          stack.schemaRegistryUrl(), (System.nanoTime() - started) / 1_000_000);
      return roundTrip(stack, out) ? 0 : 1;
    } finally {
      out.println("devstack stopped.");
      out.flush();
    }
  }

  private static boolean roundTrip(final KafkaStack stack, final PrintWriter out) throws Exception {
    final String topic = Topics.RAW.name();
    createTopic(stack.bootstrapServers(), topic);
    final Map<String, Object> registry = Map.of("schema.registry.url", stack.schemaRegistryUrl());
    final RawArticle story = story();

    try (SpecificAvroSerde<RawArticle> serde = WirestreamSerdes.valueSerde(Topics.RAW, registry)) {
      final Properties producerProps = new Properties();
      producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
      producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
      try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(producerProps,
          new StringSerializer(), serde.serializer())) {
        final var metadata = producer.send(new ProducerRecord<>(topic, story.getId(), story)).get();
        out.printf("Published %s to %s-%d@%d%n", story.getId(), topic, metadata.partition(),
            metadata.offset());
      }

      final byte[] bytes = read(stack.bootstrapServers(), topic, story.getId());
      final int idOnWire = ByteBuffer.wrap(bytes, 1, 4).getInt();
      final int registryId;
      try (RestSchemaRegistryClient client =
          new RestSchemaRegistryClient(SchemaRegistryConfig.of(stack.schemaRegistryUrl()))) {
        registryId = client.getLatest(Topics.RAW.valueSubject()).id();
      }
      final RawArticle back = serde.deserializer().deserialize(topic, bytes);
      out.printf("Read back %d bytes: magic byte %d, schema id %d (registry: %d)%n", bytes.length,
          bytes[0], idOnWire, registryId);
      out.printf("  headline: %s%n", back.getHeadline());
      final boolean ok = bytes[0] == 0 && idOnWire == registryId && story.equals(back);
      out.println(ok ? "SMOKE OK: the story came back equal." : "SMOKE FAILED: the story differs.");
      out.flush();
      return ok;
    }
  }

  private static RawArticle story() {
    return RawArticle.newBuilder()
        .setId("smoke-" + UUID.randomUUID())
        .setVersion(1)
        .setSource("Wirestream smoke test")
        .setHeadline("Wirestream devstack passes its smoke test")
        .setBody("A story published by the smoke command and read back from Kafka.")
        .setIngestedAt(Instant.now())
        .setContentHash("smoke")
        .setStatus(ArticleStatus.USABLE)
        .setFormat(SourceFormat.JSON_LINES)
        .build();
  }

  private static void createTopic(final String bootstrapServers, final String topic)
      throws Exception {
    final Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      if (!admin.listTopics().names().get().contains(topic)) {
        admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
      }
    }
  }

  private static byte[] read(final String bootstrapServers, final String topic, final String key) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "wirestream-smoke-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            return record.value();
          }
        }
      }
    }
    throw new IllegalStateException("The story did not come back from " + topic + " within 30 s");
  }
}
