package io.wirestream.enrich;

import io.wirestream.schemas.Topics;
import io.wirestream.schemas.registry.SchemaRegistryConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything the enrich-service topology and app need, built once from the command line and the
 * environment. Tests derive copies ({@code withStateDir}, {@code withTopicPrefix}).
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param schemaRegistryUrl registry base URL(s); {@code mock://scope} in driver tests
 * @param applicationId Streams application id (consumer group, internal topic prefix)
 * @param clientProperties extra Kafka and registry settings (TLS, SASL, basic auth), applied last
 * @param topics the topics read and written
 * @param stateDir where the state stores live
 * @param streamThreads stream threads in this instance
 * @param trendWindow tumbling window of the per-country trends
 * @param trendGrace how late a story may arrive and still count in its window
 * @param dedupeRetention how long a content hash is remembered to mark duplicates
 * @param maxBodyChars longest body enriched; longer ones are dead-lettered
 */
public record EnrichConfig(String bootstrapServers, String schemaRegistryUrl, String applicationId,
    Map<String, String> clientProperties, TopicNames topics, Path stateDir, int streamThreads,
    Duration trendWindow, Duration trendGrace, Duration dedupeRetention, int maxBodyChars) {

  /**
   * Longest body enriched by default. An enriched record is about 2.4 bytes per body character
   * (entities, offsets), so 200,000 characters stay well under Kafka's default 1 MB record limit,
   * and enrich in about a second, well inside the exactly-once transaction timeout.
   */
  public static final int DEFAULT_MAX_BODY_CHARS = 200_000;

  /** Default application id. */
  public static final String DEFAULT_APPLICATION_ID = "wirestream-enrich";

  public EnrichConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    Objects.requireNonNull(applicationId, "applicationId");
    clientProperties = Map.copyOf(clientProperties);
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(stateDir, "stateDir");
    if (streamThreads < 1) {
      throw new IllegalArgumentException("streamThreads must be >= 1");
    }
  }

  /**
   * The topics of the pipeline.
   *
   * @param raw input
   * @param enriched every enriched story; tombstones for canceled and withheld ones
   * @param byCountry one record per tagged country
   * @param entityMentions one record per entity
   * @param trends windowed per-country aggregates
   * @param deadLetters what could not be read or enriched
   */
  public record TopicNames(String raw, String enriched, String byCountry, String entityMentions,
      String trends, String deadLetters) {

    /** The standard names. */
    public static TopicNames standard() {
      return new TopicNames(Topics.RAW.name(), Topics.ENRICHED.name(), Topics.BY_COUNTRY.name(),
          Topics.ENTITY_MENTIONS.name(), Topics.TRENDS.name(), Topics.DLQ.name());
    }

    /** Every name with a prefix, e.g. for one test's own topics. */
    public TopicNames withPrefix(final String prefix) {
      return new TopicNames(prefix + raw, prefix + enriched, prefix + byCountry,
          prefix + entityMentions, prefix + trends, prefix + deadLetters);
    }
  }

  /** Defaults for a cluster at the given addresses. */
  public static EnrichConfig of(final String bootstrapServers, final String schemaRegistryUrl,
      final Path stateDir) {
    return new EnrichConfig(bootstrapServers, schemaRegistryUrl, DEFAULT_APPLICATION_ID,
        Map.of(), TopicNames.standard(), stateDir, 2, Duration.ofMinutes(15),
        Duration.ofMinutes(5), Duration.ofDays(7), DEFAULT_MAX_BODY_CHARS);
  }

  /** A copy with another application id. */
  public EnrichConfig withApplicationId(final String id) {
    return new EnrichConfig(bootstrapServers, schemaRegistryUrl, id, clientProperties, topics,
        stateDir, streamThreads, trendWindow, trendGrace, dedupeRetention, maxBodyChars);
  }

  /** A copy with other topics. */
  public EnrichConfig withTopics(final TopicNames names) {
    return new EnrichConfig(bootstrapServers, schemaRegistryUrl, applicationId, clientProperties,
        names, stateDir, streamThreads, trendWindow, trendGrace, dedupeRetention, maxBodyChars);
  }

  /** A copy with another state directory. */
  public EnrichConfig withStateDir(final Path dir) {
    return new EnrichConfig(bootstrapServers, schemaRegistryUrl, applicationId, clientProperties,
        topics, dir, streamThreads, trendWindow, trendGrace, dedupeRetention, maxBodyChars);
  }

  /** A copy with other client properties. */
  public EnrichConfig withClientProperties(final Map<String, String> properties) {
    return new EnrichConfig(bootstrapServers, schemaRegistryUrl, applicationId, properties,
        topics, stateDir, streamThreads, trendWindow, trendGrace, dedupeRetention, maxBodyChars);
  }

  /** A copy with another body limit. */
  public EnrichConfig withMaxBodyChars(final int chars) {
    return new EnrichConfig(bootstrapServers, schemaRegistryUrl, applicationId, clientProperties,
        topics, stateDir, streamThreads, trendWindow, trendGrace, dedupeRetention, chars);
  }

  /** Streams settings: exactly-once v2, the state dir, threads; the user's properties win. */
  public Properties streamsProperties() {
    final Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
    // Exactly-once commits every 100 ms by default; keep it, it bounds end-to-end latency.
    // A slow story (a long body) must not abort the transaction it is part of.
    props.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), "60000");
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.putAll(SchemaRegistryConfig.kafkaProperties(clientProperties));
    return props;
  }

  /** Settings of the registry client and serdes. */
  public Map<String, Object> registryProperties() {
    return SchemaRegistryConfig.registryProperties(schemaRegistryUrl, clientProperties);
  }
}
