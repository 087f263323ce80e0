package io.wirestream.enrich.batch;

import io.wirestream.schemas.avro.CountryEvidence;
import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.Tone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plain-JSON form of an enriched story used by {@code enrich-file} and {@code eval} (not
 * Avro-JSON with unions). This is a contract: see docs/enrich-file.md before changing a name.
 */
public final class EnrichedJson {

  private EnrichedJson() {
  }

  /** The story as ordered maps and lists, ready for Jackson. */
  public static Map<String, Object> toMap(final EnrichedArticle story) {
    final Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", story.getId());
    json.put("language", story.getLanguage());
    json.put("entities", entities(story.getEntities()));
    json.put("tone", tone(story.getTone()));
    json.put("countries", countries(story.getCountries()));
    json.put("primaryCountry", story.getPrimaryCountry());
    json.put("duplicateOf", story.getDuplicateOf());
    final Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("enricherVersion", story.getProvenance().getEnricherVersion());
    provenance.put("modelIds", story.getProvenance().getModelIds());
    provenance.put("enrichedAt", story.getProvenance().getEnrichedAt().toString());
    provenance.put("processingMicros", story.getProvenance().getProcessingMicros());
    json.put("provenance", provenance);
    return json;
  }

  private static List<Map<String, Object>> entities(final List<Entity> entities) {
    final List<Map<String, Object>> list = new ArrayList<>();
    for (final Entity entity : entities) {
      final Map<String, Object> json = new LinkedHashMap<>();
      json.put("type", entity.getType().name());
      json.put("name", entity.getName());
      json.put("count", entity.getCount());
      json.put("salience", entity.getSalience());
      json.put("tone", entity.getTone());
      json.put("confidence", entity.getConfidence());
      final List<Map<String, Object>> mentions = new ArrayList<>();
      for (final Mention mention : entity.getMentions()) {
        final Map<String, Object> span = span(mention.getField().name(), mention.getStart(),
            mention.getEnd(), mention.getText());
        span.put("confidence", mention.getConfidence());
        mentions.add(span);
      }
      json.put("mentions", mentions);
      list.add(json);
    }
    return list;
  }

  private static Map<String, Object> tone(final Tone tone) {
    if (tone == null) {
      return null;
    }
    final Map<String, Object> json = new LinkedHashMap<>();
    json.put("score", tone.getScore());
    json.put("label", tone.getLabel().name());
    json.put("positive", tone.getPositive());
    json.put("negative", tone.getNegative());
    json.put("polarity", tone.getPolarity());
    json.put("wordCount", tone.getWordCount());
    json.put("confidence", tone.getConfidence());
    return json;
  }

  private static List<Map<String, Object>> countries(final List<CountryTag> tags) {
    final List<Map<String, Object>> list = new ArrayList<>();
    for (final CountryTag tag : tags) {
      final Map<String, Object> json = new LinkedHashMap<>();
      json.put("code", tag.getCode());
      json.put("name", tag.getName());
      json.put("score", tag.getScore());
      final List<Map<String, Object>> evidence = new ArrayList<>();
      for (final CountryEvidence cue : tag.getEvidence()) {
        final Map<String, Object> item = span(cue.getField().name(), cue.getStart(), cue.getEnd(),
            cue.getText());
        item.put("kind", cue.getKind().name());
        evidence.add(item);
      }
      json.put("evidence", evidence);
      list.add(json);
    }
    return list;
  }

  private static Map<String, Object> span(final String field, final int start, final int end,
      final String text) {
    final Map<String, Object> json = new LinkedHashMap<>();
    json.put("field", field.toLowerCase(Locale.ROOT));
    json.put("start", start);
    json.put("end", end);
    json.put("text", text);
    return json;
  }
}
