package io.wirestream.enrich.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.schemas.avro.ToneLabel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The news tone model on invented financial and general news sentences and stories. */
class NewsToneTest {

  private static NewsTone tone;
  private static ToneScorer vader;

  @BeforeAll
  static void load() {
    tone = NewsTone.load();
    vader = ToneScorer.load();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      Operating profit rose to EUR 13.1 mn from EUR 8.7 mn a year earlier.       | POSITIVE
      The company's net loss narrowed to EUR 2.1 mn in the third quarter.        | POSITIVE
      Net sales decreased by 5% to EUR 40 mn.                                    | NEGATIVE
      Raw material costs rose sharply in the second quarter.                     | NEGATIVE
      The group will cut 150 jobs at its plant in Tampere.                       | NEGATIVE
      The company said it will reduce costs by EUR 10 mn next year.              | POSITIVE
      Operating loss widened to EUR 4 mn from EUR 1 mn.                          | NEGATIVE
      Profit before taxes was EUR 5.2 mn, down from EUR 6.1 mn.                  | NEGATIVE
      Net sales totalled EUR 93.6 mn, compared with EUR 81.2 mn a year earlier.  | POSITIVE
      Quarterly earnings per share beat analysts' estimates.                     | POSITIVE
      The retailer missed expectations for the holiday season.                   | NEGATIVE
      Sales did not increase in 2008.                                            | NEGATIVE
      Unemployment rose to 9 percent in March.                                   | NEGATIVE
      Pretax loss totalled EUR 3 mn, compared with a profit of EUR 1 mn.         | NEGATIVE
      The board has set up a new unit in Gdansk.                                 | NEUTRAL
      The company is headquartered in Espoo and employs 300 people.              | NEUTRAL
      The contract value is about EUR 3 mn.                                      | NEUTRAL
      Shares of the carmaker fell 4% on Monday.                                  | NEGATIVE
      The bank was downgraded to underweight at a broker.                        | NEGATIVE
      """)
  void shouldReadDirectionAndQuantity(final String sentence, final ToneLabel expected) {
    assertThat(tone.sentenceLabel(sentence)).isEqualTo(expected);
  }

  @Test
  void shouldTellWhatVaderGetsBackwards() {
    // VADER sees "loss" and calls a narrowing loss bad; the grammar reads the direction.
    final String narrowed = "Net loss narrowed to EUR 2 mn.";
    assertThat(vader.compound(narrowed)).isNegative();
    assertThat(tone.sentenceRaw(narrowed)).isPositive();
    final String costsFell = "Costs fell in the quarter.";
    assertThat(tone.sentenceRaw(costsFell)).isPositive();
    assertThat(tone.sentenceRaw("Costs rose in the quarter.")).isNegative();
  }

  @Test
  void shouldNegateAPair() {
    assertThat(tone.sentenceRaw("Revenue did not fall in 2009.")).isPositive();
    assertThat(tone.sentenceRaw("Revenue fell in 2009.")).isNegative();
  }

  @Test
  void thanExpectedShouldStrengthenAPair() {
    assertThat(tone.sentenceRaw("Profit rose more than expected."))
        .isGreaterThan(tone.sentenceRaw("Profit rose."));
  }

  @Test
  void shouldKeepVadersStrengths() {
    assertThat(tone.sentenceRaw("The talks were not good.")).isNegative();
    assertThat(tone.sentenceRaw("The talks were very good."))
        .isGreaterThan(tone.sentenceRaw("The talks were good."));
    // "but": what follows weighs more.
    assertThat(tone.sentenceRaw("The plan is good, but the rollout was a disaster."))
        .isNegative();
  }

  @Test
  void aOneSentenceStoryShouldCarryItsSentencesLabel() {
    final String sentence = "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn.";
    final NewsTone.Story story = tone.scoreStory(null, sentence);
    assertThat(story.result().label()).isEqualTo(tone.sentenceLabel(sentence));
    assertThat(story.result().score())
        .isCloseTo(NewsTone.SENTENCE.apply(tone.sentenceRaw(sentence)), within(1e-12));
    assertThat(story.raw()).isCloseTo(tone.sentenceRaw(sentence), within(1e-9));
  }

  @Test
  void shouldNotSaturateOnLongStories() {
    final String mixed = "Sales rose in Europe. Costs rose in Asia. The plant opened on time. ";
    final NewsTone.Story once = tone.scoreStory("Results", mixed);
    final NewsTone.Story many = tone.scoreStory("Results", mixed.repeat(80));
    assertThat(many.result().wordCount()).isGreaterThan(1_000);
    assertThat(many.result().score()).isCloseTo(once.result().score(), within(0.01));
    assertThat(Math.abs(many.result().score())).isLessThan(0.6);
  }

  @Test
  void agreeingSentencesShouldMakeItSurer() {
    final String good = "Orders grew strongly. ";
    final double one = tone.scoreStory(null, good).result().confidence();
    final double ten = tone.scoreStory(null, good.repeat(10)).result().confidence();
    final double mixed = tone.scoreStory(null,
        "Orders grew strongly. Margins fell sharply. Orders grew. Losses widened.")
        .result().confidence();
    assertThat(one).isBetween(0.0, 1.0);
    assertThat(ten).isGreaterThan(one).isLessThanOrEqualTo(1.0);
    assertThat(mixed).isLessThan(ten);
  }

  @Test
  void aStoryWithoutSentimentShouldBeNeutralAndSurerTheLongerItIs() {
    final NewsTone.Story short1 = tone.scoreStory(null, "The committee meets on Tuesday.");
    final NewsTone.Story long1 = tone.scoreStory("Agenda", "The committee meets on Tuesday. "
        .repeat(9));
    assertThat(short1.result().label()).isEqualTo(ToneLabel.NEUTRAL);
    assertThat(short1.result().score()).isZero();
    assertThat(long1.result().confidence()).isGreaterThan(short1.result().confidence());
  }

  @Test
  void anEmptyStoryShouldScoreNothing() {
    final NewsTone.Story story = tone.scoreStory(null, null);
    assertThat(story.result().wordCount()).isZero();
    assertThat(story.result().label()).isEqualTo(ToneLabel.NEUTRAL);
    assertThat(story.bodyTones().sentences()).isEmpty();
  }

  /** An invented diplomacy story with mixed voices: hopeful quotes, a rebuke, a disputed vote. */
  static final String DIPLOMACY_HEADLINE = "Minister says neighbour willing to reopen river treaty talks";
  static final String DIPLOMACY_BODY = """
      Foreign Minister Ilse Marrow told reporters in Valdstad on Wednesday that the government \
      across the border had signalled it would come back to the negotiating table over the \
      shared river treaty.
      Talks broke down in the spring after a dispute over dam releases left farms downstream \
      short of water for several weeks.
      "We have been told there are no conditions attached this time," Marrow said, adding that \
      a special envoy had carried a written message to the prime minister on Monday.
      Opposition lawmakers accused the cabinet of making concessions in secret and demanded that \
      the message be published in full.
      A regional assembly last week passed a motion condemning the upstream dams, a vote that \
      Marrow dismissed as unhelpful and likely to harden positions.
      The envoy described his meetings as frank and constructive and said both capitals wanted \
      a lasting settlement before the dry season.""";

  @Test
  void aMixedDiplomaticStoryShouldKeepAModerateTone() {
    final ToneResult result = tone.scoreStory(DIPLOMACY_HEADLINE, DIPLOMACY_BODY).result();
    assertThat(result.score()).isBetween(-0.6, 0.6);
    assertThat(result.confidence()).isBetween(0.0, 1.0);
    assertThat(result.label()).isEqualTo(ToneResult.labelOf(result.score()));
  }

  @Test
  void theModelIdShouldNameItsData() {
    assertThat(NewsTone.modelId()).contains(ToneScorer.lexiconId())
        .contains("afinn-165-financialmarketnews-3.0.0");
  }
}
