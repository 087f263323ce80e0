package io.wirestream.enrich.topology;

import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.CountryTrend;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityCount;
import io.wirestream.schemas.avro.EntityMention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/** From one enriched story to the records of the fan-out topics. Pure functions. */
final class Fanout {

  /** Entities of a story counted into its country trends: the most salient ones. */
  static final int TREND_ENTITIES_PER_STORY = 10;

  private Fanout() {
  }

  /** The record key of an entity: {@code TYPE:Canonical Name}. */
  static String entityKey(final Entity entity) {
    return entity.getType() + ":" + entity.getName();
  }

  /** One record per tagged country, keyed by its ISO code. */
  static List<KeyValue<String, EnrichedArticle>> byCountry(final EnrichedArticle story) {
    final List<KeyValue<String, EnrichedArticle>> records = new ArrayList<>();
    for (final CountryTag tag : story.getCountries()) {
      records.add(KeyValue.pair(tag.getCode(), story));
    }
    return records;
  }

  /** One record per entity, keyed by {@code TYPE:Canonical Name}. */
  static List<KeyValue<String, EntityMention>> mentions(final EnrichedArticle story) {
    final List<String> countries = story.getCountries().stream().map(CountryTag::getCode).toList();
    final List<KeyValue<String, EntityMention>> records = new ArrayList<>();
    for (final Entity entity : story.getEntities()) {
      final String key = entityKey(entity);
      records.add(KeyValue.pair(key, EntityMention.newBuilder()
          .setEntityKey(key)
          .setType(entity.getType())
          .setName(entity.getName())
          .setArticleId(story.getId())
          .setArticleVersion(story.getVersion())
          .setHeadline(story.getHeadline())
          .setPublishedAt(story.getPublishedAt())
          .setCountries(countries)
          .setPrimaryCountry(story.getPrimaryCountry())
          .setCount(entity.getCount())
          .setSalience(entity.getSalience())
          .setTone(entity.getTone())
          .setMentions(entity.getMentions())
          .setEnrichedAt(story.getProvenance().getEnrichedAt())
          .build()));
    }
    return records;
  }

  /**
   * One trend delta per tagged country: this story alone, to be merged into the country's window
   * by {@link TrendMerger}. Window bounds are filled in when the window is written out.
   */
  static List<KeyValue<String, CountryTrend>> trendDeltas(final EnrichedArticle story) {
    final List<EntityCount> entities = new ArrayList<>();
    for (final Entity entity : story.getEntities()) {
      if (entities.size() == TREND_ENTITIES_PER_STORY) {
        break;
      }
      entities.add(new EntityCount(entity.getType(), entity.getName(), 1L));
    }
    final boolean toned = story.getTone() != null;
    final List<KeyValue<String, CountryTrend>> deltas = new ArrayList<>();
    for (final CountryTag tag : story.getCountries()) {
      deltas.add(KeyValue.pair(tag.getCode(), CountryTrend.newBuilder()
          .setCountry(tag.getCode())
          .setWindowStart(Instant.EPOCH)
          .setWindowEnd(Instant.EPOCH)
          .setStoryCount(1)
          .setToneSum(toned ? story.getTone().getScore() : 0.0)
          .setTonedStoryCount(toned ? 1 : 0)
          .setMeanTone(toned ? story.getTone().getScore() : null)
          .setTopEntities(entities)
          .setUpdatedAt(story.getProvenance().getEnrichedAt())
          .build()));
    }
    return deltas;
  }
}
