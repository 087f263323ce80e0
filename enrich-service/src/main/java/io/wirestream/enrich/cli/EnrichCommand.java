package io.wirestream.enrich.cli;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.enrich.EnrichConfig;
import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.api.QueryServer;
import io.wirestream.enrich.app.EnrichApp;
import io.wirestream.enrich.app.StreamsMeters;
import io.wirestream.enrich.topology.EnrichMetrics;
import io.wirestream.schemas.cli.ClusterOptions;
import io.wirestream.schemas.cli.TopicOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream enrich}: run the enrich-service (Kafka Streams, exactly-once) and its query
 * API until stopped. Exit code 1 when the app stopped on a fatal error, so a supervisor restarts it.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the enrich-service: news.raw.v1 -> entities, tone, countries -> news.*")
public final class EnrichCommand implements Callable<Integer> {

  @Mixin
  private ClusterOptions cluster;

  @Option(names = "--application-id", defaultValue = "${env:WIRESTREAM_APPLICATION_ID:-"
      + EnrichConfig.DEFAULT_APPLICATION_ID + "}",
      description = "Streams application id (env WIRESTREAM_APPLICATION_ID).")
  private String applicationId;

  @Option(names = "--state-dir", paramLabel = "DIR",
      defaultValue = "${env:WIRESTREAM_STATE_DIR:-${sys:java.io.tmpdir}/wirestream-enrich}",
      description = "Where the state stores live (env WIRESTREAM_STATE_DIR).")
  private Path stateDir;

  @Option(names = "--threads", defaultValue = "${env:WIRESTREAM_ENRICH_THREADS:-2}",
      description = "Stream threads (default 2; env WIRESTREAM_ENRICH_THREADS).")
  private int threads;

  @Option(names = "--topic-prefix", defaultValue = "",
      description = "Prefix of every topic name, e.g. 'staging.' (default none).")
  private String topicPrefix;

  @Mixin
  private TopicOptions topicOptions;

  @Option(names = "--http-port", defaultValue = "${env:WIRESTREAM_ENRICH_HTTP_PORT:-8082}",
      description = "Query API and metrics port (default 8082; env WIRESTREAM_ENRICH_HTTP_PORT).")
  private int httpPort;

  @Option(names = "--http-host", defaultValue = "${env:WIRESTREAM_ENRICH_HTTP_HOST:-127.0.0.1}",
      description = "Interface the query API binds (default 127.0.0.1; 0.0.0.0 in a container;"
          + " env WIRESTREAM_ENRICH_HTTP_HOST).")
  private String httpHost;

  @Option(names = "--advertised-host", paramLabel = "HOST",
      defaultValue = "${env:WIRESTREAM_ENRICH_ADVERTISED_HOST}",
      description = "Host name other instances reach this one's query API at (application.server;"
          + " default: --http-host, which must then not be a wildcard such as 0.0.0.0;"
          + " env WIRESTREAM_ENRICH_ADVERTISED_HOST).")
  private String advertisedHost;

  @Option(names = "--trend-window", defaultValue = "PT15M",
      description = "Trend window (ISO-8601 duration, default PT15M).")
  private Duration trendWindow;

  @Option(names = "--max-body-chars", paramLabel = "N",
      defaultValue = "${env:WIRESTREAM_ENRICH_MAX_BODY_CHARS:-" + EnrichConfig.DEFAULT_MAX_BODY_CHARS
          + "}",
      description = "Longer bodies are dead-lettered (stage ENRICH) instead of enriched "
          + "(default ${DEFAULT-VALUE}; env WIRESTREAM_ENRICH_MAX_BODY_CHARS).")
  private int maxBodyChars;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  private static void closeAll(final List<AutoCloseable> running) {
    for (final AutoCloseable component : running) {
      try {
        component.close();
      } catch (final Exception e) {
        System.err.println("error while stopping " + component + ": " + e);
      }
    }
  }

  /** The address peers forward to: a wildcard bind address cannot be one. */
  private String advertisedHost() {
    if (advertisedHost != null && !advertisedHost.isBlank()) {
      return advertisedHost.trim();
    }
    if (httpHost.equals("0.0.0.0") || httpHost.equals("::") || httpHost.equals("[::]")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--http-host " + httpHost
          + " binds every interface; give --advertised-host (or"
          + " WIRESTREAM_ENRICH_ADVERTISED_HOST), the name other instances reach this one at");
    }
    return httpHost;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (cluster.bootstrapServers() == null || cluster.schemaRegistryUrl() == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap-servers and"
          + " --schema-registry-url are required (or WIRESTREAM_BOOTSTRAP_SERVERS and"
          + " WIRESTREAM_SCHEMA_REGISTRY_URL)");
    }
    final String advertised = advertisedHost();
    final Map<String, String> client = new LinkedHashMap<>(cluster.clientProperties());
    // Other instances forward queries for keys they do not own to this address.
    client.putIfAbsent("application.server", advertised + ":" + httpPort);
    final EnrichConfig defaults = EnrichConfig.of(cluster.bootstrapServers(),
        cluster.schemaRegistryUrl(), stateDir);
    final EnrichConfig config = new EnrichConfig(defaults.bootstrapServers(),
        defaults.schemaRegistryUrl(), applicationId, client,
        EnrichConfig.TopicNames.standard().withPrefix(topicPrefix), stateDir, threads,
        trendWindow, defaults.trendGrace(), defaults.dedupeRetention(), maxBodyChars);
    final PrometheusMeterRegistry meters = StreamsMeters.withUniformStoreTags(
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    // Heap, GC, threads and CPU next to our own series: the dashboards show them per service.
    new JvmMemoryMetrics().bindTo(meters);
    new JvmGcMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    final PrintWriter out = spec.commandLine().getErr();
    final EnrichApp app = EnrichApp.start(config, NewsEnricher.load(), new EnrichMetrics(meters),
        topicOptions.partitions(), topicOptions.replicationFactor());
    // Registered before anything else can fail, so Streams is always closed cleanly.
    final List<AutoCloseable> running = new CopyOnWriteArrayList<>(List.of(app));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(running), "enrich-shutdown"));
    StreamsMeters.bind(app.streams(), meters);
    final QueryServer api = QueryServer.start(app.streams(), new HostInfo(advertised, httpPort),
        httpHost, trendWindow, meters);
    running.add(0, api);
    out.printf("enrich-service %s: reading %s; query API on http://%s:%d/v1/...%n",
        NewsEnricher.VERSION, config.topics().raw(), advertised, api.port());
    out.flush();
    final Optional<Throwable> fatal = app.awaitStopped();
    api.close();
    fatal.ifPresent(error -> {
      // Streams wraps the cause (a deleted topic, a full disk) in generic exceptions: name both.
      Throwable cause = error;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      out.println("error: enrich-service stopped: " + error
          + (cause == error ? "" : "; cause: " + cause));
      out.flush();
    });
    return fatal.isPresent() ? 1 : 0;
  }
}
