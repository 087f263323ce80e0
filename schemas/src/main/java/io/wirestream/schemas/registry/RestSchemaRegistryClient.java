package io.wirestream.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.schemas.compat.AvroCompatibility;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the Confluent schema registry REST API v7 (also served by Apicurio, Karapace and
 * Redpanda). Ids and schemas are cached for the life of the client; lookups of the latest version
 * are not, since they change. Transient failures (I/O errors, 408, 429, 5xx) are retried a bounded
 * number of times across all configured URLs; everything else fails at once with a specific
 * {@link SchemaRegistryException}.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Backoff doubles per retry up to this, so a retry budget stays bounded in time too. */
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

  private final SchemaRegistryConfig config;
  private final List<String> baseUrls;
  private final Optional<String> authorization;
  private final HttpClient http;

  /** One future per (subject, schema): concurrent first uses make one request and share it. */
  private final Map<SubjectSchema, CompletableFuture<Integer>> idsBySubjectSchema =
      new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {
  }

  public RestSchemaRegistryClient(final SchemaRegistryConfig config) {
    if (config.isMock()) {
      throw new IllegalArgumentException("mock:// URLs are served by MockSchemaRegistryClient");
    }
    this.config = config;
    this.baseUrls = config.urls().stream().map(RestSchemaRegistryClient::withoutUserInfo).toList();
    this.authorization = config.userInfo().map(info -> "Basic "
        + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
    final HttpClient.Builder http = HttpClient.newBuilder()
        .connectTimeout(config.requestTimeout())
        .version(HttpClient.Version.HTTP_1_1);
    // Built here, so a missing or unreadable trust store fails at start, naming the key.
    config.trustStore().ifPresent(store -> http.sslContext(store.sslContext()));
    this.http = http.build();
  }

  @Override
  public int register(final String subject, final Schema schema) {
    return cachedId(subject, schema, "/subjects/" + encode(subject) + "/versions");
  }

  @Override
  public int getId(final String subject, final Schema schema) {
    return cachedId(subject, schema, "/subjects/" + encode(subject));
  }

  /**
   * Registers (versions path) or looks up (subject path) an id. The first caller for a key makes
   * the request, outside any lock; concurrent callers wait for its answer.
   */
  private int cachedId(final String subject, final Schema schema, final String path) {
    final SubjectSchema key = new SubjectSchema(subject, schema);
    final CompletableFuture<Integer> mine = new CompletableFuture<>();
    final CompletableFuture<Integer> existing = idsBySubjectSchema.putIfAbsent(key, mine);
    if (existing != null) {
      return await(existing);
    }
    try {
      final int id = fetchId(subject, schema, path);
      schemasById.putIfAbsent(id, schema);
      mine.complete(id);
      return id;
    } catch (final RuntimeException e) {
      // Failures are not cached: the next call asks again.
      idsBySubjectSchema.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private int fetchId(final String subject, final Schema schema, final String path) {
    try {
      return requireId(call("POST", path, schemaBody(schema), subject, schema), path);
    } catch (final IncompatibleSchemaException e) {
      // Registries can answer 409 to the loser of two processes registering the same first
      // version at once (Apicurio: "artifact ... already exists"). If the schema is there now,
      // that is success; otherwise the refusal stands.
      if (path.endsWith("/versions")) {
        try {
          return requireId(call("POST", "/subjects/" + encode(subject), schemaBody(schema),
              subject, null), path);
        } catch (final SchemaRegistryException lookup) {
          e.addSuppressed(lookup);
        }
      }
      throw e;
    }
  }

  private static int await(final CompletableFuture<Integer> id) {
    try {
      return id.join();
    } catch (final CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public Schema getSchemaById(final int id) {
    final Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    final JsonNode answer = call("GET", "/schemas/ids/" + id, null, null, null);
    final Schema schema = parse(answer.path("schema").asText(), "schema id " + id);
    final Schema previous = schemasById.putIfAbsent(id, schema);
    return previous == null ? schema : previous;
  }

  @Override
  public RegisteredSchema getLatest(final String subject) {
    final String path = "/subjects/" + encode(subject) + "/versions/latest";
    final JsonNode answer = call("GET", path, null, subject, null);
    final int id = requireId(answer, path);
    Schema schema = schemasById.get(id);
    if (schema == null) {
      schema = parse(answer.path("schema").asText(), "subject " + subject);
      final Schema previous = schemasById.putIfAbsent(id, schema);
      schema = previous == null ? schema : previous;
    }
    return new RegisteredSchema(subject, id, answer.path("version").asInt(), schema);
  }

  @Override
  public CompatibilityResult testCompatibility(final String subject, final Schema schema) {
    final JsonNode answer = call("POST",
        "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
        schemaBody(schema), subject, null);
    final List<String> messages = new ArrayList<>();
    answer.path("messages").forEach(node -> messages.add(node.asText()));
    // Apicurio answers with a single "reason" instead of Confluent's "messages".
    if (answer.hasNonNull("reason")) {
      messages.add(answer.path("reason").asText());
    }
    return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), messages);
  }

  @Override
  public CompatibilityLevel getCompatibility(final Optional<String> subject) {
    final String path = subject.map(s -> "/config/" + encode(s) + "?defaultToGlobal=true")
        .orElse("/config");
    final JsonNode answer = call("GET", path, null, subject.orElse(null), null);
    final String level = answer.has("compatibilityLevel")
        ? answer.path("compatibilityLevel").asText() : answer.path("compatibility").asText();
    try {
      return CompatibilityLevel.valueOf(level);
    } catch (final IllegalArgumentException e) {
      throw new SchemaRegistryException("Schema registry answered " + path
          + " with an unknown compatibility level '" + level + "'", e);
    }
  }

  @Override
  public void setCompatibility(final String subject, final CompatibilityLevel level) {
    final ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
    call("PUT", "/config/" + encode(subject), body, subject, null);
  }

  @Override
  public List<String> getSubjects() {
    final List<String> subjects = new ArrayList<>();
    call("GET", "/subjects", null, null, null).forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  @Override
  public List<Integer> deleteSubject(final String subject) {
    final List<Integer> versions = new ArrayList<>();
    call("DELETE", "/subjects/" + encode(subject), null, subject, null)
        .forEach(node -> versions.add(node.asInt()));
    idsBySubjectSchema.keySet().removeIf(key -> key.subject().equals(subject));
    return versions;
  }

  @Override
  public void close() {
    // java.net.http.HttpClient on Java 17 has no close(); its threads are daemons.
  }

  @Override
  public String toString() {
    return "RestSchemaRegistryClient" + baseUrls;
  }

  /**
   * One request, retried on transient failures, then mapped to a specific exception.
   *
   * @param subject for error messages; may be null
   * @param schema the schema being registered, to explain a 409; may be null
   */
  private JsonNode call(final String method, final String path, final JsonNode body,
      final String subject, final Schema schema) {
    final int attempts = config.maxRetries() + 1;
    Duration backoff = config.retryBackoff();
    Exception lastError = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      for (final String base : baseUrls) {
        try {
          final HttpResponse<String> response = http.send(request(method, base + path, body),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          final int status = response.statusCode();
          if (status >= 200 && status < 300) {
            return response.body() == null || response.body().isBlank()
                ? JSON.createObjectNode() : JSON.readTree(response.body());
          }
          if (!isTransient(status)) {
            throw failure(method, path, status, response.body(), subject, schema);
          }
          lastError = new IOException("HTTP " + status + " from " + base + path + ": "
              + response.body());
        } catch (final IOException e) {
          lastError = e;
        } catch (final InterruptedException e) {
          throw new InterruptException("Interrupted while calling the schema registry", e);
        }
        LOG.debug("Schema registry {} {} failed at {} (attempt {}/{}): {}", method, path, base,
            attempt, attempts, lastError.toString());
      }
      if (attempt < attempts) {
        sleep(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
            : backoff.multipliedBy(2);
      }
    }
    throw new SchemaRegistryUnreachableException(baseUrls, attempts, lastError);
  }

  private HttpRequest request(final String method, final String url, final JsonNode body)
      throws IOException {
    final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
        .timeout(config.requestTimeout())
        .header("Accept", CONTENT_TYPE + ", application/json");
    authorization.ifPresent(value -> builder.header("Authorization", value));
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", CONTENT_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    return builder.build();
  }

  private SchemaRegistryException failure(final String method, final String path, final int status,
      final String responseBody, final String subject, final Schema schema) {
    final ErrorBody error = ErrorBody.parse(responseBody, status);
    final String request = method + " " + path;
    if (status == 401 || status == 403) {
      return new SchemaRegistryAuthException(request, status, error.message());
    }
    if (status == 404 && path.startsWith("/schemas/ids/")) {
      return new UnknownSchemaIdException(Integer.parseInt(path.substring(13)), error.message());
    }
    if (status == 404 && subject != null) {
      return new SubjectNotFoundException(subject, error.message(), error.code());
    }
    if (status == 409 && schema != null) {
      return new IncompatibleSchemaException(subject, error.message(), explain(subject, schema));
    }
    if (status == 422) {
      return new InvalidSchemaException(subject, error.message(), error.code());
    }
    return new SchemaRegistryException("Schema registry answered " + request + " with HTTP "
        + status + ": " + error.message(), status, error.code());
  }

  /** Why the registry said 409: check the new schema against the latest one ourselves. */
  private List<String> explain(final String subject, final Schema schema) {
    try {
      final RegisteredSchema latest = getLatest(subject);
      final List<String> lines = new ArrayList<>(AvroCompatibility.explain(schema, latest.schema()));
      if (!lines.isEmpty()) {
        lines.add(0, "against version " + latest.version() + " (id " + latest.id() + "):");
      }
      return lines;
    } catch (final SchemaRegistryException e) {
      return List.of("(could not fetch the latest version to explain: " + e.getMessage() + ")");
    }
  }

  private static boolean isTransient(final int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  private static void sleep(final Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (final InterruptedException e) {
      throw new InterruptException("Interrupted while waiting to retry the schema registry", e);
    }
  }

  private static int requireId(final JsonNode answer, final String path) {
    if (!answer.path("id").canConvertToInt()) {
      throw new SchemaRegistryException("Schema registry answered " + path + " without an id: "
          + answer, -1, -1);
    }
    return answer.path("id").asInt();
  }

  private static ObjectNode schemaBody(final Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString());
  }

  private static Schema parse(final String text, final String what) {
    try {
      return new Schema.Parser().parse(text);
    } catch (final SchemaParseException e) {
      throw new SchemaRegistryException("Schema registry returned an unparsable Avro schema for "
          + what + ": " + e.getMessage(), e);
    }
  }

  private static String encode(final String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String withoutUserInfo(final URI uri) {
    final String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    final String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return uri.getScheme() + "://" + uri.getHost() + port + path;
  }

  /** The Confluent error body {@code {"error_code": 40403, "message": "..."}}, leniently read. */
  private record ErrorBody(int code, String message) {

    static ErrorBody parse(final String body, final int status) {
      if (body == null || body.isBlank()) {
        return new ErrorBody(status, "(empty response)");
      }
      try {
        final JsonNode node = JSON.readTree(body);
        final String message = node.hasNonNull("message") ? node.path("message").asText() : body;
        return new ErrorBody(node.path("error_code").asInt(status), message);
      } catch (final IOException e) {
        return new ErrorBody(status, body.length() > 500 ? body.substring(0, 500) + "..." : body);
      }
    }
  }
}
