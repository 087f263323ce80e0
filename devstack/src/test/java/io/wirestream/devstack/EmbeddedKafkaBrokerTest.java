package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

  private final Properties props = EmbeddedKafkaBroker.brokerProperties(Path.of("/data/logs"), 9092, 9093);

  @Test
  void shouldListenOnLoopbackOnly() {
    assertThat(props.getProperty("listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
    assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
    assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
  }

  @Test
  void shouldSizeInternalTopicsForOneNode() {
    assertThat(props)
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("share.coordinator.state.topic.replication.factor", "1")
        .containsEntry("share.coordinator.state.topic.min.isr", "1");
  }

  @Test
  void shouldRequireExplicitTopicCreation() {
    assertThat(props).containsEntry("auto.create.topics.enable", "false");
  }

  @Test
  void shouldAddASaslSslListenerWithScramOnlyAndKeepInterBrokerTrafficOnPlaintext() {
    final LocalCertificate certificate =
        new LocalCertificate(Path.of("/tls/ks.p12"), Path.of("/tls/ts.p12"), "pw");
    EmbeddedKafkaBroker.addSaslSslListener(props, 9094,
        new SaslSslListener(certificate, Map.of("alice", "alice-secret")));

    assertThat(props.getProperty("listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093,SASL_SSL://127.0.0.1:9094");
    assertThat(props.getProperty("advertised.listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:9092,SASL_SSL://127.0.0.1:9094");
    assertThat(props)
        .containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL")
        .containsEntry("inter.broker.listener.name", "PLAINTEXT")
        .containsEntry("listener.name.sasl_ssl.sasl.enabled.mechanisms", "SCRAM-SHA-512")
        .containsEntry("listener.name.sasl_ssl.ssl.keystore.location", "/tls/ks.p12")
        .containsEntry("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
    assertThat(props.toString()).as("no user password in the broker config").doesNotContain("alice-secret");
  }
}
