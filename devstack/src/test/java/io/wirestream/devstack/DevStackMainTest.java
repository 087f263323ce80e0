package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DevStackMainTest {

  @Test
  void shouldStartEverythingWithoutArguments() {
    assertThat(DevStackMain.parse(new String[0])).isEqualTo(DevStackOptions.defaults());
  }

  @Test
  void shouldParseDataDirAndRegistryOnly() {
    assertThat(DevStackMain.parse(new String[] {"--data-dir", "/tmp/x", "--registry-only"}))
        .isEqualTo(new DevStackOptions(Path.of("/tmp/x"), false, true));
  }

  @Test
  void shouldRejectUnknownArgument() {
    assertThatThrownBy(() -> DevStackMain.parse(new String[] {"--broker-only"}))
        .hasMessageContaining("--broker-only");
  }

  @Test
  void shouldRejectDataDirWithoutValue() {
    assertThatThrownBy(() -> DevStackMain.parse(new String[] {"--data-dir"}))
        .hasMessageContaining("--data-dir");
  }
}
