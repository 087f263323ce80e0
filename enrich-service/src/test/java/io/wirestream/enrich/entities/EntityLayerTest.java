package io.wirestream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wirestream.enrich.text.SentenceTones;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.Mention;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The entity layer on the real CoNLL model. */
class EntityLayerTest {

  private static final Predicate<String> COUNTRIES =
      Set.of("DPRK", "Japan", "Holland", "United States")::contains;

  private static EntityRecognizer recognizer;

  @BeforeAll
  static void loadModel() {
    recognizer = EntityRecognizer.load();
  }

  @Test
  void shouldEndASentenceAtALineBreakSoADatelineStaysAPlace() {
    // Without the break, the dateline runs into the first sentence and the city reads as a name
    // of its own kind; with it, each line is a sentence as in the CoNLL training data.
    final String body = "MONZA , Italy 2026-09-05\nMax Verstegen of Red Bull took pole position "
        + "on Saturday .";

    final List<Entity> entities = layer(EntityLayer.Steps.DEFAULT).entities("", body,
        SentenceTones.NONE);

    assertThat(entities).extracting(Entity::getName, Entity::getType).contains(
        tuple("MONZA", EntityType.LOCATION), tuple("Italy", EntityType.LOCATION),
        tuple("Max Verstegen", EntityType.PERSON), tuple("Red Bull", EntityType.ORGANIZATION));
  }

  @Test
  void shouldKeepACityAndTheClubNamedAfterItApart() {
    final String body = "LIVERPOOL , England 2026-03-14\nLiverpool 0 Aston Villa 1\n"
        + "Liverpool lost at home for the first time this season . Fans left Anfield early and "
        + "the streets of Liverpool were quiet .";

    final List<Entity> entities = layer(EntityLayer.Steps.DEFAULT).entities("", body,
        SentenceTones.NONE);

    assertThat(entities).filteredOn(e -> e.getName().equalsIgnoreCase("Liverpool"))
        .extracting(Entity::getType)
        .contains(EntityType.ORGANIZATION, EntityType.LOCATION);
    assertThat(typeAt(entities, body.indexOf("Liverpool 0"))).isEqualTo(EntityType.ORGANIZATION);
    assertThat(typeAt(entities, 0)).isEqualTo(EntityType.LOCATION);
  }

  @Test
  void shouldTypeCountryNamesAsPlacesButNotAPersonTheTaggerIsSureOf() {
    final String body = "The DPRK fired a missile on Monday , the Japan coast guard said .\n"
        + "Mercedes driver George Holland won the race . Holland said the car was perfect .";

    final List<Entity> bare = layer(EntityLayer.Steps.BARE).entities("", body, SentenceTones.NONE);
    final List<Entity> all = layer(EntityLayer.Steps.DEFAULT).entities("", body,
        SentenceTones.NONE);

    assertThat(typeAt(bare, body.indexOf("DPRK"))).isNotEqualTo(EntityType.LOCATION);
    assertThat(typeAt(all, body.indexOf("DPRK"))).isEqualTo(EntityType.LOCATION);
    assertThat(typeAt(all, body.lastIndexOf("Holland"))).isEqualTo(EntityType.PERSON);
  }

  @Test
  void shouldGiveEveryEntityAndMentionAConfidenceInTheUnitInterval() {
    final String body = "Foreign Minister Sergei Lavrov met officials of the International Atomic "
        + "Energy Agency in Vienna on Monday . Lavrov said the talks were useful .";

    final List<Entity> entities = layer(EntityLayer.Steps.DEFAULT).entities("Lavrov in Vienna",
        body, SentenceTones.NONE);

    assertThat(entities).isNotEmpty().allSatisfy(entity -> {
      assertThat(entity.getConfidence()).isBetween(0.0, 1.0);
      assertThat(entity.getMentions()).extracting(Mention::getConfidence)
          .allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));
    });
    // A clear name in a clear sentence: the CRF is sure of it.
    assertThat(entities.stream().filter(e -> e.getName().equals("Sergei Lavrov")).findFirst()
        .orElseThrow().getConfidence()).isGreaterThan(0.8);
  }

  @Test
  void shouldLeaveTheBareCrfTypesAloneInTheBareSteps() {
    final String body = "Leeds 3 Newcastle 2\nCalder Foods Plc agreed to buy a dairy . "
        + "Calder said the deal would add to earnings .";
    final List<RawMention> crf = recognizer.withLineSentences(false).mentions(body);

    final List<Entity> bare = layer(EntityLayer.Steps.BARE).entities("", body, SentenceTones.NONE);

    for (final RawMention mention : crf) {
      assertThat(typeAt(bare, mention.start())).as(mention.text()).isEqualTo(mention.type());
    }
  }

  private static EntityLayer layer(final EntityLayer.Steps steps) {
    return new EntityLayer(recognizer, COUNTRIES, steps);
  }

  private static EntityType typeAt(final List<Entity> entities, final int start) {
    for (final Entity entity : entities) {
      for (final Mention mention : entity.getMentions()) {
        if (mention.getStart() == start) {
          return entity.getType();
        }
      }
    }
    return null;
  }
}
