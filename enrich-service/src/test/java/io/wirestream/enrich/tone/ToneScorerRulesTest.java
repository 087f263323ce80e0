package io.wirestream.enrich.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.schemas.avro.ToneLabel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each VADER rule on its own, on one sentence. */
class ToneScorerRulesTest {

  private static final double EPS = 0.0005;

  private static ToneScorer scorer;

  @BeforeAll
  static void loadScorer() {
    scorer = ToneScorer.load();
  }

  private static double c(final String sentence) {
    return scorer.compound(sentence);
  }

  @Test
  void shouldScoreALexiconWordByItsValence() {
    // "good" = 1.9 in the lexicon: 1.9 / sqrt(1.9^2 + 15).
    assertThat(c("It was good.")).isCloseTo(1.9 / Math.sqrt(1.9 * 1.9 + 15), within(1e-12));
    assertThat(c("The movie was bad.")).isCloseTo(-0.5423, within(EPS));
  }

  @Test
  void shouldFlipAndDampenANegatedWord() {
    final double good = c("It was good.");
    final double notGood = c("It was not good.");
    assertThat(notGood).isNegative();
    assertThat(Math.abs(notGood)).isLessThan(Math.abs(good));
    // 1.9 * -0.74 = -1.406.
    assertThat(notGood).isCloseTo(-1.406 / Math.sqrt(1.406 * 1.406 + 15), within(1e-12));
    assertThat(c("The movie was not bad.")).isPositive();
  }

  @Test
  void shouldNegateWithinThreeWordsOnly() {
    assertThat(c("It was not very good at all.")).isNegative();
    assertThat(c("Nothing about the show was good.")).isPositive();
  }

  @Test
  void shouldNegateWithContractionsInAnyCaseAndCurlyApostrophes() {
    final double straight = c("It isn't good.");
    assertThat(straight).isNegative();
    assertThat(c("It isn\u2019t good.")).isCloseTo(straight, within(1e-12));
    assertThat(c("It wasn't good.")).isCloseTo(straight, within(1e-12));
    assertThat(c("Not good.")).isCloseTo(c("not good."), within(1e-12)).isNegative();
  }

  @Test
  void shouldEmphasiseRatherThanNegateNeverSoAndNeverThis() {
    assertThat(c("It was never good.")).isNegative();
    assertThat(c("It was never so good.")).isGreaterThan(c("It was good."));
    assertThat(c("It has never been this good!")).isCloseTo(0.5672, within(EPS));
  }

  @Test
  void shouldNotNegateAfterWithoutDoubt() {
    assertThat(c("Without a doubt, excellent idea.")).isCloseTo(0.7013, within(EPS));
    assertThat(c("Without doubt excellent.")).isPositive();
  }

  @Test
  void shouldNegateWithNoBeforeASentimentWord() {
    assertThat(c("There was hope.")).isPositive();
    assertThat(c("There was no hope.")).isCloseTo(-0.3412, within(EPS));
    assertThat(c("There is no hope or joy.")).isCloseTo(-0.6681, within(EPS));
  }

  @Test
  void shouldNegateWithLeastUnlessAtLeastOrVeryLeast() {
    assertThat(c("It was the least good option.")).isNegative();
    assertThat(c("It was at least good.")).isCloseTo(c("It was good."), within(1e-12));
    assertThat(c("It was the very least good.")).isPositive();
  }

  @Test
  void shouldRaiseWithABoosterAndLowerWithADampener() {
    final double good = c("It was good.");
    // 1.9 + 0.293.
    assertThat(c("It was very good.")).isCloseTo(2.193 / Math.sqrt(2.193 * 2.193 + 15),
        within(1e-12));
    assertThat(c("It was extremely good.")).isGreaterThan(good);
    assertThat(c("It was slightly good.")).isLessThan(good).isPositive();
    assertThat(c("It was kind of good.")).isCloseTo(0.3832, within(EPS));
    assertThat(c("It was very bad.")).isLessThan(c("It was bad."));
  }

  @Test
  void shouldWeakenABoosterWithDistance() {
    final double next = c("very good");
    final double twoBefore = c("very much good");
    final double threeBefore = c("very much much good");
    assertThat(next).isGreaterThan(twoBefore);
    assertThat(twoBefore).isGreaterThan(threeBefore);
    assertThat(threeBefore).isGreaterThan(c("good"));
  }

  @Test
  void shouldWeightTheClauseAfterButMore() {
    assertThat(c("It was good but terrible.")).isCloseTo(-0.4939, within(EPS));
    assertThat(c("It was terrible, but the ending was good.")).isCloseTo(0.4215, within(EPS));
    // (1.9 * 0.5 - 2.1 * 1.5) with "terrible" = -2.1.
    assertThat(c("good but terrible")).isNegative();
    assertThat(c("Good. But terrible.")).isCloseTo(c("good. but terrible."), within(1e-12));
  }

