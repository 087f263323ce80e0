package io.wirestream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.wirestream.enrich.text.SentenceTones;
import io.wirestream.enrich.text.Sentences;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Merging rules on hand-built mentions; no model needed. */
class EntityMergerTest {

  private static final ToDoubleFunction<String> NEUTRAL = sentence -> 0.0;
  private static final Function<String, Optional<EntityType>> NO_CORRECTIONS = surface -> Optional.empty();

  @Test
  void shouldMergeSurnameAndTitledFormsIntoTheFullestName() {
    final String body = "Foreign Minister Sergei Lavrov arrived in Vienna on Monday. Lavrov told reporters the "
        + "talks were useful. Mr. Lavrov left on Tuesday.";
    final List<RawMention> mentions = new ArrayList<>();
    mentions.add(at(body, "Sergei Lavrov", EntityType.PERSON));
    mentions.add(at(body, "Vienna", EntityType.LOCATION));
    mentions.add(nth(body, "Lavrov", EntityType.PERSON, 1));
    mentions.add(at(body, "Mr. Lavrov", EntityType.PERSON));

    final List<Entity> entities = merge("", List.of(), body, mentions);

    assertThat(entities)
        .extracting(Entity::getName, Entity::getType, Entity::getCount)
        .containsExactly(
            tuple("Sergei Lavrov", EntityType.PERSON, 3),
            tuple("Vienna", EntityType.LOCATION, 1));
    assertThat(entities.get(0).getMentions())
        .extracting(Mention::getText)
        .containsExactly("Sergei Lavrov", "Lavrov", "Mr. Lavrov");
  }

  @Test
  void shouldMergeSurnameFromTheHeadlineIntoTheFullNameInTheBody() {
    final String headline = "PUTIN SAYS TALKS WITH KYIV POSSIBLE";
    final String body = "President Vladimir Putin said on Friday that talks were possible. Putin spoke in Moscow.";

    final List<Entity> entities = merge(headline, List.of(at(headline, "PUTIN", EntityType.PERSON)), body,
        List.of(at(body, "President Vladimir Putin", EntityType.PERSON), nth(body, "Putin", EntityType.PERSON, 1),
            at(body, "Moscow", EntityType.LOCATION)));

    assertThat(entities.get(0).getName()).isEqualTo("Vladimir Putin");
    assertThat(entities.get(0).getCount()).isEqualTo(3);
    assertThat(entities).hasSize(2);
  }

  @Test
  void shouldKeepRoyalStylesButDropOfficeTitlesFromTheName() {
    final String body = "King Charles visited Accra on Monday. Charles met President Kwame Asante. Mr. Asante "
        + "thanked the king.";

    final List<Entity> entities = merge("", List.of(), body, List.of(
        at(body, "King Charles", EntityType.PERSON),
        at(body, "Charles met", EntityType.PERSON, "Charles"),
        at(body, "Accra", EntityType.LOCATION),
        at(body, "President Kwame Asante", EntityType.PERSON),
        at(body, "Mr. Asante", EntityType.PERSON)));

    assertThat(entities)
        .extracting(Entity::getName, Entity::getCount)
        .containsExactlyInAnyOrder(tuple("King Charles", 2), tuple("Kwame Asante", 2), tuple("Accra", 1));
  }

  @Test
  void shouldKeepAnAmbiguousSurnameAsItsOwnEntity() {
    final String body = "Boris Johnson met Dustin Johnson at the club. Johnson later played nine holes.";

    final List<Entity> entities = merge("", List.of(), body, List.of(
        at(body, "Boris Johnson", EntityType.PERSON),
        at(body, "Dustin Johnson", EntityType.PERSON),
        at(body, "Johnson later", EntityType.PERSON, "Johnson")));

    assertThat(entities)
        .extracting(Entity::getName, Entity::getCount)
        .containsExactlyInAnyOrder(tuple("Boris Johnson", 1), tuple("Dustin Johnson", 1), tuple("Johnson", 1));
  }

