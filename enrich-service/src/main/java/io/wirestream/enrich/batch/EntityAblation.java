package io.wirestream.enrich.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.entities.EntityLayer;
import io.wirestream.enrich.entities.EntityMerger;
import io.wirestream.enrich.entities.EntityRecognizer;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code wirestream eval --entities}: every step of the entity layer, measured. The rows are the
 * bare CRF, the 0.1 layer, the steps added one by one, and the full layer without each step in
 * turn; the columns are F1 over PERSON, ORGANIZATION and LOCATION on each data set: exact
 * mention spans on the mention-annotated sets (as the CoNLL evaluation counts), canonical names
 * per story on the project's gold set. Every configuration runs through the whole enricher, as
 * {@code enrich-file} does. Then the confidence thresholds of the full layer.
 */
public final class EntityAblation {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double[] THRESHOLDS = {0.0, 0.5, 0.8, 0.9};

  /** A mention-annotated data set. */
  public record MentionSet(String name, List<NerCorpus.Document> documents) {
  }

  /** One configuration: its row label and its steps. */
  record Row(String label, EntityLayer.Steps steps, boolean legacyPlaces) {
  }

  private final NewsEnricher enricher;
  private final EntityRecognizer recognizer;
  private final Predicate<String> countryNames;
  private final Predicate<String> legacyPlaces;

  /**
   * An ablation over one loaded enricher.
   *
   * @param enricher the enricher whose entity layer is swapped per row
   * @param recognizer the CRF
   * @param countryNames country names, as the enricher uses them
   * @param legacyPlaces every unambiguous place name, as 0.1 used them
   */
  public EntityAblation(final NewsEnricher enricher, final EntityRecognizer recognizer,
      final Predicate<String> countryNames, final Predicate<String> legacyPlaces) {
    this.enricher = enricher;
    this.recognizer = recognizer;
    this.countryNames = countryNames;
    this.legacyPlaces = legacyPlaces;
  }

  /** The rows: bare, 0.1, each step added in turn, then all without each step. */
  static List<Row> rows() {
    final EntityMerger.Options none = EntityMerger.Options.NONE;
    final List<Row> rows = new ArrayList<>();
    rows.add(new Row("bare CRF", EntityLayer.Steps.BARE, false));
    rows.add(new Row("0.1 layer (places retyped, one type per name)", EntityLayer.Steps.LEGACY,
        true));
    final boolean[] on = new boolean[8];
    final String[] names = {"line breaks end sentences", "wire lines (datelines, results)",
        "country names are places", "person joins", "company short names", "acronym joins",
        "document vote"};
    for (int step = 0; step < names.length; step++) {
      on[step] = true;
      rows.add(new Row("+ " + names[step], steps(on), false));
    }
    for (int step = 0; step < names.length; step++) {
      final boolean[] without = on.clone();
      without[step] = false;
      rows.add(new Row("all without " + names[step], steps(without), false));
    }
    rows.add(new Row("all (the enricher)", EntityLayer.Steps.DEFAULT, false));
    return rows;
  }

  private static EntityLayer.Steps steps(final boolean[] on) {
    return new EntityLayer.Steps(on[0], on[1], on[2],
        new EntityMerger.Options(on[3], on[5], on[4], on[6], false));
  }

  /** The ablation table and the thresholds, as markdown lines. */
  public List<String> report(final Path goldDir, final List<MentionSet> sets) throws IOException {
    final List<String> lines = new ArrayList<>();
    final StringBuilder header = new StringBuilder("| configuration |");
    final StringBuilder rule = new StringBuilder("|---|");
    if (goldDir != null) {
      header.append(" gold set (names) F1 | P / O / L |");
      rule.append("---|---|");
    }
    for (final MentionSet set : sets) {
      header.append(' ').append(set.name()).append(" (mentions) F1 | P / O / L |");
      rule.append("---|---|");
    }
    lines.add(header.toString());
    lines.add(rule.toString());
    for (final Row row : rows()) {
      final NewsEnricher configured = enricher.withEntityLayer(new EntityLayer(recognizer,
          row.legacyPlaces() ? legacyPlaces : countryNames, row.steps()));
      final StringBuilder line = new StringBuilder("| ").append(row.label()).append(" |");
      if (goldDir != null) {
        final Map<EntityType, Scores> names = new LinkedHashMap<>(
            GoldEvaluation.evaluate(goldDir, configured).entitiesByType());
        names.remove(EntityType.MISC);
        cells(line, names);
      }
      for (final MentionSet set : sets) {
        cells(line, MentionEvaluation.score(set.documents(), d -> entities(configured, d)));
      }
      lines.add(line.toString());
    }
    lines.add("");
    lines.addAll(thresholds(sets));
    return lines;
  }

  /** Precision, recall and F1 of the full layer's mentions of entities at each confidence. */
  List<String> thresholds(final List<MentionSet> sets) {
    final List<String> lines = new ArrayList<>();
    lines.add("| entity confidence at least | " + String.join(" | ",
        sets.stream().map(s -> s.name() + " P / R / F1").toList()) + " |");
    lines.add("|---|" + "---|".repeat(sets.size()));
    for (final double threshold : THRESHOLDS) {
      final StringBuilder line = new StringBuilder(String.format("| %.1f |", threshold));
      for (final MentionSet set : sets) {
        final Scores s = MentionEvaluation.micro(MentionEvaluation.score(set.documents(),
            d -> entities(enricher, d).stream().filter(e -> e.getConfidence() != null
                && e.getConfidence() >= threshold).toList()));
        line.append(String.format(" %.3f / %.3f / %.3f |", s.precision(), s.recall(), s.f1()));
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static List<Entity> entities(final NewsEnricher configured,
      final NerCorpus.Document document) {
    final ObjectNode line = JSON.createObjectNode()
        .put("id", document.id())
        .put("headline", document.headline())
        .put("body", document.body());
    return configured.enrich(new EnrichFile(configured, Clock.systemUTC()).article(line))
        .getEntities();
  }

  private static void cells(final StringBuilder line, final Map<EntityType, Scores> byType) {
    line.append(String.format(" %.3f | %.3f / %.3f / %.3f |",
        MentionEvaluation.micro(byType).f1(),
        byType.get(EntityType.PERSON).f1(), byType.get(EntityType.ORGANIZATION).f1(),
        byType.get(EntityType.LOCATION).f1()));
  }
}
