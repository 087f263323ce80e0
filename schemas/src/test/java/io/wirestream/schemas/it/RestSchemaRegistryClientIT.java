package io.wirestream.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.schemas.registry.CompatibilityLevel;
import io.wirestream.schemas.registry.IncompatibleSchemaException;
import io.wirestream.schemas.registry.RegisteredSchema;
import io.wirestream.schemas.registry.RestSchemaRegistryClient;
import io.wirestream.schemas.registry.SchemaRegistryConfig;
import io.wirestream.schemas.registry.SchemaRegistryUnreachableException;
import io.wirestream.schemas.registry.SubjectNotFoundException;
import io.wirestream.schemas.registry.UnknownSchemaIdException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST client against the real Apicurio registry (Confluent API v7, BACKWARD global rule). */
@Tag("integration")
@Timeout(60)
@ExtendWith(DevStackExtension.class)
class RestSchemaRegistryClientIT {

  private static final Schema V1 = SchemaBuilder.record("Story").namespace("test.wirestream")
      .fields().requiredString("id").endRecord();
  private static final Schema V2_COMPATIBLE = SchemaBuilder.record("Story")
      .namespace("test.wirestream").fields().requiredString("id")
      .name("lang").type().nullable().stringType().stringDefault(null).endRecord();
  private static final Schema V2_INCOMPATIBLE = SchemaBuilder.record("Story")
      .namespace("test.wirestream").fields().requiredString("id")
      .requiredInt("wordCount").endRecord();

  private final KafkaStack stack;
  private RestSchemaRegistryClient client;
  private String subject;

  RestSchemaRegistryClientIT(final KafkaStack stack) {
    this.stack = stack;
  }

  @BeforeEach
  void setUp() {
    client = new RestSchemaRegistryClient(SchemaRegistryConfig.of(stack.schemaRegistryUrl()));
    subject = "client-it-" + UUID.randomUUID() + "-value";
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void shouldRegisterLookUpAndFetchById() {
    final int id = client.register(subject, V1);

    assertThat(client.getId(subject, V1)).isEqualTo(id);
    assertThat(client.register(subject, V1)).as("registering again is idempotent").isEqualTo(id);
    try (RestSchemaRegistryClient fresh =
        new RestSchemaRegistryClient(SchemaRegistryConfig.of(stack.schemaRegistryUrl()))) {
      assertThat(fresh.getSchemaById(id)).as("fetched over HTTP by a client with no cache")
          .isEqualTo(V1);
      assertThat(fresh.getSchemaById(id)).as("second fetch is served from the cache")
          .isSameAs(fresh.getSchemaById(id));
    }
  }

  @Test
  void concurrentFirstRegistrationsFromSeveralClientsShouldAllGetTheSameId() throws Exception {
    final int clients = 6;
    final ExecutorService pool =
        Executors.newFixedThreadPool(clients);
    final CountDownLatch start = new CountDownLatch(1);
    try {
      final List<Future<Integer>> ids = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        // Half share this test's client, half have their own: both races must end in one id.
        final RestSchemaRegistryClient own = i % 2 == 0 ? client
            : new RestSchemaRegistryClient(SchemaRegistryConfig.of(stack.schemaRegistryUrl()));
        ids.add(pool.submit(() -> {
          start.await();
          return own.register(subject, V1);
        }));
      }
      start.countDown();
      final Set<Integer> distinct = new HashSet<>();
      for (final Future<Integer> id : ids) {
        distinct.add(id.get());
      }
      assertThat(distinct).hasSize(1);
      // Not asserted: Apicurio may record the racing registrations as two versions of the same
      // content; they carry the same id, which is what the wire format needs.
      assertThat(client.getLatest(subject).id()).isEqualTo(distinct.iterator().next());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldVersionCompatibleChanges() {
    client.register(subject, V1);
    final int v2 = client.register(subject, V2_COMPATIBLE);

    final RegisteredSchema latest = client.getLatest(subject);
    assertThat(latest.version()).isEqualTo(2);
    assertThat(latest.id()).isEqualTo(v2);
    assertThat(latest.schema()).isEqualTo(V2_COMPATIBLE);
  }

  @Test
  void shouldSurfaceTheRegistryRefusalOfAnIncompatibleSchemaWithFieldAndReason() {
    client.register(subject, V1);

    assertThatThrownBy(() -> client.register(subject, V2_INCOMPATIBLE))
        .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.registryMessage()).isNotBlank();
          assertThat(e.explanation()).anySatisfy(line -> assertThat(line)
              .contains("Story.wordCount").contains("has no default"));
        })
        .hasMessageContaining(subject)
        .hasMessageContaining("wordCount");
  }

  @Test
  void shouldAnswerCompatibilityQuestionsWithoutRegistering() {
    client.register(subject, V1);

    assertThat(client.testCompatibility(subject, V2_COMPATIBLE).compatible()).isTrue();
    assertThat(client.testCompatibility(subject, V2_INCOMPATIBLE).compatible()).isFalse();
    assertThat(client.getLatest(subject).version()).isEqualTo(1);
  }

  @Test
  void shouldReadAndChangeTheSubjectCompatibility() {
    client.register(subject, V1);
    // Apicurio answers GET /config with NONE even while its global BACKWARD rule is enforced, so
    // only the subject level is asserted here.
    client.setCompatibility(subject, CompatibilityLevel.FULL);
    assertThat(client.getCompatibility(Optional.of(subject))).isEqualTo(CompatibilityLevel.FULL);

    // A required new field breaks BACKWARD but not FORWARD (old readers ignore it).
    client.setCompatibility(subject, CompatibilityLevel.FORWARD);

    assertThat(client.getCompatibility(Optional.of(subject))).isEqualTo(CompatibilityLevel.FORWARD);
    assertThat(client.register(subject, V2_INCOMPATIBLE)).as("FORWARD accepts a new required field")
        .isNotEqualTo(client.getId(subject, V1));
  }

  @Test
  void shouldNameAnUnknownSchemaId() {
    assertThatThrownBy(() -> client.getSchemaById(Integer.MAX_VALUE - 7))
        .isInstanceOf(UnknownSchemaIdException.class)
        .hasMessageContaining("Schema id " + (Integer.MAX_VALUE - 7));
  }

  @Test
  void shouldNameAnUnknownSubject() {
    assertThatThrownBy(() -> client.getLatest(subject))
        .isInstanceOf(SubjectNotFoundException.class)
        .hasMessageContaining(subject);
  }

  @Test
  void shouldGiveUpOnAnUnreachableRegistryAfterBoundedRetries() throws IOException {
    final int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    final SchemaRegistryConfig unreachable = SchemaRegistryConfig
        .of("http://127.0.0.1:" + closedPort).withRetries(2, Duration.ofMillis(20));

    try (RestSchemaRegistryClient dead = new RestSchemaRegistryClient(unreachable)) {
      assertThatThrownBy(() -> dead.register(subject, V1))
          .isInstanceOf(SchemaRegistryUnreachableException.class)
          .hasMessageContaining("127.0.0.1:" + closedPort)
          .hasMessageContaining("after 3 attempt(s)");
    }
  }
}
