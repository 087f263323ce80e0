package io.wirestream.enrich.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoresTest {

  @Test
  void shouldCountHitsMissesAndExtras() {
    final Scores scores = GoldEvaluation.compare(Set.of("KP", "RU", "CN"), Set.of("KP", "US"));

    assertThat(scores).isEqualTo(new Scores(1, 1, 2));
    assertThat(scores.precision()).isEqualTo(0.5);
    assertThat(scores.recall()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(scores.f1()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void shouldGiveZeroRatherThanDivideByZero() {
    assertThat(new Scores(0, 0, 0).f1()).isZero();
    assertThat(GoldEvaluation.compare(Set.of(), Set.of("KP")).precision()).isZero();
  }

  @Test
  void shouldAddCounts() {
    assertThat(new Scores(1, 2, 3).plus(new Scores(4, 5, 6))).isEqualTo(new Scores(5, 7, 9));
  }
}