  @Test
  void shouldMergeAnAcronymIntoTheNameItAbbreviates() {
    final String body = "Inspectors of the International Atomic Energy Agency (IAEA) arrived on Monday. The IAEA "
        + "said its team would stay a week.";

    final List<Entity> entities = merge("", List.of(), body, List.of(
        at(body, "International Atomic Energy Agency", EntityType.ORGANIZATION),
        nth(body, "IAEA", EntityType.ORGANIZATION, 0),
        nth(body, "IAEA", EntityType.ORGANIZATION, 1)));

    assertThat(entities)
        .extracting(Entity::getName, Entity::getType, Entity::getCount)
        .containsExactly(tuple("International Atomic Energy Agency", EntityType.ORGANIZATION, 3));
  }

  @Test
  void shouldMergeADottedAcronym() {
    final String body = "The United Nations appealed for aid. A U.N. spokesman said convoys were waiting.";

    final List<Entity> entities = merge("", List.of(), body, List.of(
        at(body, "United Nations", EntityType.ORGANIZATION),
        at(body, "U.N.", EntityType.ORGANIZATION)));

    assertThat(entities)
        .extracting(Entity::getName, Entity::getCount)
        .containsExactly(tuple("United Nations", 2));
  }

  @Test
  void shouldKeepAnAcronymThatFitsTwoNamesAsItsOwnEntity() {
    final String body = "The European Central Bank and the Eastern Caribbean Bank both cut rates. The ECB said more "
        + "cuts could follow.";

    final List<Entity> entities = merge("", List.of(), body, List.of(
        at(body, "European Central Bank", EntityType.ORGANIZATION),
        at(body, "Eastern Caribbean Bank", EntityType.ORGANIZATION),
        at(body, "ECB", EntityType.ORGANIZATION)));

    assertThat(entities).extracting(Entity::getName)
        .containsExactlyInAnyOrder("European Central Bank", "Eastern Caribbean Bank", "ECB");
  }

  @Test
  void shouldGroupTheSameNameAcrossCaseAndDots() {
    final String headline = "Storm hits U.S. coast";
    final String body = "PORTLAND, Maine - A storm hit the US east coast on Sunday, and officials in Portland said "
        + "power was out.";

    final List<Entity> entities = merge(headline, List.of(at(headline, "U.S.", EntityType.LOCATION)), body, List.of(
        at(body, "PORTLAND", EntityType.LOCATION),
        at(body, "Maine", EntityType.LOCATION),
        at(body, "US", EntityType.LOCATION),
        at(body, "Portland", EntityType.LOCATION)));

    assertThat(entities)
        .extracting(Entity::getName, Entity::getCount)
        .containsExactlyInAnyOrder(tuple("U.S.", 2), tuple("Portland", 2), tuple("Maine", 1));
  }

  @Test
  void shouldGiveAnUnsureMentionTheTypeTheOtherMentionsOfItsSurfaceVoteFor() {
    final String body = "Anna Kowalczyk won the race. Kowalczyk said she was tired. Kowalczyk will rest. Fans "
        + "cheered Kowalczyk.";

    final List<Entity> entities = merge("", List.of(), body, List.of(
        at(body, "Anna Kowalczyk", EntityType.PERSON),
        nth(body, "Kowalczyk", EntityType.ORGANIZATION, 1, 0.55),
        nth(body, "Kowalczyk", EntityType.PERSON, 2, 0.8),
        nth(body, "Kowalczyk", EntityType.PERSON, 3, 0.7)));

    assertThat(entities)
        .extracting(Entity::getName, Entity::getType, Entity::getCount)
        .containsExactly(tuple("Anna Kowalczyk", EntityType.PERSON, 4));
    // The outvoted mention's confidence is the winning type's share of the vote: 1.5 of 2.05.
    assertThat(entities.get(0).getMentions().get(1).getConfidence()).isCloseTo(0.7317, offset(1e-4));
    assertThat(entities.get(0).getConfidence()).isCloseTo((1.0 + 0.7317 + 0.8 + 0.7) / 4, offset(1e-3));
  }

