package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which registry exits are retried on other ports: only a port another process took. */
class ApicurioPortTakenTest {

  @Test
  void aPortTakenBeforeQuarkusBoundItShouldBeRetried(@TempDir final Path dir) throws IOException {
    final Path log = Files.writeString(dir.resolve("registry.log"), "INFO starting\n"
        + "ERROR <> [io.quarkus.runtime.ApplicationLifecycleManager] (main) Port 40207 seems to be"
        + " in use by another process. Quarkus may already be running\n");
    assertThat(ApicurioRegistry.portTaken(log)).isTrue();
    Files.writeString(log, "java.net.BindException: Address already in use\n");
    assertThat(ApicurioRegistry.portTaken(log)).isTrue();
  }

  @Test
  void anyOtherExitShouldNotBeRetried(@TempDir final Path dir) throws IOException {
    final Path log = Files.writeString(dir.resolve("registry.log"),
        "ERROR Failed to start application: java.lang.OutOfMemoryError: Java heap space\n");
    assertThat(ApicurioRegistry.portTaken(log)).isFalse();
    assertThat(ApicurioRegistry.portTaken(dir.resolve("missing.log"))).isFalse();
  }
}
