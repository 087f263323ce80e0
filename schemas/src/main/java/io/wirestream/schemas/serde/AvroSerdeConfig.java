package io.wirestream.schemas.serde;

import io.wirestream.schemas.registry.SchemaRegistryConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Serde settings, read from the same keys as Confluent's Avro serdes.
 *
 * @param registry how to reach the registry
 * @param autoRegisterSchemas {@code auto.register.schemas} (default true): register the record's
 *     schema on first use; when false, look up its id and fail if it is not registered
 * @param useLatestVersion {@code use.latest.version} (default false): write with the subject's
 *     latest schema (needs auto.register.schemas=false)
 * @param specificAvroReader {@code specific.avro.reader} (default false): read into generated
 *     classes rather than {@code GenericRecord}
 */
public record AvroSerdeConfig(SchemaRegistryConfig registry, boolean autoRegisterSchemas,
    boolean useLatestVersion, boolean specificAvroReader) {

  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  /** Reads the configuration a Kafka client passes to {@code configure}. */
  public static AvroSerdeConfig fromConfigs(final Map<String, ?> configs) {
    final boolean autoRegister = flag(configs, AUTO_REGISTER_SCHEMAS, true);
    final boolean useLatest = flag(configs, USE_LATEST_VERSION, false);
    if (autoRegister && useLatest) {
      throw new ConfigException(USE_LATEST_VERSION
          + "=true needs auto.register.schemas=false: the writer uses the registered schema");
    }
    return new AvroSerdeConfig(SchemaRegistryConfig.fromConfigs(configs), autoRegister, useLatest,
        flag(configs, SPECIFIC_AVRO_READER, false));
  }

  private static boolean flag(final Map<String, ?> configs, final String key,
      final boolean fallback) {
    final Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    final String text = value.toString().trim();
    if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(key, value, "expected true or false");
  }
}
