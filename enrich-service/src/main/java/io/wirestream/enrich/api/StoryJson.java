package io.wirestream.enrich.api;

import io.wirestream.enrich.batch.EnrichedJson;
import io.wirestream.schemas.avro.CountryTrend;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.EntityCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON bodies of the query API. */
final class StoryJson {

  private StoryJson() {
  }

  /** The enrich-file contract plus the story's own fields. */
  static Map<String, Object> article(final EnrichedArticle story) {
    final Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", story.getId());
    json.put("version", story.getVersion());
    json.put("source", story.getSource());
    json.put("headline", story.getHeadline());
    json.put("dateline", story.getDateline());
    json.put("url", story.getUrl());
    json.put("publishedAt", story.getPublishedAt() == null ? null
        : story.getPublishedAt().toString());
    json.put("body", story.getBody());
    EnrichedJson.toMap(story).forEach(json::putIfAbsent);
    return json;
  }

  static Map<String, Object> trend(final CountryTrend trend) {
    final Map<String, Object> json = new LinkedHashMap<>();
    json.put("country", trend.getCountry());
    json.put("windowStart", trend.getWindowStart().toString());
    json.put("windowEnd", trend.getWindowEnd().toString());
    json.put("storyCount", trend.getStoryCount());
    json.put("meanTone", trend.getMeanTone());
    json.put("topEntities", entities(trend.getTopEntities()));
    return json;
  }

  static List<Map<String, Object>> entities(final List<EntityCount> entities) {
    final List<Map<String, Object>> list = new ArrayList<>();
    for (final EntityCount entity : entities) {
      final Map<String, Object> json = new LinkedHashMap<>();
      json.put("type", entity.getType().name());
      json.put("name", entity.getName());
      json.put("stories", entity.getStories());
      list.add(json);
    }
    return list;
  }
}
