package io.wirestream.enrich.tone;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.TextField;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-entity tone: the rules alone and with the shipped linear model, on invented sentences. */
class EntityToneTest {

  private static NewsTone tone;

  @BeforeAll
  static void load() {
    tone = NewsTone.load();
  }

  private static Mention body(final String text, final String name) {
    final int start = text.indexOf(name);
    return new Mention(TextField.BODY, start, start + name.length(), name, null);
  }

  private static double rules(final String text, final String name) {
    return tone.entityRulesRaw(tone.scoreStory(null, text), List.of(body(text, name)));
  }

  private static Double model(final String text, final String name) {
    return tone.entityTone(tone.scoreStory(null, text), List.of(body(text, name)));
  }

  @Test
  void theTargetOfAnAccusationShouldFareWorseThanTheAccuser() {
    final String text = "Prosecutors accused Halvorsen of fraud on Monday.";
    assertThat(rules(text, "Halvorsen")).isNegative().isLessThan(rules(text, "Prosecutors"));
    assertThat(model(text, "Halvorsen")).isNegative();
  }

  @Test
  void thePassiveShouldMakeTheSubjectTheTarget() {
    final String text = "Halvorsen was accused of fraud by prosecutors.";
    assertThat(rules(text, "Halvorsen")).isLessThan(rules(text, "prosecutors"));
  }

  @Test
  void theTargetOfPraiseShouldBePositive() {
    final String text = "Mayor Okafor praised Lindqvist for her work on the flood defences.";
    assertThat(rules(text, "Lindqvist")).isPositive().isGreaterThan(rules(text, "Okafor"));
    assertThat(model(text, "Lindqvist")).isPositive();
  }

  @Test
  void theMentionsClauseShouldWeighMoreThanTheRest() {
    final String text = "Okafor won the award, while Brandt was arrested for bribery.";
    assertThat(rules(text, "Okafor")).isPositive();
    assertThat(rules(text, "Brandt")).isNegative();
    assertThat(model(text, "Okafor")).isGreaterThan(model(text, "Brandt"));
  }

  @Test
  void whatASpeakerSaysShouldCountLessForTheSpeaker() {
    final String said = "Brandt said the new stadium was a disaster for the city.";
    final String about = "The new stadium was a disaster for Brandt and the city.";
    assertThat(Math.abs(rules(said, "Brandt"))).isLessThan(Math.abs(rules(about, "Brandt")));
  }

  @Test
  void aHeadlineMentionShouldCountAndWeighMore() {
    final String headline = "Regulator fines Norbank over laundering failures";
    final String body = "The bank said it would cooperate with the inquiry.";
    final NewsTone.Story story = tone.scoreStory(headline, body);
    final int h = headline.indexOf("Norbank");
    final Mention inHeadline = new Mention(TextField.HEADLINE, h, h + 7, "Norbank", null);
    final Double headlineOnly = tone.entityTone(story, List.of(inHeadline));
    assertThat(headlineOnly).isNotNull().isNegative();
  }

  @Test
  void anEntityWithoutMentionsInTheTextShouldHaveNoTone() {
    final NewsTone.Story story = tone.scoreStory("Headline", "Body text here.");
    assertThat(tone.entityTone(story, List.of())).isNull();
    assertThat(tone.entityTone(story, List.of(new Mention(TextField.DATELINE, 0, 4, "OSLO", null))))
        .isNull();
  }

  @Test
  void toneShouldStayInRange() {
    final String text = "Terrible, horrible, awful Kessler destroyed everything!!! "
        + "Kessler, Kessler, Kessler.";
    final NewsTone.Story story = tone.scoreStory(null, text);
    final Double t = tone.entityTone(story, List.of(body(text, "Kessler")));
    assertThat(t).isBetween(-1.0, 1.0);
  }
}
