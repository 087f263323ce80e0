package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioDistributionTest {

  private String previous;

  @BeforeEach
  void rememberProperty() {
    previous = System.getProperty(ApicurioDistribution.HOME_PROPERTY);
  }

  @AfterEach
  void restoreProperty() {
    if (previous == null) {
      System.clearProperty(ApicurioDistribution.HOME_PROPERTY);
    } else {
      System.setProperty(ApicurioDistribution.HOME_PROPERTY, previous);
    }
  }

  @Test
  void shouldFindRunnerUnpackedByTheBuild() {
    System.clearProperty(ApicurioDistribution.HOME_PROPERTY);

    final ApicurioDistribution distribution = ApicurioDistribution.locate();

    assertThat(distribution.runnerJar()).isRegularFile()
        .hasFileName("apicurio-registry-app-" + distribution.version() + "-runner.jar");
    assertThat(distribution.home().resolve("lib")).isDirectory();
  }

  @Test
  void shouldSayHowToFixMissingRunner(@TempDir final Path empty) {
    System.setProperty(ApicurioDistribution.HOME_PROPERTY, empty.toString());

    assertThatThrownBy(ApicurioDistribution::locate)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("system property wirestream.apicurio.home")
        .hasMessageContaining("./mvnw -pl devstack package");
  }
}
