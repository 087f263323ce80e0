package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every class and every injection point of one test JVM sees the same stack. */
@Tag("integration")
@Timeout(180)
@ExtendWith(DevStackExtension.class)
class DevStackExtensionIT {

  private static KafkaStack fromBeforeAll;

  @BeforeAll
  static void captureInBeforeAll(final KafkaStack stack) {
    fromBeforeAll = stack;
  }

  @Nested
  class BrokerUser {

    private final KafkaStack fromConstructor;
    private KafkaStack fromBeforeEach;

    BrokerUser(final KafkaStack stack) {
      this.fromConstructor = stack;
    }

    @BeforeEach
    void captureInBeforeEach(final KafkaStack stack) {
      fromBeforeEach = stack;
    }

    @Test
    void shouldInjectOneStackEverywhere(final KafkaStack stack) {
      assertThat(stack).isSameAs(fromConstructor).isSameAs(fromBeforeEach).isSameAs(fromBeforeAll);
      StackWitness.assertSameAsFirstSeen(stack);
    }

    @Test
    void shouldServeABroker(final KafkaStack stack) throws Exception {
      assertThat(stack.description()).isNotBlank();
      try (Admin admin = TestClients.admin(stack.bootstrapServers())) {
        assertThat(admin.describeCluster().nodes().get()).hasSize(1);
      }
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class RegistryUser {

    private KafkaStack fromBeforeAll;

    @BeforeAll
    void captureInBeforeAll(final KafkaStack stack) {
      fromBeforeAll = stack;
    }

    @Test
    void shouldInjectTheSameStack(final KafkaStack stack) {
      assertThat(stack).isSameAs(fromBeforeAll);
      StackWitness.assertSameAsFirstSeen(stack);
    }

    @Test
    void shouldServeARegistry(final KafkaStack stack) throws Exception {
      final HttpResponse<String> subjects = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(subjects.statusCode()).isEqualTo(200);
    }
  }
}
