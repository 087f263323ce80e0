package io.wirestream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestHttpSettingsTest {

  private final IngestHttpSettings settings =
      new IngestHttpSettings("127.0.0.1", 0, Optional.empty(), 1024);

  @Test
  void shouldStateDefaultTimeouts() {
    assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.bodyTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void shouldDeriveCopyWithOtherTimeouts() {
    final IngestHttpSettings changed =
        settings.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

    assertThat(changed.idleTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(changed.bodyTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(changed.maxBodyBytes()).isEqualTo(1024);
  }

  @Test
  void shouldRefuseZeroOrNegativeTimeouts() {
    assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleTimeout");
    assertThatThrownBy(() -> settings.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bodyTimeout");
  }
}
