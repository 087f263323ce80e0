package io.wirestream.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import io.wirestream.schemas.avro.ToneLabel;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real enricher, models and all, on invented wire copy. */
class NewsEnricherTest {

  private static NewsEnricher enricher;

  @BeforeAll
  static void load() {
    enricher = NewsEnricher.load();
  }

  private static RawArticle story(final String headline, final String body, final String dateline,
      final String language) {
    return RawArticle.newBuilder().setId("t-1").setVersion(1).setSource("Test Wire")
        .setHeadline(headline).setBody(body).setDateline(dateline).setLanguage(language)
        .setIngestedAt(Instant.parse("2026-03-02T08:00:00Z")).setContentHash("h")
        .setFormat(SourceFormat.JSON_LINES).build();
  }

  private static Optional<Entity> entity(final EnrichedArticle story, final String name) {
    return story.getEntities().stream().filter(e -> e.getName().equals(name)).findFirst();
  }

  @Test
  void shouldTypeAStateAcronymAsALocationAndTagItsCountry() {
    final EnrichedArticle story = enricher.enrich(story("DPRK rejects new sanctions",
        "The DPRK said on Monday it rejected the sanctions, and Russian diplomats in Pyongyang"
            + " urged restraint.", null, null));

    assertThat(entity(story, "DPRK")).hasValueSatisfying(dprk ->
        assertThat(dprk.getType()).isEqualTo(EntityType.LOCATION));
    assertThat(entity(story, "Russian")).as("a demonym stays MISC").hasValueSatisfying(russian ->
        assertThat(russian.getType()).isEqualTo(EntityType.MISC));
    assertThat(story.getCountries()).extracting(CountryTag::getCode).contains("KP", "RU");
    assertThat(story.getPrimaryCountry()).isEqualTo("KP");
  }

  @Test
  void shouldMergeASurnameIntoTheFullNameAndScoreTone() {
    final EnrichedArticle story = enricher.enrich(story("Lavrov praises talks in Geneva",
        "Foreign Minister Sergei Lavrov said the talks were a great success. Lavrov thanked the"
            + " Swiss hosts.", "GENEVA", null));

    assertThat(entity(story, "Sergei Lavrov")).hasValueSatisfying(lavrov -> {
      assertThat(lavrov.getType()).isEqualTo(EntityType.PERSON);
      assertThat(lavrov.getCount()).isEqualTo(3);
    });
    assertThat(story.getTone().getScore()).isPositive();
    assertThat(story.getPrimaryCountry()).isEqualTo("CH");
    assertThat(story.getProvenance().getEnricherVersion()).isEqualTo(NewsEnricher.VERSION);
  }

  @Test
  void aNonEnglishStoryShouldPassThroughTaggedWithItsLanguageOnly() {
    final EnrichedArticle story = enricher.enrich(story("Neue Fähre im Hafen von Hamburg",
        "Die Stadt Hamburg hat am Montag eine neue Fähre in Betrieb genommen, die doppelt so viele"
            + " Fahrgäste befördern kann wie die alte.", null, "de"));

    assertThat(story.getLanguage()).isEqualTo("de");
    assertThat(story.getEntities()).isEmpty();
    assertThat(story.getCountries()).isEmpty();
    assertThat(story.getTone()).isNull();
  }

  @Test
  void anEmptyHeadlineAndNoDatelineShouldStillEnrich() {
    final EnrichedArticle story = enricher.enrich(story("", "Officials in Nairobi said the"
        + " floods had receded and schools would reopen on Monday.", null, null));

    assertThat(story.getCountries()).extracting(CountryTag::getCode).contains("KE");
  }

  @Test
  void shortListLikeEnglishWireCopyShouldKeepItsEnrichment() {
    // The n-gram detector alone calls this Swedish; the story must still be enriched as English.
    final EnrichedArticle story = enricher.enrich(story("Ramirent Oyj Stockmann Oyj Abp Orion Oyj",
        "Fiskars Brands report net sales rose to EUR 1.2 bn.", null, null));

    assertThat(story.getTone()).isNotNull();
    assertThat(story.getTone().getLabel()).isEqualTo(ToneLabel.POSITIVE);
    assertThat(story.getTone().getConfidence()).isBetween(0.0, 1.0);
    assertThat(story.getEntities()).isNotEmpty();
  }

  @Test
  void anEntitysToneShouldFollowItsRoleNotTheWholeSentence() {
    final EnrichedArticle story = enricher.enrich(story("Court hears fraud case",
        "Prosecutors in Oslo accused Henrik Halvorsen of fraud on Monday. Separately, the city"
            + " praised Maria Lindqvist for her work on the new flood defences.", "OSLO", null));

    assertThat(entity(story, "Henrik Halvorsen")).hasValueSatisfying(h ->
        assertThat(h.getTone()).isNegative());
    assertThat(entity(story, "Maria Lindqvist")).hasValueSatisfying(l ->
        assertThat(l.getTone()).isPositive());
    assertThat(story.getProvenance().getModelIds()).contains(
        io.wirestream.enrich.tone.NewsTone.modelId());
  }
}
