package io.wirestream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedRatioTest {

  /** A round of {@code stories} stories in one second. */
  private static EnrichLoadBenchmark.Rate rate(final int stories) {
    return new EnrichLoadBenchmark.Rate(stories, 0, 1_000_000_000L, 0);
  }

  @Test
  void shouldRatioEachRoundAgainstItsOwnPair() {
    // The sides' best rounds (300 and 400) are in different pairs: best against best is 0.75.
    final PairedRatio ratio = PairedRatio.of(
        List.of(rate(100), rate(300), rate(190)), List.of(rate(400), rate(320), rate(200)));
    assertThat(ratio.ratios()).containsExactly(0.25, 0.9375, 0.95);
    assertThat(ratio.median()).isEqualTo(0.9375);
  }

  @Test
  void shouldTakeTheMeanOfTheMiddleTwoForAnEvenCount() {
    final PairedRatio ratio = PairedRatio.of(
        List.of(rate(95), rate(80), rate(91), rate(99)),
        List.of(rate(100), rate(100), rate(100), rate(100)));
    assertThat(ratio.median()).isCloseTo(0.93, within(1e-12));
  }

  @Test
  void shouldRefuseUnpairedRounds() {
    assertThatThrownBy(() -> PairedRatio.of(List.of(rate(1), rate(2)),
        List.of(rate(1)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 against 1");
  }

  @Test
  void shouldParseThePairCount() {
    assertThat(EnrichLoadBenchmark.Options.parse(new String[] {"--pairs=4"}).pairs()).isEqualTo(4);
    assertThat(EnrichLoadBenchmark.Options.parse(new String[0]).pairs()).isEqualTo(6);
    assertThatThrownBy(() -> EnrichLoadBenchmark.Options.parse(new String[] {"--pairs=0"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
