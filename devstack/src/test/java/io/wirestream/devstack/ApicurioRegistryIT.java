package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Tag("integration")
@Timeout(120)
class ApicurioRegistryIT {

  private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistryIT.class);
  private static final String SCHEMA_REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private static final String STORY_V1 = "{\"type\":\"record\",\"name\":\"Story\",\"namespace\":\"test\","
      + "\"fields\":[{\"name\":\"headline\",\"type\":\"string\"}]}";
  /** Adds a required field without default: readers of v2 cannot read v1 data, so not BACKWARD. */
  private static final String STORY_V2_INCOMPATIBLE = "{\"type\":\"record\",\"name\":\"Story\","
      + "\"namespace\":\"test\",\"fields\":[{\"name\":\"headline\",\"type\":\"string\"},"
      + "{\"name\":\"body\",\"type\":\"string\"}]}";
  /** Adds an optional field with a default: BACKWARD compatible. */
  private static final String STORY_V2_COMPATIBLE = "{\"type\":\"record\",\"name\":\"Story\","
      + "\"namespace\":\"test\",\"fields\":[{\"name\":\"headline\",\"type\":\"string\"},"
      + "{\"name\":\"body\",\"type\":[\"null\",\"string\"],\"default\":null}]}";

  private static ApicurioRegistry registry;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startRegistry() {
    registry = ApicurioRegistry.start();
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void shouldServeConfluentApiOnLoopback() {
    assertThat(registry.baseUrl()).startsWith("http://127.0.0.1:");
    assertThat(registry.confluentApiUrl()).isEqualTo(registry.baseUrl() + "/apis/ccompat/v7");
  }

  @Test
  void shouldRegisterSchemaAndReadItBackById() throws Exception {
    final String subject = TestClients.uniqueName("story") + "-value";

    final HttpResponse<String> registered = register(subject, STORY_V1);

    assertThat(registered.statusCode()).isEqualTo(200);
    final int id = idOf(registered.body());
    final HttpResponse<String> byId = get("/schemas/ids/" + id);
    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(byId.body()).contains("\"name\\\":\\\"Story\\\"").contains("headline");
    assertThat(get("/subjects").body()).contains(subject);
  }

  @Test
  void shouldRejectIncompatibleVersionUnderGlobalBackwardRule() throws Exception {
    final String subject = TestClients.uniqueName("story") + "-value";
    assertThat(register(subject, STORY_V1).statusCode()).isEqualTo(200);

    final HttpResponse<String> incompatible = register(subject, STORY_V2_INCOMPATIBLE);

    LOG.info("Incompatible registration answered {} {}", incompatible.statusCode(), incompatible.body());
    assertThat(incompatible.statusCode()).isEqualTo(409);
    assertThat(incompatible.body()).contains("\"error_code\":409").contains("Incompatible");
    assertThat(register(subject, STORY_V2_COMPATIBLE).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswerUnknownIdWith40403() throws Exception {
    final HttpResponse<String> response = get("/schemas/ids/" + Integer.MAX_VALUE);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"error_code\":40403");
  }

  @Test
  void shouldListenOnLoopbackOnly() throws Exception {
    assumeTrue(ListeningSockets.supported(), "needs Linux /proc to list listening sockets");
    final int port = URI.create(registry.baseUrl()).getPort();

    assertThat(ListeningSockets.of(registry.pid()))
        .allMatch(ListeningSockets.Listener::loopback, "bound to loopback")
        .extracting(ListeningSockets.Listener::port)
        .containsExactly(port);
  }

  @Test
  void shouldLeaveNoProcessAfterClose() {
    final ApicurioRegistry another = ApicurioRegistry.start();
    final long pid = another.pid();
    assertThat(ProcessHandle.of(pid)).map(ProcessHandle::isAlive).contains(true);

    another.close();

    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    another.close(); // idempotent
  }

  @Test
  void shouldFailFastWithLogTailWhenRegistryExits() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      // A later -D wins: the registry tries a port that is already bound and exits.
      final Map<String, String> badPort = Map.of("quarkus.http.port", Integer.toString(taken.getLocalPort()));

      assertThatThrownBy(() -> ApicurioRegistry.start(badPort))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("exited with status")
          .hasMessageContaining("--- last lines of ")
          .hasMessageContaining(Integer.toString(taken.getLocalPort()));
    }
  }

  private HttpResponse<String> register(final String subject, final String schema) throws Exception {
    final String body = "{\"schema\":\"" + schema.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    final HttpRequest request = HttpRequest.newBuilder(
            URI.create(registry.confluentApiUrl() + "/subjects/" + subject + "/versions"))
        .header("Content-Type", SCHEMA_REGISTRY_JSON)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(final String path) throws Exception {
    final HttpRequest request = HttpRequest.newBuilder(URI.create(registry.confluentApiUrl() + path))
        .header("Accept", SCHEMA_REGISTRY_JSON)
        .GET()
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int idOf(final String body) {
    final Matcher matcher = ID.matcher(body);
    assertThat(matcher.find()).as("id in %s", body).isTrue();
    return Integer.parseInt(matcher.group(1));
  }
}
