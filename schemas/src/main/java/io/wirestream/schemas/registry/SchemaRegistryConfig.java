package io.wirestream.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * How to reach the schema registry. Built from the same configuration keys as Confluent's
 * serializers, so existing client configs work unchanged.
 *
 * @param urls one or more base URLs, tried in order; {@code mock://scope} selects an in-memory
 *     registry for unit tests
 * @param userInfo {@code user:password} for HTTP basic auth, if any
 * @param maxRetries extra attempts after the first when the registry cannot be reached or is
 *     overloaded (I/O error, 408, 429, 5xx)
 * @param retryBackoff wait before the first retry; doubled for each further one
 * @param requestTimeout timeout of a single HTTP request
 * @param trustStore what an {@code https://} registry's certificate is checked against; empty for
 *     the JVM's default trust store
 */
public record SchemaRegistryConfig(List<URI> urls, Optional<String> userInfo, int maxRetries,
    Duration retryBackoff, Duration requestTimeout, Optional<RegistryTrustStore> trustStore) {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String MAX_RETRIES = "schema.registry.max.retries";
  public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  public SchemaRegistryConfig {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL + " must name at least one URL");
    }
    Objects.requireNonNull(userInfo, "userInfo");
    Objects.requireNonNull(trustStore, "trustStore");
    if (maxRetries < 0) {
      throw new ConfigException(MAX_RETRIES, maxRetries, "must be >= 0");
    }
  }

  /** One URL, no auth, default retries. */
  public static SchemaRegistryConfig of(final String url) {
    return fromConfigs(Map.of(SCHEMA_REGISTRY_URL, url));
  }

  /** Reads the Confluent-compatible keys; unknown keys are ignored (they belong to Kafka). */
  public static SchemaRegistryConfig fromConfigs(final Map<String, ?> configs) {
    final Object rawUrls = configs.get(SCHEMA_REGISTRY_URL);
    if (rawUrls == null || rawUrls.toString().isBlank()) {
      throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
          + "\" (e.g. http://127.0.0.1:8081)");
    }
    final List<URI> urls = new ArrayList<>();
    for (final String url : splitUrls(rawUrls)) {
      try {
        final URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (uri.getScheme() == null || uri.getHost() == null && !"mock".equals(uri.getScheme())) {
          throw new IllegalArgumentException("no scheme or host");
        }
        urls.add(uri);
      } catch (final IllegalArgumentException e) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, url, "not a URL: " + e.getMessage());
      }
    }
    return new SchemaRegistryConfig(urls, userInfo(configs, urls),
        intValue(configs, MAX_RETRIES, 3),
        Duration.ofMillis(intValue(configs, RETRY_BACKOFF_MS, 100)),
        Duration.ofMillis(intValue(configs, REQUEST_TIMEOUT_MS, 10_000)),
        RegistryTrustStore.fromConfigs(configs));
  }

  /**
   * True for the settings that belong to the registry client and serdes rather than to Kafka
   * clients, so one properties file can carry both.
   */
  public static boolean isRegistryKey(final String key) {
    return key.startsWith("schema.registry.") || key.startsWith("basic.auth.")
        || key.equals("auto.register.schemas") || key.equals("use.latest.version")
        || key.equals("specific.avro.reader");
  }

  /** The registry settings among client properties, with the given registry URL. */
  public static Map<String, Object> registryProperties(final String url,
      final Map<String, String> clientProperties) {
    final Map<String, Object> props = new HashMap<>();
    clientProperties.forEach((key, value) -> {
      if (isRegistryKey(key)) {
        props.put(key, value);
      }
    });
    props.put(SCHEMA_REGISTRY_URL, url);
    return props;
  }

  /** The Kafka client settings among client properties: everything that is not a registry key. */
  public static Map<String, String> kafkaProperties(final Map<String, String> clientProperties) {
    final Map<String, String> kafka = new LinkedHashMap<>();
    clientProperties.forEach((key, value) -> {
      if (!isRegistryKey(key)) {
        kafka.put(key, value);
      }
    });
    return kafka;
  }

  /** True for {@code mock://scope} URLs. */
  public boolean isMock() {
    return "mock".equals(urls.get(0).getScheme());
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "SchemaRegistryConfig[urls=" + urls.stream().map(u -> u.getUserInfo() == null
        ? u.toString() : u.toString().replace(u.getRawUserInfo() + "@", "***@")).toList()
        + ", basicAuth=" + userInfo.isPresent() + ", maxRetries=" + maxRetries
        + ", retryBackoff=" + retryBackoff + ", requestTimeout=" + requestTimeout
        + trustStore.map(store -> ", trustStore=" + store).orElse("") + "]";
  }

  /** A copy with other retry settings. */
  public SchemaRegistryConfig withRetries(final int retries, final Duration backoff) {
    return new SchemaRegistryConfig(urls, userInfo, retries, backoff, requestTimeout, trustStore);
  }

  private static List<String> splitUrls(final Object raw) {
    if (raw instanceof List<?> list) {
      return list.stream().map(Object::toString).map(String::trim).toList();
    }
    return List.of(raw.toString().split("\\s*,\\s*"));
  }

  /**
   * Basic-auth credentials. As in Confluent's client, {@code URL} (the default) takes
   * {@code user:password@} from the first URL; {@code USER_INFO} takes {@code basic.auth.user.info}.
   * With no source set and no credentials in the URL, {@code basic.auth.user.info} is still used,
   * since setting it and forgetting the source is the common mistake.
   */
  private static Optional<String> userInfo(final Map<String, ?> configs, final List<URI> urls) {
    final Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
    final String mode = source == null ? "" : source.toString().trim().toUpperCase(Locale.ROOT);
    final Optional<String> fromUrl = Optional.ofNullable(urls.get(0).getUserInfo());
    final Object info = configs.get(BASIC_AUTH_USER_INFO);
    final Optional<String> fromUserInfo = info == null || info.toString().isBlank()
        ? Optional.empty() : Optional.of(info.toString());
    return switch (mode) {
      case "" -> fromUrl.or(() -> fromUserInfo);
      case "URL" -> fromUrl;
      case "USER_INFO" -> {
        if (fromUserInfo.isEmpty()) {
          throw new ConfigException(BASIC_AUTH_USER_INFO
              + " must be set when basic.auth.credentials.source=USER_INFO");
        }
        yield fromUserInfo;
      }
      default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source,
          "supported values are URL and USER_INFO");
    };
  }

  private static int intValue(final Map<String, ?> configs, final String key, final int fallback) {
    final Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
    } catch (final NumberFormatException e) {
      throw new ConfigException(key, value, "not an integer");
    }
  }
}
