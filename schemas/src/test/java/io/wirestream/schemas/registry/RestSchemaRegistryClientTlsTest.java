package io.wirestream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.wirestream.devstack.LocalCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client over HTTPS with a private trust store ({@code schema.registry.ssl.truststore.*})
 * and basic auth, against a real TLS server: the JDK's HttpsServer on 127.0.0.1 with a certificate
 * generated for the test class, answering like a Confluent registry. The same client against the
 * real Apicurio registry over HTTPS is in the deploy module's SecurePipelineIT; Apicurio's own basic
 * auth needs Keycloak, so the Authorization header is checked here.
 */
class RestSchemaRegistryClientTlsTest {

  private static final Schema SCHEMA =
      SchemaBuilder.record("Story").fields().requiredString("id").endRecord();

  @TempDir
  static Path certificates;
  private static LocalCertificate certificate;
  private static HttpsServer server;
  private static String url;
  private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServer() throws IOException, GeneralSecurityException {
    certificate = LocalCertificate.generate(certificates);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(certificate)));
    server.createContext("/", exchange -> {
      final String auth = exchange.getRequestHeaders().getFirst("Authorization");
      REQUESTS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
          + " auth=" + auth);
      exchange.getRequestBody().readAllBytes();
      final boolean allowed = "Basic c3ZjOnMzY3JldA==".equals(auth);
      final byte[] body = (allowed ? "{\"id\":21}"
          : "{\"error_code\":401,\"message\":\"Unauthorized\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
      exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    url = "https://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @BeforeEach
  void forgetRequests() {
    REQUESTS.clear();
  }

  private static SSLContext serverContext(final LocalCertificate cert)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(cert.keyStore())) {
      final KeyStore keys = KeyStore.getInstance(LocalCertificate.STORE_TYPE);
      keys.load(in, cert.password().toCharArray());
      final KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keys, cert.password().toCharArray());
      final SSLContext context = SSLContext.getInstance("TLS");
      context.init(factory.getKeyManagers(), null, null);
      return context;
    }
  }

  private static Map<String, Object> tlsConfigs(final String password) {
    final Map<String, Object> configs = new HashMap<>();
    configs.put("schema.registry.url", url);
    configs.put("schema.registry.ssl.truststore.location", certificate.trustStore().toString());
    configs.put("schema.registry.ssl.truststore.password", password);
    configs.put("schema.registry.ssl.truststore.type", "PKCS12");
    configs.put(SchemaRegistryConfig.MAX_RETRIES, 0);
    return configs;
  }

  @Test
  void shouldReachAnHttpsRegistryThroughTheConfiguredTrustStoreWithBasicAuth() {
    final Map<String, Object> configs = tlsConfigs(certificate.password());
    configs.put("basic.auth.credentials.source", "USER_INFO");
    configs.put("basic.auth.user.info", "svc:s3cret");

    try (RestSchemaRegistryClient client =
        new RestSchemaRegistryClient(SchemaRegistryConfig.fromConfigs(configs))) {
      assertThat(client.register("s-value", SCHEMA)).isEqualTo(21);
    }
    assertThat(REQUESTS).containsExactly("POST /subjects/s-value/versions auth=Basic c3ZjOnMzY3JldA==");
  }

  @Test
  void shouldReportWrongCredentialsAsAnAuthFailure() {
    final Map<String, Object> configs = tlsConfigs(certificate.password());
    configs.put("basic.auth.credentials.source", "USER_INFO");
    configs.put("basic.auth.user.info", "svc:wrong");

    try (RestSchemaRegistryClient client =
        new RestSchemaRegistryClient(SchemaRegistryConfig.fromConfigs(configs))) {
      assertThatThrownBy(() -> client.register("s-value", SCHEMA))
          .isInstanceOf(SchemaRegistryAuthException.class);
    }
    assertThat(REQUESTS).hasSize(1);
  }

  @Test
  void shouldRefuseTheServerWithoutTheTrustStore() {
    try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryConfig
        .fromConfigs(Map.of("schema.registry.url", url, SchemaRegistryConfig.MAX_RETRIES, 0)))) {
      assertThatThrownBy(() -> client.register("s-value", SCHEMA))
          .isInstanceOf(SchemaRegistryUnreachableException.class)
          .hasCauseInstanceOf(SSLHandshakeException.class);
    }
    assertThat(REQUESTS).as("no request got past the handshake").isEmpty();
  }

  @Test
  void shouldFailAtStartWithAWrongTrustStorePassword() {
    final SchemaRegistryConfig config = SchemaRegistryConfig.fromConfigs(tlsConfigs("not-it"));

    assertThatThrownBy(() -> new RestSchemaRegistryClient(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.ssl.truststore.location")
        .hasMessageContaining("schema.registry.ssl.truststore.password");
  }

  @Test
  void shouldFailAtStartWithAMissingTrustStore() {
    final Map<String, Object> configs = tlsConfigs(certificate.password());
    configs.put("schema.registry.ssl.truststore.location", certificates.resolve("nope.p12").toString());
    final SchemaRegistryConfig config = SchemaRegistryConfig.fromConfigs(configs);

    assertThatThrownBy(() -> new RestSchemaRegistryClient(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.p12")
        .hasMessageContaining("no such file");
  }

  @Test
  void shouldReadTheTrustStoreKeysAndNeverPrintThePassword() {
    final SchemaRegistryConfig config = SchemaRegistryConfig.fromConfigs(Map.of(
        "schema.registry.url", "https://registry.example:8081",
        "schema.registry.ssl.truststore.location", "/etc/wirestream/registry-truststore.p12",
        "schema.registry.ssl.truststore.password", "hunter2"));

    assertThat(config.trustStore()).hasValueSatisfying(store -> {
      assertThat(store.location()).isEqualTo(Path.of("/etc/wirestream/registry-truststore.p12"));
      assertThat(store.password()).contains("hunter2");
      assertThat(store.type()).as("default type").isEqualTo("PKCS12");
    });
    assertThat(config.toString()).contains("registry-truststore.p12").doesNotContain("hunter2");
    assertThat(SchemaRegistryConfig.of("https://registry.example:8081").trustStore()).isEmpty();
  }
}
