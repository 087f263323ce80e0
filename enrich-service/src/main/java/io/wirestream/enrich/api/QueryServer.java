package io.wirestream.enrich.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.enrich.topology.StoreNames;
import io.wirestream.schemas.avro.CountryTrend;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich-service REST API, answered from the state stores. A query for one key goes to the
 * instance that owns the key (by the Streams metadata), so any instance answers for all keys; a
 * query over all countries gathers every instance's part. Internal hops carry {@code local=true}
 * so they are answered where they land.
 *
 * <ul>
 *   <li>{@code GET /v1/articles/{id}}: the latest enriched version (404 when none or canceled)
 *   <li>{@code GET /v1/trends/countries[?window=<start ISO-8601>]}: every country's trend in a
 *       window (default: the current one), most stories first
 *   <li>{@code GET /v1/trends/entities?country=KP[&window=...]}: that country's top entities
 *   <li>{@code GET /health/live}, {@code GET /health/ready} (RUNNING), {@code GET /metrics}
 * </ul>
 */
public final class QueryServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration HOP_TIMEOUT = Duration.ofSeconds(10);

  private final Javalin app;
  private final KafkaStreams streams;
  private final LocalStores local;
  private final HostInfo self;
  private final Duration window;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HOP_TIMEOUT).build();

  private QueryServer(final KafkaStreams streams, final HostInfo self, final Duration window,
      final PrometheusMeterRegistry meters, final Clock clock) {
    this.streams = streams;
    this.self = self;
    this.window = window;
    this.clock = clock;
    this.local = new LocalStores(streams, window);
    this.app = Javalin.create(config -> config.showJavalinBanner = false);
    app.get("/v1/articles/{id}", this::article);
    app.get("/v1/trends/countries", this::countries);
    app.get("/v1/trends/entities", this::entities);
    app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
    app.get("/health/ready", ctx -> {
      final boolean running = streams.state() == KafkaStreams.State.RUNNING;
      ctx.status(running ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
          .json(Map.of("status", running ? "UP" : "DOWN", "state", streams.state().name()));
    });
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(meters.scrape()));
    app.exception(InvalidStateStoreException.class, (e, ctx) -> ctx
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .json(Map.of("error", "REBALANCING", "message", "state stores are moving: " + e.getMessage())));
  }

  /**
   * Serves on {@code self} (which must be this app's {@code application.server}).
   *
   * @param window the trend window size
   */
  public static QueryServer start(final KafkaStreams streams, final HostInfo self,
      final Duration window, final PrometheusMeterRegistry meters) {
    return start(streams, self, self.host(), window, meters);
  }

  /**
   * Serves on {@code bindHost} (e.g. 0.0.0.0 in a container) at {@code self}'s port, while
   * {@code self} (this app's {@code application.server}, e.g. a pod's stable DNS name) is the
   * address other instances reach it at.
   *
   * @param window the trend window size
   */
  public static QueryServer start(final KafkaStreams streams, final HostInfo self,
      final String bindHost, final Duration window, final PrometheusMeterRegistry meters) {
    final QueryServer server = new QueryServer(streams, self, window, meters, Clock.systemUTC());
    server.app.start(bindHost, self.port());
    LOG.info("Query API on http://{}:{} (advertised as {})", bindHost, server.app.port(), self);
    return server;
  }

  private void article(final Context ctx) throws IOException, InterruptedException {
    final String id = ctx.pathParam("id");
    final Optional<HostInfo> owner = isLocalHop(ctx) ? Optional.of(self)
        : owner(StoreNames.LATEST_ARTICLES, id);
    if (owner.isEmpty()) {
      unavailable(ctx);
      return;
    }
    if (!owner.get().equals(self)) {
      forward(ctx, owner.get(), "/v1/articles/"
          + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
      return;
    }
    local.article(id).ifPresentOrElse(story -> ctx.json(StoryJson.article(story)),
        () -> ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "NOT_FOUND",
            "message", "no enriched story with id " + id)));
  }

  private void countries(final Context ctx) throws IOException, InterruptedException {
    final Instant start = windowStart(ctx);
    if (start == null) {
      return;
    }
    final List<Map<String, Object>> trends = new ArrayList<>();
    local.trends(start).stream().map(StoryJson::trend).forEach(trends::add);
    if (!isLocalHop(ctx)) {
      for (final StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
        if (!instance.hostInfo().equals(self)
            && instance.stateStoreNames().contains(StoreNames.COUNTRY_TRENDS)) {
          gather(instance.hostInfo(), start, trends, ctx);
        }
      }
    }
    trends.sort(Comparator.comparingLong((Map<String, Object> t) ->
        ((Number) t.get("storyCount")).longValue()).reversed()
        .thenComparing(t -> (String) t.get("country")));
    ctx.json(trends);
  }

  /**
   * Adds one peer's trends. A peer that does not answer (down, rebalancing) does not fail the
   * whole answer: it is left out and the response says so in {@code X-Wirestream-Partial}.
   */
  private void gather(final HostInfo peer, final Instant start,
      final List<Map<String, Object>> trends, final Context ctx) throws InterruptedException {
    try {
      final HttpResponse<String> answer = get(peer,
          "/v1/trends/countries?local=true&window=" + start);
      if (answer.statusCode() == 200) {
        trends.addAll(JSON.readValue(answer.body(),
            new TypeReference<List<Map<String, Object>>>() { }));
        return;
      }
      LOG.warn("Instance {} answered {} for trends; answering without it", peer,
          answer.statusCode());
    } catch (final IOException e) {
      LOG.warn("Instance {} did not answer for trends ({}); answering without it", peer,
          e.toString());
    }
    ctx.header("X-Wirestream-Partial", "true");
  }

  private void entities(final Context ctx) throws IOException, InterruptedException {
    final String asked = ctx.queryParam("country");
    final String country = asked == null ? null : asked.toUpperCase(Locale.ROOT);
    if (country == null || !country.matches("[A-Z]{2}")) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "BAD_COUNTRY",
          "message", "country must be an ISO 3166-1 alpha-2 code such as KP"));
      return;
    }
    final Instant start = windowStart(ctx);
    if (start == null) {
      return;
    }
    final Optional<HostInfo> owner = isLocalHop(ctx) ? Optional.of(self)
        : owner(StoreNames.COUNTRY_TRENDS, country);
    if (owner.isEmpty()) {
      unavailable(ctx);
      return;
    }
    if (!owner.get().equals(self)) {
      forward(ctx, owner.get(), "/v1/trends/entities?country=" + country + "&window=" + start);
      return;
    }
    final Optional<CountryTrend> trend = local.trend(country, start);
    ctx.json(Map.of("country", country, "windowStart", start.toString(),
        "entities", trend.map(t -> StoryJson.entities(t.getTopEntities())).orElse(List.of())));
  }

  /** The window asked for, or the current one; null after answering 400. */
  private Instant windowStart(final Context ctx) {
    final String asked = ctx.queryParam("window");
    if (asked == null || asked.equals("latest")) {
      final long size = window.toMillis();
      return Instant.ofEpochMilli(clock.millis() / size * size);
    }
    try {
      // Any instant inside a window means that window.
      final long size = window.toMillis();
      return Instant.ofEpochMilli(Math.floorDiv(Instant.parse(asked).toEpochMilli(), size) * size);
    } catch (final DateTimeParseException e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "BAD_WINDOW",
          "message", "window must be 'latest' or an ISO-8601 instant, got " + asked));
      return null;
    }
  }

  private Optional<HostInfo> owner(final String store, final String key) {
    final KeyQueryMetadata metadata =
        streams.queryMetadataForKey(store, key, new StringSerializer());
    if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      return Optional.empty();
    }
    return Optional.of(metadata.activeHost());
  }

  private static boolean isLocalHop(final Context ctx) {
    return "true".equals(ctx.queryParam("local"));
  }

  private void forward(final Context ctx, final HostInfo owner, final String pathAndQuery)
      throws IOException, InterruptedException {
    final HttpResponse<String> answer = get(owner,
        pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "local=true");
    ctx.status(answer.statusCode()).contentType("application/json").result(answer.body());
  }

  private HttpResponse<String> get(final HostInfo host, final String pathAndQuery)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://" + host.host() + ":"
        + host.port() + pathAndQuery)).timeout(HOP_TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void unavailable(final Context ctx) {
    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "REBALANCING",
        "message", "no instance owns this key right now; try again shortly"));
  }

  /** The port served. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
