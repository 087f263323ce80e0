package io.wirestream.schemas;

import io.wirestream.schemas.avro.CountryTrend;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.EntityMention;
import io.wirestream.schemas.avro.RawArticle;
import java.util.List;

/** Every topic of the pipeline, with its key and value contract. All keys are UTF-8 strings. */
public final class Topics {

  /** Wire stories as ingested, one record per version. */
  public static final TopicSpec<RawArticle> RAW = new TopicSpec<>(
      "news.raw.v1", "article id", RawArticle.class, RawArticle.getClassSchema());

  /** Every enriched story; a CANCELED story is a tombstone. */
  public static final TopicSpec<EnrichedArticle> ENRICHED = new TopicSpec<>(
      "news.enriched.v1", "article id", EnrichedArticle.class, EnrichedArticle.getClassSchema());

  /** One record per tagged country of each enriched story. */
  public static final TopicSpec<EnrichedArticle> BY_COUNTRY = new TopicSpec<>(
      "news.by-country.v1", "ISO 3166-1 alpha-2 code", EnrichedArticle.class,
      EnrichedArticle.getClassSchema());

  /** One record per entity of each enriched story. */
  public static final TopicSpec<EntityMention> ENTITY_MENTIONS = new TopicSpec<>(
      "news.entity-mentions.v1", "TYPE:Canonical Name", EntityMention.class,
      EntityMention.getClassSchema());

  /** Windowed per-country aggregates. */
  public static final TopicSpec<CountryTrend> TRENDS = new TopicSpec<>(
      "news.trends.v1", "ISO code@window start", CountryTrend.class, CountryTrend.getClassSchema());

  /** Input that could not be processed, from both services. */
  public static final TopicSpec<DeadLetter> DLQ = new TopicSpec<>(
      "news.dlq.v1", "original key", DeadLetter.class, DeadLetter.getClassSchema());

  private static final List<TopicSpec<?>> ALL =
      List.of(RAW, ENRICHED, BY_COUNTRY, ENTITY_MENTIONS, TRENDS, DLQ);

  private Topics() {
  }

  /** All topics, in pipeline order. */
  public static List<TopicSpec<?>> all() {
    return ALL;
  }
}
