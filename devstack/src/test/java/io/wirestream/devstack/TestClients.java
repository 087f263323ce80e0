package io.wirestream.devstack;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain kafka-clients helpers for the devstack's own integration tests. */
final class TestClients {

  static final Duration WAIT = Duration.ofSeconds(30);

  private TestClients() {
  }

  static String uniqueName(final String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  static Admin admin(final String bootstrapServers) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  static void createTopic(final String bootstrapServers, final String topic)
      throws ExecutionException, InterruptedException {
    try (Admin admin = admin(bootstrapServers)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  static Set<String> topics(final String bootstrapServers) throws ExecutionException, InterruptedException {
    try (Admin admin = admin(bootstrapServers)) {
      return admin.listTopics().names().get();
    }
  }

  static KafkaProducer<String, String> producer(final String bootstrapServers) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer());
  }

  static KafkaProducer<String, String> transactionalProducer(final String bootstrapServers,
      final String transactionalId) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId),
        new StringSerializer(), new StringSerializer());
  }

  static KafkaConsumer<String, String> consumer(final String bootstrapServers, final String groupId) {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, groupId,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new StringDeserializer());
  }

  /** Polls {@code topic} until at least {@code count} records arrived, then returns them. */
  static List<ConsumerRecord<String, String>> consume(final KafkaConsumer<String, String> consumer,
      final String topic, final int count) {
    consumer.subscribe(List.of(topic));
    final List<ConsumerRecord<String, String>> received = new ArrayList<>();
    await("records from " + topic).atMost(WAIT).until(() -> {
      consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      return received.size() >= count;
    });
    return received;
  }
}
