package io.wirestream.enrich.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.batch.GoldEvaluation;
import io.wirestream.schemas.avro.EntityType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the real enricher to quality floors on the hand-annotated gold set (38 stories, see
 * src/test/resources/gold/README.md). The floors are the first honest measurement rounded down;
 * raise them as the enricher improves, never lower them to make a change pass.
 */
class GoldSetQualityTest {

  private static GoldEvaluation.Result result;

  @BeforeAll
  static void evaluate() throws Exception {
    result = GoldEvaluation.evaluate(goldDir(), NewsEnricher.load());
    result.lines().forEach(System.out::println);
  }

  static Path goldDir() throws URISyntaxException {
    return Path.of(GoldSetQualityTest.class.getResource("/gold/stories.jsonl").toURI())
        .getParent();
  }

  @Test
  void entityF1ShouldStayAboveItsFloors() {
    assertThat(result.stories()).isEqualTo(38);
    assertThat(result.entities().f1()).as("all entities").isGreaterThanOrEqualTo(FLOOR_ENTITIES);
    assertThat(result.entitiesByType().get(EntityType.PERSON).f1()).as("PERSON")
        .isGreaterThanOrEqualTo(FLOOR_PERSON);
    assertThat(result.entitiesByType().get(EntityType.LOCATION).f1()).as("LOCATION")
        .isGreaterThanOrEqualTo(FLOOR_LOCATION);
    assertThat(result.entitiesByType().get(EntityType.ORGANIZATION).f1()).as("ORGANIZATION")
        .isGreaterThanOrEqualTo(FLOOR_ORGANIZATION);
    assertThat(result.entitiesByType().get(EntityType.MISC).f1()).as("MISC")
        .isGreaterThanOrEqualTo(FLOOR_MISC);
  }

  @Test
  void countryTagsShouldStayAboveTheirFloors() {
    assertThat(result.countries().f1()).as("country F1").isGreaterThanOrEqualTo(FLOOR_COUNTRIES);
    assertThat(result.primaryCountryAccuracy()).as("primary country")
        .isGreaterThanOrEqualTo(FLOOR_PRIMARY);
  }

  @Test
  void toneAndLanguageShouldStayAboveTheirFloors() {
    assertThat(result.toneAgreement()).as("tone label agreement")
        .isGreaterThanOrEqualTo(FLOOR_TONE);
    assertThat(result.languageAccuracy()).as("language").isGreaterThanOrEqualTo(FLOOR_LANGUAGE);
  }

  // First measurement, 2026-11-29 (enricher 0.1.0): entities F1 0.810 (PERSON 0.950,
  // ORGANIZATION 0.822, LOCATION 0.856, MISC 0.203), countries F1 0.980, primary 0.868,
  // tone 0.800, language 1.000. Raised the same day when demonyms stopped being "corrected" to
  // LOCATION: entities F1 0.911 (LOCATION 0.938, MISC 0.860). Floors: the measurements rounded
  // down to two decimals (one lower where a measurement sits exactly on the boundary, so
  // floating-point ties cannot flip it).
  private static final double FLOOR_ENTITIES = 0.91;
  private static final double FLOOR_PERSON = 0.94;
  private static final double FLOOR_LOCATION = 0.93;
  private static final double FLOOR_MISC = 0.86;
  private static final double FLOOR_ORGANIZATION = 0.82;
  private static final double FLOOR_COUNTRIES = 0.97;
  private static final double FLOOR_PRIMARY = 0.86;
  private static final double FLOOR_TONE = 0.79;
  private static final double FLOOR_LANGUAGE = 1.00;
}
