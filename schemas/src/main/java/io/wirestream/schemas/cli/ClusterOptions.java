package io.wirestream.schemas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * How a Wirestream command reaches the cluster, as a picocli mixin shared by every app. Each flag
 * also comes from an environment variable (the flag wins). Security settings (TLS, SASL) go in
 * {@code --command-config} or {@code --kafka-config} and pass to the clients unchanged.
 */
public final class ClusterOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      defaultValue = "${env:WIRESTREAM_BOOTSTRAP_SERVERS}",
      description = "Kafka bootstrap servers (env WIRESTREAM_BOOTSTRAP_SERVERS).")
  private String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL",
      defaultValue = "${env:WIRESTREAM_SCHEMA_REGISTRY_URL}",
      description = "Schema registry URL(s) (env WIRESTREAM_SCHEMA_REGISTRY_URL).")
  private String schemaRegistryUrl;

  @Option(names = "--command-config", paramLabel = "FILE",
      defaultValue = "${env:WIRESTREAM_COMMAND_CONFIG}",
      description = "Properties file of client settings, e.g. security.protocol, sasl.*, ssl.*,"
          + " basic.auth.user.info (env WIRESTREAM_COMMAND_CONFIG).")
  private Path commandConfig;

  @Option(names = "--kafka-config", paramLabel = "KEY=VALUE",
      description = "One client setting; repeatable; wins over --command-config.")
  private Map<String, String> kafkaConfig = new LinkedHashMap<>();

  /** The bootstrap servers, or null when neither flag nor env var gave them. */
  public String bootstrapServers() {
    return blankToNull(bootstrapServers);
  }

  /** The registry URL, or null when neither flag nor env var gave it. */
  public String schemaRegistryUrl() {
    return blankToNull(schemaRegistryUrl);
  }

  /** Settings from {@code --command-config}, then {@code --kafka-config}. */
  public Map<String, String> clientProperties() {
    final Map<String, String> properties = new LinkedHashMap<>();
    if (commandConfig != null) {
      final Properties file = new Properties();
      try (InputStream in = Files.newInputStream(commandConfig)) {
        file.load(in);
      } catch (final IOException e) {
        throw new UncheckedIOException("Cannot read --command-config " + commandConfig, e);
      }
      file.stringPropertyNames().forEach(key -> properties.put(key, file.getProperty(key)));
    }
    properties.putAll(kafkaConfig);
    return properties;
  }

  private static String blankToNull(final String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
