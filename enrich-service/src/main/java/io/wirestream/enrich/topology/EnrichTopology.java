package io.wirestream.enrich.topology;

import io.wirestream.enrich.EnrichConfig;
import io.wirestream.enrich.Enricher;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.CountryTrend;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.EntityMention;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The enrich-service topology, built by one pure function:
 *
 * <pre>
 * news.raw.v1 (bytes) -> decode -> gate (re-sends, versions, cancels, embargo, duplicates)
 *   -> enrich -> news.enriched.v1 (key: id; tombstone for canceled/withheld)
 *               -> news.by-country.v1 (key: ISO code, one per tagged country)
 *               -> news.entity-mentions.v1 (key: TYPE:Name)
 *               -> per-country tumbling windows -> news.trends.v1 (key: CODE@window start)
 *   failures at decode or enrich -> news.dlq.v1
 * </pre>
 *
 * Every processor, store and repartition is named, so internal topic names survive refactoring.
 */
public final class EnrichTopology {

  /** How long past windows stay in the trends store for queries. */
  static final Duration TREND_RETENTION = Duration.ofDays(1);

  private EnrichTopology() {
  }

  /** Builds the topology without exported metrics; no I/O, no KafkaStreams. */
  public static Topology build(final EnrichConfig config, final Enricher enricher) {
    return build(config, enricher, EnrichMetrics.none());
  }

  /** Builds the topology, counting into {@code metrics}; no I/O, no KafkaStreams. */
  public static Topology build(final EnrichConfig config, final Enricher enricher,
      final EnrichMetrics metrics) {
    final Map<String, Object> registry = config.registryProperties();
    final SpecificAvroSerde<RawArticle> rawSerde = WirestreamSerdes.valueSerde(Topics.RAW, registry);
    final SpecificAvroSerde<EnrichedArticle> enrichedSerde =
        WirestreamSerdes.valueSerde(Topics.ENRICHED, registry);
    final SpecificAvroSerde<EntityMention> mentionSerde =
        WirestreamSerdes.valueSerde(Topics.ENTITY_MENTIONS, registry);
    final SpecificAvroSerde<CountryTrend> trendSerde =
        WirestreamSerdes.valueSerde(Topics.TRENDS, registry);
    final SpecificAvroSerde<DeadLetter> deadLetterSerde =
        WirestreamSerdes.valueSerde(Topics.DLQ, registry);
    final EnrichConfig.TopicNames topics = config.topics();

    final StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.ARTICLE_VERSIONS), Serdes.String(),
        Serdes.String()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.CONTENT_HASHES), Serdes.String(),
        Serdes.String()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.EMBARGOED), Serdes.String(), rawSerde));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.LATEST_ARTICLES), Serdes.String(),
        enrichedSerde));

    final KStream<String, Step<EnrichedArticle>> enrichedSteps = builder
        .stream(topics.raw(), Consumed.with(Serdes.String(), Serdes.ByteArray())
            .withName("read-raw"))
        .process(() -> new DecodeProcessor(rawSerde.deserializer(), metrics), Named.as("decode"))
        .process(() -> new GateProcessor(config.dedupeRetention(), metrics), Named.as("gate"),
            StoreNames.ARTICLE_VERSIONS, StoreNames.CONTENT_HASHES, StoreNames.EMBARGOED)
        .process(() -> new EnrichProcessor(enricher, rawSerde.serializer(), topics.raw(),
            config.maxBodyChars(), metrics), Named.as("enrich"), StoreNames.ARTICLE_VERSIONS);

    final Map<String, KStream<String, Step<EnrichedArticle>>> branches = enrichedSteps
        .split(Named.as("outcome-"))
        .branch((id, step) -> step.isFailed(), Branched.as("failed"))
        .defaultBranch(Branched.as("enriched"));

    branches.get("outcome-failed")
        .mapValues(Step::deadLetter, Named.as("to-dead-letter"))
        .to(topics.deadLetters(), Produced.with(Serdes.String(), deadLetterSerde)
            .withName("write-dead-letters"));

    final KStream<String, EnrichedArticle> enriched = branches.get("outcome-enriched")
        .mapValues(Step::value, Named.as("unwrap-enriched"));
    enriched.to(topics.enriched(), Produced.with(Serdes.String(), enrichedSerde)
        .withName("write-enriched"));
    // Kept for GET /v1/articles/{id}, without a repartition (see LatestArticleProcessor).
    enriched.process(LatestArticleProcessor::new, Named.as("keep-latest-article"),
        StoreNames.LATEST_ARTICLES);

    final KStream<String, EnrichedArticle> stories =
        enriched.filter((id, story) -> story != null, Named.as("skip-tombstones"));
    stories.flatMap((id, story) -> Fanout.byCountry(story), Named.as("fan-out-countries"))
        .to(topics.byCountry(), Produced.with(Serdes.String(), enrichedSerde)
            .withName("write-by-country"));
    stories.flatMap((id, story) -> Fanout.mentions(story), Named.as("fan-out-entities"))
        .to(topics.entityMentions(), Produced.with(Serdes.String(), mentionSerde)
            .withName("write-entity-mentions"));

    stories.process(TrendDeltaProcessor::new, Named.as("trend-deltas"))
        .groupByKey(Grouped.with("by-country", Serdes.String(), trendSerde))
        .windowedBy(TimeWindows.ofSizeAndGrace(config.trendWindow(), config.trendGrace()))
        .reduce(TrendMerger::merge, Named.as("merge-trends"),
            Materialized.<String, CountryTrend, WindowStore<Bytes, byte[]>>as(
                StoreNames.COUNTRY_TRENDS).withKeySerde(Serdes.String())
                .withValueSerde(trendSerde)
                // A day of windows stays queryable, not just the open ones.
                .withRetention(TREND_RETENTION.plus(config.trendWindow())))
        .toStream(Named.as("trend-updates"))
        .map(EnrichTopology::windowedTrend, Named.as("window-bounds"))
        .to(topics.trends(), Produced.with(Serdes.String(), trendSerde).withName("write-trends"));

    return builder.build();
  }

  /** Key {@code CODE@window start}, and the window bounds written into the value. */
  static KeyValue<String, CountryTrend> windowedTrend(final Windowed<String> window,
      final CountryTrend trend) {
    final CountryTrend bounded = CountryTrend.newBuilder(trend)
        .setWindowStart(window.window().startTime())
        .setWindowEnd(window.window().endTime())
        .build();
    return KeyValue.pair(window.key() + "@" + window.window().startTime(), bounded);
  }
}
