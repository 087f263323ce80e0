package io.wirestream.enrich.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.schemas.avro.ToneLabel;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  private final Calibration calibration = new Calibration(-0.2, 0.5);

  @Test
  void shouldPutTheThresholdsOnVadersBoundaries() {
    assertThat(calibration.apply(0.5)).isCloseTo(0.05, within(1e-12));
    assertThat(calibration.apply(-0.2)).isCloseTo(-0.05, within(1e-12));
    assertThat(calibration.apply(0.0)).isZero();
    assertThat(calibration.apply(1.0)).isCloseTo(1.0, within(1e-12));
    assertThat(calibration.apply(-1.0)).isCloseTo(-1.0, within(1e-12));
  }

  @Test
  void shouldAgreeWithTheLabelAtEveryScore() {
    for (int i = -100; i <= 100; i++) {
      final double raw = i / 100.0;
      assertThat(ToneResult.labelOf(calibration.apply(raw))).as("raw %s", raw)
          .isEqualTo(calibration.label(raw));
    }
    assertThat(calibration.label(0.49)).isEqualTo(ToneLabel.NEUTRAL);
    assertThat(calibration.label(-0.2)).isEqualTo(ToneLabel.NEGATIVE);
  }

  @Test
  void shouldBeMonotoneAndInvertible() {
    double previous = -2;
    for (int i = -100; i <= 100; i++) {
      final double raw = i / 100.0;
      final double y = calibration.apply(raw);
      assertThat(y).isGreaterThanOrEqualTo(previous).isBetween(-1.0, 1.0);
      assertThat(calibration.invert(y)).isCloseTo(raw, within(1e-9));
      previous = y;
    }
  }

  @Test
  void shouldRejectThresholdsThatDoNotStraddleZero() {
    assertThatThrownBy(() -> new Calibration(0.1, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative < 0");
    assertThatThrownBy(() -> new Calibration(-0.1, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
