package io.wirestream.enrich.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.enrich.Enricher;
import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code wirestream eval GOLD_DIR}: runs an {@link Enricher} on a hand-annotated gold set
 * ({@code stories.jsonl} in the enrich-file input format, {@code annotations.jsonl}) and scores it:
 * entity precision/recall/F1 per type on (type, canonical name) per story, the same for country
 * tags (ISO code per story), primary-country accuracy, tone-label agreement, language accuracy.
 */
public final class GoldEvaluation {

  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldEvaluation() {
  }

  /**
   * The scores of one run.
   *
   * @param stories stories scored
   * @param entitiesByType entity scores per type
   * @param countries country-tag scores
   * @param primaryCountryAccuracy share of stories whose primary country matches (null == null)
   * @param toneAgreement share of English stories whose tone label matches
   * @param languageAccuracy share of stories whose detected language matches
   */
  public record Result(int stories, Map<EntityType, Scores> entitiesByType, Scores countries,
      double primaryCountryAccuracy, double toneAgreement, double languageAccuracy) {

    /** All entity types together (micro-averaged). */
    public Scores entities() {
      return entitiesByType.values().stream().reduce(new Scores(0, 0, 0), Scores::plus);
    }

    /** The report a person reads. */
    public List<String> lines() {
      final List<String> lines = new ArrayList<>();
      lines.add("Gold set: " + stories + " stories");
      entitiesByType.forEach((type, scores) ->
          lines.add(String.format("  entities %-12s %s", type, scores)));
      lines.add(String.format("  entities %-12s %s", "ALL", entities()));
      lines.add(String.format("  countries             %s", countries));
      lines.add(String.format("  primary country       accuracy %.3f", primaryCountryAccuracy));
      lines.add(String.format("  tone label            agreement %.3f", toneAgreement));
      lines.add(String.format("  language              accuracy %.3f", languageAccuracy));
      return lines;
    }
  }

  /** Scores the enricher on the gold set in {@code dir}. */
  public static Result evaluate(final Path dir, final Enricher enricher) throws IOException {
    final Map<String, JsonNode> gold = byId(dir.resolve("annotations.jsonl"));
    final EnrichFile batch = new EnrichFile(enricher, Clock.systemUTC());
    final Map<EntityType, Scores> byType = new EnumMap<>(EntityType.class);
    for (final EntityType type : List.of(EntityType.PERSON, EntityType.ORGANIZATION,
        EntityType.LOCATION, EntityType.MISC)) {
      byType.put(type, new Scores(0, 0, 0));
    }
    Scores countries = new Scores(0, 0, 0);
    int stories = 0;
    int primaryRight = 0;
    int toneRight = 0;
    int toned = 0;
    int languageRight = 0;
    for (final String line : Files.readAllLines(dir.resolve("stories.jsonl"),
        StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      final JsonNode input = JSON.readTree(line);
      final JsonNode expected = gold.get(input.path("id").asText());
      if (expected == null) {
        throw new IllegalArgumentException("No annotation for story " + input.path("id"));
      }
      final EnrichedArticle story = enricher.enrich(batch.article(input));
      stories++;
      for (final EntityType type : byType.keySet()) {
        byType.merge(type, compare(goldEntities(expected, type), predictedEntities(story, type)),
            Scores::plus);
      }
      countries = countries.plus(compare(goldCountries(expected), predictedCountries(story)));
      if (Objects.equals(text(expected, "primaryCountry"), story.getPrimaryCountry())) {
        primaryRight++;
      }
      if (text(expected, "tone") != null) {
        toned++;
        if (story.getTone() != null
            && story.getTone().getLabel().name().equals(text(expected, "tone"))) {
          toneRight++;
        }
      }
      if (Objects.equals(text(expected, "language"), story.getLanguage())) {
        languageRight++;
      }
    }
    return new Result(stories, byType, countries, share(primaryRight, stories),
        share(toneRight, toned), share(languageRight, stories));
  }

  /** Counts of one story's predicted set against its gold set. */
  static Scores compare(final Set<String> gold, final Set<String> predicted) {
    final Set<String> hits = new HashSet<>(predicted);
    hits.retainAll(gold);
    return new Scores(hits.size(), predicted.size() - hits.size(), gold.size() - hits.size());
  }

  private static Set<String> goldEntities(final JsonNode expected, final EntityType type) {
    final Set<String> names = new HashSet<>();
    expected.path("entities").forEach(entity -> {
      if (entity.path("type").asText().equals(type.name())) {
        names.add(entity.path("name").asText());
      }
    });
    return names;
  }

  private static Set<String> predictedEntities(final EnrichedArticle story, final EntityType type) {
    final Set<String> names = new HashSet<>();
    for (final Entity entity : story.getEntities()) {
      if (entity.getType() == type) {
        names.add(entity.getName());
      }
    }
    return names;
  }

  private static Set<String> goldCountries(final JsonNode expected) {
    final Set<String> codes = new HashSet<>();
    expected.path("countries").forEach(code -> codes.add(code.asText()));
    return codes;
  }

  private static Set<String> predictedCountries(final EnrichedArticle story) {
    final Set<String> codes = new HashSet<>();
    for (final CountryTag tag : story.getCountries()) {
      codes.add(tag.getCode());
    }
    return codes;
  }

  private static Map<String, JsonNode> byId(final Path file) throws IOException {
    final Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        final JsonNode node = JSON.readTree(line);
        byId.put(node.path("id").asText(), node);
      }
    }
    return byId;
  }

  private static String text(final JsonNode node, final String field) {
    final JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static double share(final int part, final int whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
