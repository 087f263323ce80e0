package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security options of devstack on their own: the Apicurio registry serving HTTPS only, still on
 * 127.0.0.1 alone, and the broker's SASL_SSL listener accepting each SCRAM user and refusing a
 * wrong password. The whole pipeline over them is the deploy module's SecurePipelineIT.
 */
@Tag("integration")
@Timeout(180)
class SecureStackIT {

  @TempDir
  Path dir;

  @Test
  void registryShouldServeHttpsOnlyOnLoopback() throws Exception {
    final LocalCertificate certificate = LocalCertificate.generate(dir);
    try (ApicurioRegistry registry = ApicurioRegistry.start(Map.of(), certificate)) {
      assertThat(registry.baseUrl()).startsWith("https://127.0.0.1:");
      final HttpRequest subjects =
          HttpRequest.newBuilder(URI.create(registry.confluentApiUrl() + "/subjects")).build();

      final HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(certificate)).build();
      assertThat(trusting.send(subjects, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> HttpClient.newHttpClient().send(subjects, HttpResponse.BodyHandlers.ofString()))
          .as("the JVM's default trust store does not know the certificate")
          .isInstanceOf(SSLHandshakeException.class);

      assumeTrue(ListeningSockets.supported(), "needs Linux /proc to list listening sockets");
      assertThat(ListeningSockets.of(registry.pid()))
          .allMatch(ListeningSockets.Listener::loopback, "bound to loopback")
          .extracting(ListeningSockets.Listener::port)
          .as("the HTTPS port alone: no plain HTTP listener")
          .containsExactly(URI.create(registry.baseUrl()).getPort());
    }
  }

  @Test
  void brokerShouldLogInEveryScramUserAndRefuseAWrongPassword() throws Exception {
    final LocalCertificate certificate = LocalCertificate.generate(dir);
    final SaslSslListener listener =
        new SaslSslListener(certificate, Map.of("alice", "alice-secret", "bob", "bob-secret"));
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, Map.of(), listener)) {
      assertThat(broker.saslSslBootstrapServers()).startsWith("127.0.0.1:")
          .isNotEqualTo(broker.bootstrapServers());
      for (final Map.Entry<String, String> user : listener.scramUsers().entrySet()) {
        try (Admin admin = Admin.create(client(broker, listener.clientProperties(user.getKey(), user.getValue())))) {
          assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
      }
      try (Admin admin = Admin.create(client(broker, listener.clientProperties("alice", "wrong")))) {
        assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(SaslAuthenticationException.class);
      }
    }
  }

  private static Map<String, Object> client(final EmbeddedKafkaBroker broker, final Map<String, String> props) {
    final Map<String, Object> all = new HashMap<>(props);
    all.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.saslSslBootstrapServers());
    all.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
    return all;
  }

  private static SSLContext trusting(final LocalCertificate certificate) throws Exception {
    try (InputStream in = Files.newInputStream(certificate.trustStore())) {
      final KeyStore store = KeyStore.getInstance(LocalCertificate.STORE_TYPE);
      store.load(in, certificate.password().toCharArray());
      final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      final SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    }
  }
}
