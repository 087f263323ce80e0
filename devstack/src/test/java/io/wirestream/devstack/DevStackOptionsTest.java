package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DevStackOptionsTest {

  @Test
  void shouldRunBrokerAndRegistryWithTemporaryDataByDefault() {
    assertThat(DevStackOptions.defaults()).isEqualTo(new DevStackOptions(null, true, true));
  }

  @Test
  void shouldRunOnlyTheRegistryWhenAskedTo() {
    assertThat(DevStackOptions.registryOnly()).isEqualTo(new DevStackOptions(null, false, true));
  }

  @Test
  void shouldReturnCopyWithDataDir() {
    final DevStackOptions defaults = DevStackOptions.defaults();

    final DevStackOptions withDir = defaults.withDataDir(Path.of("data"));

    assertThat(withDir).isEqualTo(new DevStackOptions(Path.of("data"), true, true));
    assertThat(defaults.dataDir()).isNull();
  }

  @Test
  void shouldRejectStackWithNothingToRun() {
    assertThatThrownBy(() -> new DevStackOptions(null, false, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
