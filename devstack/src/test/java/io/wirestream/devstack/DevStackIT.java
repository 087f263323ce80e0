package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@Timeout(120)
class DevStackIT {

  @Test
  void shouldRunRegistryAloneWhenAskedTo() {
    try (DevStack stack = DevStack.start(DevStackOptions.registryOnly())) {
      assertThat(stack.schemaRegistryUrl()).startsWith("http://127.0.0.1:").endsWith("/apis/ccompat/v7");
      assertThat(stack.broker()).isEmpty();
      assertThatThrownBy(stack::bootstrapServers)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no Kafka broker");
    }
  }

  @Test
  void shouldCloseTheBrokerWhenTheRegistryFailsToStart(@TempDir final Path dataDir, @TempDir final Path noRegistry) {
    final String previous = System.getProperty(ApicurioRegistry.HOME_PROPERTY);
    System.setProperty(ApicurioRegistry.HOME_PROPERTY, noRegistry.toString());
    try {
      assertThatThrownBy(() -> DevStack.start(DevStackOptions.defaults().withDataDir(dataDir)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("mvn -pl devstack package");
    } finally {
      restore(previous);
    }
    // The broker started on dataDir must be gone: a new one could not lock the directory otherwise.
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
      assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
    }
  }

  private static void restore(final String previous) {
    if (previous == null) {
      System.clearProperty(ApicurioRegistry.HOME_PROPERTY);
    } else {
      System.setProperty(ApicurioRegistry.HOME_PROPERTY, previous);
    }
  }
}