  @Test
  void shouldKeepTheTypeOfAMentionTheTaggerIsSureOfSoACityAndItsClubStayApart() {
    final String body = "Liverpool beat Everton 2-0 on Saturday. Fans filled the pubs of Liverpool. "
        + "Liverpool are top of the table.";

    final List<Entity> entities = merge("", List.of(), body, List.of(
        nth(body, "Liverpool", EntityType.ORGANIZATION, 0, 0.97),
        nth(body, "Everton", EntityType.ORGANIZATION, 0, 0.99),
        nth(body, "Liverpool", EntityType.LOCATION, 1, 0.95),
        nth(body, "Liverpool", EntityType.ORGANIZATION, 2, 0.6)));

    assertThat(entities)
        .extracting(Entity::getName, Entity::getType, Entity::getCount)
        .containsExactlyInAnyOrder(
            tuple("Liverpool", EntityType.ORGANIZATION, 2),
            tuple("Liverpool", EntityType.LOCATION, 1),
            tuple("Everton", EntityType.ORGANIZATION, 1));
  }

  @Test
  void shouldForceOneTypePerNameOnlyInTheLegacyOptions() {
    final String body = "Liverpool beat Everton. Fans filled the pubs of Liverpool. Liverpool are top.";
    final List<RawMention> mentions = List.of(
        nth(body, "Liverpool", EntityType.ORGANIZATION, 0, 0.97),
        nth(body, "Everton", EntityType.ORGANIZATION, 0, 0.99),
        nth(body, "Liverpool", EntityType.LOCATION, 1, 0.95),
        nth(body, "Liverpool", EntityType.ORGANIZATION, 2, 0.96));

    final List<Entity> legacy = EntityMerger.merge("", List.of(), body, mentions,
        SentenceTones.NONE, NO_CORRECTIONS, EntityMerger.Options.LEGACY);

    assertThat(legacy)
        .extracting(Entity::getName, Entity::getType, Entity::getCount)
        .containsExactlyInAnyOrder(
            tuple("Liverpool", EntityType.ORGANIZATION, 3),
            tuple("Everton", EntityType.ORGANIZATION, 1));
  }

  @Test
  void shouldLeaveEveryMentionItsOwnTypeWithoutTheVote() {
    final String body = "Kowalczyk won. Kowalczyk said she was tired.";
    final List<RawMention> mentions = List.of(
        nth(body, "Kowalczyk", EntityType.ORGANIZATION, 0, 0.55),
        nth(body, "Kowalczyk", EntityType.PERSON, 1, 0.8));

    final List<Entity> entities = EntityMerger.merge("", List.of(), body, mentions,
        SentenceTones.NONE, NO_CORRECTIONS, EntityMerger.Options.NONE);

    assertThat(entities)
        .extracting(Entity::getType, Entity::getCount)
        .containsExactlyInAnyOrder(tuple(EntityType.ORGANIZATION, 1), tuple(EntityType.PERSON, 1));
  }

  @Test
  void shouldJoinACompanyShortNameToTheCompanyEvenWhenReadAsAPerson() {
    final String body = "Calder Foods Plc agreed to buy a dairy. Calder said the deal would add to earnings.";

    final List<Entity> entities = merge("", List.of(), body, List.of(
        at(body, "Calder Foods Plc", EntityType.ORGANIZATION),
        nth(body, "Calder", EntityType.PERSON, 1, 0.98)));

    assertThat(entities)
        .extracting(Entity::getName, Entity::getType, Entity::getCount)
        .containsExactly(tuple("Calder Foods Plc", EntityType.ORGANIZATION, 2));
  }

  @Test
  void shouldLeaveAShortNameThatIsAlsoAPersonsSurnameAlone() {
    final String body = "Calder Foods Plc agreed to buy a dairy. Its founder, Mary Calder, approved. "
        + "Calder said the deal was fair.";

    final List<Entity> entities = merge("", List.of(), body, List.of(
        at(body, "Calder Foods Plc", EntityType.ORGANIZATION),
        at(body, "Mary Calder", EntityType.PERSON),
        nth(body, "Calder", EntityType.PERSON, 2, 0.9)));

    // Two candidates (the company and the founder): the join does not guess.
    assertThat(entities)
        .extracting(Entity::getName, Entity::getType)
        .contains(tuple("Calder", EntityType.PERSON));
  }

