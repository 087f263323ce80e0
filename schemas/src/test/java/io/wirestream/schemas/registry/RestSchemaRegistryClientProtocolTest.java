package io.wirestream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire, checked on a scripted HTTP endpoint that counts and records requests:
 * retries really happen (and stop), failover reaches the next URL, credentials and subject
 * encoding are right. The real registry behaviour is covered by RestSchemaRegistryClientIT.
 */
class RestSchemaRegistryClientProtocolTest {

  private static final Schema SCHEMA =
      SchemaBuilder.record("Story").fields().requiredString("id").endRecord();

  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(server -> server.stop(0));
  }

  /** A server answering every request with the given status and body. */
  private String server(final int status, final String body) throws IOException {
    final HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> answer(exchange, status, body));
    server.start();
    servers.add(server);
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(final HttpExchange exchange, final int status, final String body)
      throws IOException {
    final String auth = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
        + (auth == null ? "" : " auth=" + auth));
    exchange.getRequestBody().readAllBytes();
    final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static RestSchemaRegistryClient client(final Map<String, Object> configs) {
    final java.util.HashMap<String, Object> all = new java.util.HashMap<>(configs);
    all.putIfAbsent(SchemaRegistryConfig.RETRY_BACKOFF_MS, 5);
    return new RestSchemaRegistryClient(SchemaRegistryConfig.fromConfigs(all));
  }

  @Test
  void shouldRetryServerErrorsAConfiguredNumberOfTimesThenGiveUp() throws IOException {
    final String url = server(503, "{\"error_code\":50301,\"message\":\"busy\"}");

    try (RestSchemaRegistryClient client = client(Map.of("schema.registry.url", url,
        SchemaRegistryConfig.MAX_RETRIES, 2))) {
      assertThatThrownBy(() -> client.register("s-value", SCHEMA))
          .isInstanceOf(SchemaRegistryUnreachableException.class)
          .hasMessageContaining("after 3 attempt(s)");
    }
    assertThat(requests).hasSize(3);
  }

  @Test
  void shouldNotRetryAClientError() throws IOException {
    final String url = server(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");

    try (RestSchemaRegistryClient client = client(Map.of("schema.registry.url", url))) {
      assertThatThrownBy(() -> client.register("s-value", SCHEMA))
          .isInstanceOf(InvalidSchemaException.class)
          .hasMessageContaining("Invalid schema");
    }
    assertThat(requests).hasSize(1);
  }

  @Test
  void shouldFailOverToTheNextUrl() throws IOException {
    final String down = server(500, "{}");
    final String up = server(200, "{\"id\":42}");

    try (RestSchemaRegistryClient client =
        client(Map.of("schema.registry.url", down + "," + up))) {
      assertThat(client.register("s-value", SCHEMA)).isEqualTo(42);
      assertThat(client.register("s-value", SCHEMA)).as("cached").isEqualTo(42);
    }
    assertThat(requests).hasSize(2);
  }

  @Test
  void shouldSendBasicAuthFromUserInfo() throws IOException {
    final String url = server(200, "{\"id\":7}");

    try (RestSchemaRegistryClient client = client(Map.of("schema.registry.url", url,
        "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "svc:s3cret"))) {
      client.register("s-value", SCHEMA);
    }
    assertThat(requests).singleElement().asString().endsWith("auth=Basic c3ZjOnMzY3JldA==");
  }

  @Test
  void shouldSendBasicAuthFromTheUrlWithoutPuttingItInThePath() throws IOException {
    final String url = server(200, "{\"id\":7}").replace("http://", "http://svc:s3cret@");

    try (RestSchemaRegistryClient client = client(Map.of("schema.registry.url", url))) {
      client.register("s-value", SCHEMA);
    }
    assertThat(requests).singleElement().asString()
        .isEqualTo("POST /subjects/s-value/versions auth=Basic c3ZjOnMzY3JldA==");
  }

  @Test
  void shouldEncodeSubjectsInThePath() throws IOException {
    final String url = server(200, "{\"id\":7}");

    try (RestSchemaRegistryClient client = client(Map.of("schema.registry.url", url))) {
      client.register("news raw/v1-value", SCHEMA);
    }
    assertThat(requests).singleElement().asString()
        .isEqualTo("POST /subjects/news%20raw%2Fv1-value/versions");
  }

  @Test
  void shouldRefuseAnAnswerWithoutAnId() throws IOException {
    final String url = server(200, "{}");

    try (RestSchemaRegistryClient client = client(Map.of("schema.registry.url", url))) {
      assertThatThrownBy(() -> client.register("s-value", SCHEMA))
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("without an id");
    }
  }

  @Test
  void shouldStopAtOnceWhenInterrupted() throws Exception {
    final String url = server(503, "{}");
    final AtomicInteger attemptsBefore = new AtomicInteger();
    try (RestSchemaRegistryClient client = client(Map.of("schema.registry.url", url,
        SchemaRegistryConfig.MAX_RETRIES, 50, SchemaRegistryConfig.RETRY_BACKOFF_MS, 200))) {
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> client.register("s-value", SCHEMA))
          .isInstanceOf(org.apache.kafka.common.errors.InterruptException.class);
      attemptsBefore.set(requests.size());
    } finally {
      Thread.interrupted();
    }
    assertThat(attemptsBefore.get()).isLessThanOrEqualTo(1);
  }
}