  @Test
  void shouldEmphasiseAllCapsOnlyInMixedCaseText() {
    final double plain = c("It was good, honestly.");
    assertThat(c("It was GOOD, honestly.")).isCloseTo(0.7672, within(EPS)).isGreaterThan(plain);
    // All words in capitals: shouting is not emphasis.
    assertThat(c("IT WAS GOOD.")).isCloseTo(c("it was good."), within(1e-12));
    assertThat(c("It was VERY good.")).isGreaterThan(c("It was very good."));
  }

  @Test
  void shouldAmplifyWithExclamationMarksUpToFour() {
    final double none = c("It was good.");
    final double one = c("It was good!");
    final double four = c("It was good!!!!");
    assertThat(one).isCloseTo(0.4926, within(EPS)).isGreaterThan(none);
    assertThat(four).isCloseTo(0.6209, within(EPS)).isGreaterThan(c("It was good!!!"));
    assertThat(c("It was good!!!!!!!!")).isCloseTo(four, within(1e-12));
    assertThat(c("It was bad!!!!")).isLessThan(c("It was bad."));
  }

  @Test
  void shouldAmplifyWithTwoOrMoreQuestionMarksCapped() {
    assertThat(c("Was it good?")).isCloseTo(c("Was it good."), within(1e-12));
    assertThat(c("Was it good??")).isCloseTo(0.5040, within(EPS));
    assertThat(c("Was it good???")).isGreaterThan(c("Was it good??"));
    assertThat(c("Was it good????")).isCloseTo(0.5940, within(EPS));
    assertThat(c("Was it good????????")).isCloseTo(c("Was it good????"), within(1e-12));
  }

  @Test
  void shouldNotAmplifyPunctuationWithoutSentiment() {
    assertThat(c("What time is it?!!??")).isZero();
  }

  @Test
  void shouldScoreIdiomsAndKindOf() {
    assertThat(c("The bomb")).isNegative();
    assertThat(c("The new album is the bomb")).isPositive();
    assertThat(c("With VADER, sentiment analysis is the shit!")).isCloseTo(0.6476, within(EPS));
    assertThat(c("On the other hand, VADER is quite bad ass")).isCloseTo(0.8020, within(EPS));
    // "kind" (2.4) is not a sentiment word inside "kind of".
    assertThat(c("It is kind of a table.")).isZero();
    assertThat(c("She is kind.")).isPositive();
  }

  @Test
  void shouldScoreEmoticonsAsWritten() {
    assertThat(c("See you :)")).isPositive();
    assertThat(c("See you :(")).isNegative();
    assertThat(c("Make sure you :) or :D today!")).isCloseTo(0.8633, within(EPS));
  }

  @Test
  void shouldTreatUnknownWordsAsNeutral() {
    assertThat(c("The zqxv blorf was quux.")).isZero();
    assertThat(c("The committee met on Tuesday in Geneva.")).isZero();
    assertThat(c("It was good zqxv blorf.")).isCloseTo(c("It was good."), within(1e-12));
  }

  @Test
  void shouldStripPunctuationAroundWords() {
    assertThat(c("\"good\"")).isCloseTo(c("good"), within(1e-12));
    assertThat(c("(good),")).isCloseTo(c("good"), within(1e-12));
    assertThat(c("\u201Cgood\u201D")).isCloseTo(c("good"), within(1e-12));
  }

  @Test
  void shouldScoreEmptyTextAsZero() {
    assertThat(c("")).isZero();
    assertThat(c("   \n\t ")).isZero();
    assertThat(c("...!!!")).isZero();
    assertThat(scorer.compound(null)).isZero();
  }

  @Test
  void shouldStayWithinBoundsWhenSaturated() {
    final String praise = "great wonderful excellent superb ".repeat(200) + "!!!!";
    final String damnation = "horrible catastrophic deadly tragic ".repeat(200) + "????";
    assertThat(c(praise)).isLessThanOrEqualTo(1.0).isGreaterThan(0.99);
    assertThat(c(damnation)).isGreaterThanOrEqualTo(-1.0).isLessThan(-0.99);
    assertThat(ToneScorer.normalize(1e300)).isEqualTo(1.0);
  }

  @Test
  void shouldScoreARangeLikeTheSubstring() {
    final String text = "Intro. It was not very good, but the ending was great! Outro.";
    final int start = text.indexOf("It was");
    final int end = text.indexOf(" Outro");
    assertThat(scorer.compound(text, start, end))
        .isEqualTo(scorer.compound(text.substring(start, end)));
  }

  @Test
  void shouldLabelWithVaderThresholds() {
    assertThat(ToneResult.labelOf(0.05)).isEqualTo(ToneLabel.POSITIVE);
    assertThat(ToneResult.labelOf(0.0499)).isEqualTo(ToneLabel.NEUTRAL);
    assertThat(ToneResult.labelOf(0.0)).isEqualTo(ToneLabel.NEUTRAL);
    assertThat(ToneResult.labelOf(-0.0499)).isEqualTo(ToneLabel.NEUTRAL);
    assertThat(ToneResult.labelOf(-0.05)).isEqualTo(ToneLabel.NEGATIVE);
  }
}