  @Test
  void shouldGiveAnUnsureSurnameThePersonsTypeWhenItJoinsTheFullName() {
    final String body = "Foreign Minister Sergei Lavrov arrived. Lavrov told reporters the talks were useful.";

    final List<Entity> entities = merge("", List.of(), body, List.of(
        at(body, "Sergei Lavrov", EntityType.PERSON),
        nth(body, "Lavrov", EntityType.ORGANIZATION, 1, 0.6)));

    assertThat(entities)
        .extracting(Entity::getName, Entity::getType, Entity::getCount)
        .containsExactly(tuple("Sergei Lavrov", EntityType.PERSON, 2));
  }

  @Test
  void shouldCorrectStateAcronymsBeforeVotingAndMerging() {
    final String body = "The Democratic People's Republic of Korea fired a missile. The DPRK said the test was a "
        + "success. The ROK military said it tracked the launch.";
    final Map<String, EntityType> gazetteer = Map.of("DPRK", EntityType.LOCATION, "ROK", EntityType.LOCATION);

    final List<Entity> entities = EntityMerger.merge("", List.of(), body, List.of(
            at(body, "Democratic People's Republic of Korea", EntityType.LOCATION),
            at(body, "DPRK", EntityType.ORGANIZATION),
            at(body, "ROK", EntityType.ORGANIZATION)),
        NEUTRAL, surface -> Optional.ofNullable(gazetteer.get(surface)));

    assertThat(entities)
        .extracting(Entity::getName, Entity::getType, Entity::getCount)
        .containsExactly(
            tuple("Democratic People's Republic of Korea", EntityType.LOCATION, 2),
            tuple("ROK", EntityType.LOCATION, 1));
  }

  @Test
  void shouldRankTheHeadlineEntityFirstWithSalienceInRange() {
    final String headline = "Volcano erupts near Catania";
    final String body = "Mount Etna erupted on Saturday, officials in Sicily said. Flights from Catania were "
        + "suspended. Mount Etna last erupted in spring. Vulcanologists at the University of Palermo said Mount "
        + "Etna was calm again by evening.";

    final List<Entity> entities = merge(headline, List.of(at(headline, "Catania", EntityType.LOCATION)), body,
        List.of(
            at(body, "Mount Etna", EntityType.LOCATION),
            at(body, "Sicily", EntityType.LOCATION),
            at(body, "Catania", EntityType.LOCATION),
            nth(body, "Mount Etna", EntityType.LOCATION, 1),
            nth(body, "Mount Etna", EntityType.LOCATION, 2),
            at(body, "University of Palermo", EntityType.ORGANIZATION)));

    assertThat(entities).extracting(Entity::getName)
        .containsExactly("Catania", "Mount Etna", "Sicily", "University of Palermo");
    assertThat(entities).allSatisfy(entity -> assertThat(entity.getSalience()).isBetween(0.0, 1.0));
    assertThat(entities).extracting(Entity::getSalience).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    // Headline entity: 0.4 + 0.3 * 1 (first in reading order) + 0.3 * 2 / 3 (Mount Etna has 3 mentions).
    assertThat(entities.get(0).getSalience()).isCloseTo(0.9, offset(1e-9));
    // First in the body and the most frequent, but not in the headline.
    assertThat(entities.get(1).getSalience()).isCloseTo(0.6, offset(1e-9));
  }

  @Test
  void shouldComputeSalienceByTheDocumentedFormula() {
    assertThat(EntityMerger.salience(true, 0, 100, 1, 4)).isCloseTo(0.4 + 0.3 + 0.3 * 0.25, offset(1e-9));
    assertThat(EntityMerger.salience(false, 25, 100, 2, 4)).isCloseTo(0.3 * 0.75 + 0.3 * 0.5, offset(1e-9));
    assertThat(EntityMerger.salience(false, 0, 0, 1, 1)).isCloseTo(0.6, offset(1e-9));
  }

