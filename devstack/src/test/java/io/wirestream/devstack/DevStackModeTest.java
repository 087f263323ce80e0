package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class DevStackModeTest {

  private String previous;

  @BeforeEach
  void rememberProperty() {
    previous = System.getProperty(DevStackMode.PROPERTY);
  }

  @AfterEach
  void restoreProperty() {
    if (previous == null) {
      System.clearProperty(DevStackMode.PROPERTY);
    } else {
      System.setProperty(DevStackMode.PROPERTY, previous);
    }
  }

  @Test
  void shouldReadModeCaseInsensitively() {
    System.setProperty(DevStackMode.PROPERTY, " Containers ");

    assertThat(DevStackMode.current()).isEqualTo(DevStackMode.CONTAINERS);
  }

  @Test
  void shouldRejectUnknownMode() {
    System.setProperty(DevStackMode.PROPERTY, "docker");

    assertThatThrownBy(DevStackMode::current)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'docker'")
        .hasMessageContaining("[embedded, containers]");
  }

  @Test
  void shouldSkipContainerOnlyTestsUnlessRequested() {
    System.setProperty(DevStackMode.PROPERTY, "embedded");

    assertThatThrownBy(ContainerStackAssumptions::assumeContainerStackRequested)
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("-Dwirestream.devstack.mode=containers");
  }
}
