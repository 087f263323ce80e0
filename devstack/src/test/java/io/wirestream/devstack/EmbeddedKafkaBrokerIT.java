package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@Timeout(120)
class EmbeddedKafkaBrokerIT {

  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(null);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void shouldProduceAndConsumeOnCreatedTopic() throws Exception {
    final String topic = TestClients.uniqueName("round-trip");
    TestClients.createTopic(broker.bootstrapServers(), topic);

    try (KafkaProducer<String, String> producer = TestClients.producer(broker.bootstrapServers())) {
      producer.send(new ProducerRecord<>(topic, "story-1", "headline")).get();
    }
    try (KafkaConsumer<String, String> consumer =
        TestClients.consumer(broker.bootstrapServers(), TestClients.uniqueName("group"))) {
      assertThat(TestClients.consume(consumer, topic, 1))
          .extracting(ConsumerRecord::key, ConsumerRecord::value)
          .containsExactly(tuple("story-1", "headline"));
    }
  }

  @Test
  void shouldCommitTransactionOnSingleNode() throws Exception {
    final String topic = TestClients.uniqueName("transactions");
    TestClients.createTopic(broker.bootstrapServers(), topic);

    // Needs the transaction state topic with one replica: fails to initialise otherwise.
    try (KafkaProducer<String, String> producer =
        TestClients.transactionalProducer(broker.bootstrapServers(), TestClients.uniqueName("tx"))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "aborted", "never seen"));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "committed", "seen"));
      producer.commitTransaction();
    }
    try (KafkaConsumer<String, String> consumer =
        TestClients.consumer(broker.bootstrapServers(), TestClients.uniqueName("group"))) {
      assertThat(TestClients.consume(consumer, topic, 1))
          .extracting(ConsumerRecord::key)
          .containsExactly("committed");
    }
  }

  @Test
  void shouldNotCreateTopicsImplicitly() throws Exception {
    final String topic = TestClients.uniqueName("never-created");
    try (KafkaConsumer<String, String> consumer =
        TestClients.consumer(broker.bootstrapServers(), TestClients.uniqueName("group"))) {
      consumer.subscribe(List.of(topic));
      consumer.poll(Duration.ofMillis(500));
    }
    assertThat(TestClients.topics(broker.bootstrapServers())).doesNotContain(topic);
  }

  @Test
  void shouldListenOnLoopbackOnly() throws Exception {
    assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
    try (Admin admin = TestClients.admin(broker.bootstrapServers())) {
      final Collection<Node> nodes = admin.describeCluster().nodes().get();
      assertThat(nodes).extracting(Node::host).containsExactly("127.0.0.1");
    }
    assumeTrue(ListeningSockets.supported(), "needs Linux /proc to list listening sockets");
    final int brokerPort = Integer.parseInt(broker.bootstrapServers().split(":")[1]);
    // Every listener of this JVM: broker and controller ports of every broker started here.
    assertThat(ListeningSockets.of(ProcessHandle.current().pid()))
        .allMatch(ListeningSockets.Listener::loopback, "bound to loopback")
        .extracting(ListeningSockets.Listener::port)
        .contains(brokerPort);
  }

  @Test
  void shouldKeepTopicsAndCommittedOffsetsOnRestartWithSameDataDir(@TempDir final Path dataDir)
      throws Exception {
    final String topic = TestClients.uniqueName("durable");
    final String group = TestClients.uniqueName("durable-group");
    final String clusterId;
    try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir)) {
      clusterId = first.clusterId();
      TestClients.createTopic(first.bootstrapServers(), topic);
      try (KafkaProducer<String, String> producer = TestClients.producer(first.bootstrapServers())) {
        producer.send(new ProducerRecord<>(topic, "a", "first")).get();
        producer.send(new ProducerRecord<>(topic, "b", "second")).get();
      }
      try (KafkaConsumer<String, String> consumer = TestClients.consumer(first.bootstrapServers(), group)) {
        TestClients.consume(consumer, topic, 2);
        // Commit after the first record only: the restarted broker must resume at "b".
        consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1)));
      }
    }

    try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(dataDir)) {
      assertThat(second.clusterId()).isEqualTo(clusterId);
      assertThat(TestClients.topics(second.bootstrapServers())).contains(topic);
      try (KafkaConsumer<String, String> consumer = TestClients.consumer(second.bootstrapServers(), group)) {
        assertThat(TestClients.consume(consumer, topic, 1))
            .extracting(ConsumerRecord::key, ConsumerRecord::value)
            .containsExactly(tuple("b", "second"));
      }
    }
    assertThat(dataDir).isDirectory();
  }
}