  @Test
  void shouldAverageToneOverTheDistinctSentencesThatMentionAnEntity() {
    final String headline = "Oslo talks end; Rahmawati hopeful";
    final String body = "Talks in Oslo ended on Friday with no deal. Mr. Halvorsen said the U.S. envoy would return. "
        + "Halvorsen called the mood good, and Halvorsen smiled. Oil rose 3.5 percent in Oslo trading.";
    final Map<String, Double> tones = Map.of(
        "Talks in Oslo ended on Friday with no deal.", -0.4,
        "Mr. Halvorsen said the U.S. envoy would return.", 0.2,
        "Halvorsen called the mood good, and Halvorsen smiled.", 0.6,
        "Oil rose 3.5 percent in Oslo trading.", 0.1);
    final List<String> scored = new ArrayList<>();
    final ToDoubleFunction<String> sentenceTone = sentence -> {
      scored.add(sentence);
      final Double tone = tones.get(sentence);
      if (tone == null) {
        throw new AssertionError("Unexpected sentence: '" + sentence + "'");
      }
      return tone;
    };

    final List<Entity> entities = EntityMerger.merge(headline,
        List.of(at(headline, "Oslo", EntityType.LOCATION), at(headline, "Rahmawati", EntityType.PERSON)),
        body, List.of(
            nth(body, "Oslo", EntityType.LOCATION, 0),
            at(body, "Halvorsen", EntityType.PERSON),
            at(body, "U.S.", EntityType.LOCATION),
            nth(body, "Halvorsen", EntityType.PERSON, 1),
            nth(body, "Halvorsen", EntityType.PERSON, 2),
            nth(body, "Oslo", EntityType.LOCATION, 1)),
        sentenceTone, NO_CORRECTIONS);

    assertThat(byName(entities, "Oslo").getTone()).isCloseTo((-0.4 + 0.1) / 2, offset(1e-9));
    assertThat(byName(entities, "Halvorsen").getTone()).isCloseTo((0.2 + 0.6) / 2, offset(1e-9));
    assertThat(byName(entities, "U.S.").getTone()).isCloseTo(0.2, offset(1e-9));
    assertThat(byName(entities, "Rahmawati").getTone()).isNull();
    assertThat(scored).doesNotHaveDuplicates();
  }

  @Test
  void shouldReadEntityToneFromSentencesScoredOnceByTheCaller() {
    final String body = "Talks in Oslo ended on Friday with no deal. Mr. Halvorsen said the U.S. envoy would return. "
        + "Halvorsen called the mood good, and Halvorsen smiled. Oil rose 3.5 percent in Oslo trading.";
    final List<Sentences.Span> sentences = Sentences.split(body);
    assertThat(sentences).hasSize(4);
    final SentenceTones tones = new SentenceTones(sentences, new double[] {-0.4, 0.2, 0.6, 0.1});

    final List<Entity> entities = EntityMerger.merge(null, List.of(), body, List.of(
            nth(body, "Oslo", EntityType.LOCATION, 0),
            at(body, "Halvorsen", EntityType.PERSON),
            nth(body, "Halvorsen", EntityType.PERSON, 2),
            nth(body, "Oslo", EntityType.LOCATION, 1)),
        tones, NO_CORRECTIONS);

    assertThat(byName(entities, "Oslo").getTone()).isCloseTo((-0.4 + 0.1) / 2, offset(1e-9));
    assertThat(byName(entities, "Halvorsen").getTone()).isCloseTo((0.2 + 0.6) / 2, offset(1e-9));
  }

