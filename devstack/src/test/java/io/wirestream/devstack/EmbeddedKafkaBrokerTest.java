package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
