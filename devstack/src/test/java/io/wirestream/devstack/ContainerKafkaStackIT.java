package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs only with {@code -Dwirestream.devstack.mode=containers} and a Docker engine; skipped with a
 * message otherwise.
 */
@Tag("integration")
@Timeout(300)
@RequiresContainerStack
@ExtendWith(DevStackExtension.class)
class ContainerKafkaStackIT {

  @Test
  void shouldRunTheContainerStack(final KafkaStack stack) {
    assertThat(stack).isInstanceOf(ContainerKafkaStack.class);
  }

  @Test
  void shouldProduceAndConsume(final KafkaStack stack) throws Exception {
    final String topic = TestClients.uniqueName("container-round-trip");
    TestClients.createTopic(stack.bootstrapServers(), topic);

    try (KafkaProducer<String, String> producer = TestClients.producer(stack.bootstrapServers())) {
      producer.send(new ProducerRecord<>(topic, "story-1", "headline")).get();
    }
    try (KafkaConsumer<String, String> consumer =
        TestClients.consumer(stack.bootstrapServers(), TestClients.uniqueName("group"))) {
      assertThat(TestClients.consume(consumer, topic, 1))
          .extracting(ConsumerRecord::key, ConsumerRecord::value)
          .containsExactly(tuple("story-1", "headline"));
    }
  }

  @Test
  void shouldServeTheRegistry(final KafkaStack stack) throws Exception {
    final HttpResponse<String> subjects = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(subjects.statusCode()).isEqualTo(200);
  }
}