  @Test
  void sentenceTonesShouldNeedOneTonePerSentence() {
    final List<Sentences.Span> two = Sentences.split("One sentence here. Another one there.");
    assertThatThrownBy(() -> new SentenceTones(two, new double[] {0.1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 tones for 2 sentences");
  }

  @Test
  void shouldKeepFieldAndOffsetsOfEveryMention() {
    final String headline = "Lagos floods displace thousands";
    final String body = "Heavy rain flooded parts of Lagos on Wednesday.\r\nThe governor of Lagos State said "
        + "schools in Lagos would stay shut.";

    final List<Entity> entities = merge(headline, List.of(at(headline, "Lagos", EntityType.LOCATION)), body,
        List.of(
            nth(body, "Lagos", EntityType.LOCATION, 0),
            at(body, "Lagos State", EntityType.LOCATION),
            nth(body, "Lagos", EntityType.LOCATION, 2)));

    assertThat(byName(entities, "Lagos").getMentions())
        .extracting(Mention::getField, Mention::getStart, Mention::getEnd, Mention::getText)
        .containsExactly(
            tuple(TextField.HEADLINE, 0, 5, "Lagos"),
            tuple(TextField.BODY, body.indexOf("Lagos"), body.indexOf("Lagos") + 5, "Lagos"),
            tuple(TextField.BODY, body.lastIndexOf("Lagos"), body.lastIndexOf("Lagos") + 5, "Lagos"));
    assertThat(byName(entities, "Lagos State").getMentions())
        .extracting(Mention::getField, Mention::getStart, Mention::getText)
        .containsExactly(tuple(TextField.BODY, body.indexOf("Lagos State"), "Lagos State"));
  }

  @Test
  void shouldReturnNoEntitiesWithoutMentions() {
    assertThat(merge("Quiet day", List.of(), "Nothing happened.", List.of())).isEmpty();
    assertThat(EntityMerger.merge(null, null, null, null, NEUTRAL, NO_CORRECTIONS)).isEmpty();
  }

  @Test
  void shouldRejectAMentionThatDoesNotMatchItsText() {
    final String body = "Rain in Quito.";

    assertThatThrownBy(() -> merge("", List.of(), body, List.of(new RawMention(EntityType.LOCATION, 0, 5, "Quito"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Quito")
        .hasMessageContaining("BODY");
    assertThatThrownBy(() -> merge("", List.of(), body, List.of(new RawMention(EntityType.LOCATION, 10, 15, "Quito"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Entity> merge(final String headline, final List<RawMention> headlineMentions, final String body,
      final List<RawMention> bodyMentions) {
    return EntityMerger.merge(headline, headlineMentions, body, bodyMentions, NEUTRAL, NO_CORRECTIONS);
  }

  private static Entity byName(final List<Entity> entities, final String name) {
    return entities.stream().filter(e -> e.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("No entity " + name + " in " + entities));
  }

  /** The first occurrence of {@code surface} in {@code text}. */
  private static RawMention at(final String text, final String surface, final EntityType type) {
    return nth(text, surface, type, 0);
  }

  /** {@code mention} at the first occurrence of {@code context}, which starts with it. */
  private static RawMention at(final String text, final String context, final EntityType type, final String mention) {
    final int start = text.indexOf(context);
    assertThat(start).as("'%s' in test text", context).isGreaterThanOrEqualTo(0);
    return new RawMention(type, start, start + mention.length(), mention);
  }

  /** The {@code n}-th (0-based) occurrence of {@code surface}, with the tagger's confidence. */
  private static RawMention nth(final String text, final String surface, final EntityType type, final int n,
      final double confidence) {
    final RawMention sure = nth(text, surface, type, n);
    return sure.withType(type, confidence);
  }

  /** The {@code n}-th (0-based) occurrence of {@code surface} in {@code text}. */
  private static RawMention nth(final String text, final String surface, final EntityType type, final int n) {
    int start = -1;
    for (int i = 0; i <= n; i++) {
      start = text.indexOf(surface, start + 1);
      assertThat(start).as("occurrence %d of '%s' in test text", i, surface).isGreaterThanOrEqualTo(0);
    }
    return new RawMention(type, start, start + surface.length(), surface);
  }
}
