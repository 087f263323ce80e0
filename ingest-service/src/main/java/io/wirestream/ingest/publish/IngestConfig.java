package io.wirestream.ingest.publish;

import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.registry.SchemaRegistryConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Everything ingest-service needs to reach Kafka and the registry, built once from the command line
 * and environment. Client security settings (TLS, SASL) in {@code clientProperties} pass through to
 * every Kafka client unchanged; {@code schema.registry.*} and {@code basic.auth.*} keys go to the
 * registry client.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param schemaRegistryUrl registry base URL(s)
 * @param clientProperties extra Kafka client and registry settings, applied last
 * @param rawTopic where stories go
 * @param deadLetterTopic where unreadable input goes
 * @param partitions partitions of topics created on start
 * @param replicationFactor replication factor of topics created on start; empty for the broker's
 *     default
 * @param createTopics whether to create missing topics on start (existing ones are never touched)
 * @param parser parser limits and time zone
 */
public record IngestConfig(String bootstrapServers, String schemaRegistryUrl,
    Map<String, String> clientProperties, String rawTopic, String deadLetterTopic, int partitions,
    Optional<Short> replicationFactor, boolean createTopics, ParserConfig parser) {

  public IngestConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    clientProperties = Map.copyOf(clientProperties);
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
  }

  /** Defaults for a cluster at the given addresses. */
  public static IngestConfig of(final String bootstrapServers, final String schemaRegistryUrl) {
    return new IngestConfig(bootstrapServers, schemaRegistryUrl, Map.of(), Topics.RAW.name(),
        Topics.DLQ.name(), 6, Optional.empty(), true, ParserConfig.defaults());
  }

  /** A copy with other client properties. */
  public IngestConfig withClientProperties(final Map<String, String> properties) {
    return new IngestConfig(bootstrapServers, schemaRegistryUrl, properties, rawTopic,
        deadLetterTopic, partitions, replicationFactor, createTopics, parser);
  }

  /** A copy with other topic names. */
  public IngestConfig withTopics(final String raw, final String deadLetter) {
    return new IngestConfig(bootstrapServers, schemaRegistryUrl, clientProperties, raw, deadLetter,
        partitions, replicationFactor, createTopics, parser);
  }

  /** A copy with other parser settings. */
  public IngestConfig withParser(final ParserConfig parserConfig) {
    return new IngestConfig(bootstrapServers, schemaRegistryUrl, clientProperties, rawTopic,
        deadLetterTopic, partitions, replicationFactor, createTopics, parserConfig);
  }

  /**
   * Producer settings: idempotent, {@code acks=all}, zstd, and batches sized for 2-8 KB stories
   * (20 ms linger, 512 KB batches); the user's properties win.
   */
  public Properties producerProperties() {
    final Properties props = new Properties();
    props.putAll(commonClientProperties());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(64L * 1024 * 1024));
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(16 * 1024 * 1024));
    props.putAll(SchemaRegistryConfig.kafkaProperties(clientProperties));
    return props;
  }

  /** Settings every Kafka client gets: the bootstrap servers and the user's client properties. */
  public Properties commonClientProperties() {
    final Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.putAll(SchemaRegistryConfig.kafkaProperties(clientProperties));
    return props;
  }

  /** Settings of the registry client and serdes. */
  public Map<String, Object> registryProperties() {
    return SchemaRegistryConfig.registryProperties(schemaRegistryUrl, clientProperties);
  }
}
