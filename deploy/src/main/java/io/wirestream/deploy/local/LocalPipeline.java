package io.wirestream.deploy.local;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.deploy.TopicFollower;
import io.wirestream.deploy.dashboard.DashboardServer;
import io.wirestream.deploy.dashboard.DashboardState;
import io.wirestream.deploy.dashboard.FlowProbe;
import io.wirestream.devstack.LoopbackPorts;
import io.wirestream.enrich.EnrichConfig;
import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.api.QueryServer;
import io.wirestream.enrich.app.EnrichApp;
import io.wirestream.enrich.app.StreamsMeters;
import io.wirestream.enrich.topology.EnrichMetrics;
import io.wirestream.ingest.http.IngestHttpServer;
import io.wirestream.ingest.http.IngestHttpSettings;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.publish.IngestConfig;
import io.wirestream.ingest.publish.KafkaStorySink;
import io.wirestream.ingest.publish.LedgerLoader;
import io.wirestream.ingest.publish.TopicInitializer;
import io.wirestream.schemas.avro.EnrichedArticle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process against a given cluster and registry: the enrich-service with
 * its query API, the ingest-service's HTTP endpoint, and the live dashboard, sharing one Prometheus
 * registry (each HTTP server exposes it at {@code /metrics}). What {@code wirestream demo} runs, and
 * what the operations tests (dashboard in Chromium, Prometheus, Grafana queries) run against.
 * Everything binds to 127.0.0.1; {@link #close()} stops what was started, in reverse order.
 */
public final class LocalPipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);
  private static final String HOST = "127.0.0.1";

  /**
   * Where the local pipeline connects and listens.
   *
   * @param clientProperties Kafka and registry client settings (TLS, SASL), passed through
   * @param ingestPort ingest HTTP port (0: any free one); likewise the query and dashboard ports
   * @param partitions partitions of topics created when missing
   */
  public record Settings(String bootstrapServers, String schemaRegistryUrl,
      Map<String, String> clientProperties, int ingestPort, int queryPort, int dashboardPort,
      Path stateDir, String applicationId, int partitions) {

    public Settings {
      clientProperties = Map.copyOf(clientProperties);
    }
  }

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final PrometheusMeterRegistry meters =
      StreamsMeters.withUniformStoreTags(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  private final Clock clock = Clock.systemUTC();
  private IngestPipeline ingest;
  private IngestConfig ingestConfig;
  private EnrichConfig enrichConfig;
  private EnrichApp enrich;
  private int ingestPort;
  private int queryPort;
  private int dashboardPort;

  private LocalPipeline() {
  }

  /**
   * Starts everything; on failure stops what had started and rethrows.
   *
   * @param onStory also told of every enriched story (the demo prints them)
   */
  public static LocalPipeline start(final Settings settings,
      final BiConsumer<String, EnrichedArticle> onStory) throws Exception {
    final LocalPipeline pipeline = new LocalPipeline();
    try {
      pipeline.startAll(settings, onStory);
      return pipeline;
    } catch (final Exception e) {
      pipeline.close();
      throw e;
    }
  }

  private void startAll(final Settings settings,
      final BiConsumer<String, EnrichedArticle> onStory) throws Exception {
    new JvmMemoryMetrics().bindTo(meters);
    new JvmGcMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    queryPort = settings.queryPort() == 0 ? LoopbackPorts.pick() : settings.queryPort();
    enrichConfig = EnrichConfig.of(settings.bootstrapServers(), settings.schemaRegistryUrl(),
            settings.stateDir())
        .withApplicationId(settings.applicationId())
        .withClientProperties(withServer(settings.clientProperties(), queryPort));
    enrich = EnrichApp.start(enrichConfig, NewsEnricher.load(), new EnrichMetrics(meters),
        settings.partitions(), Optional.empty());
    started.push(enrich);
    StreamsMeters.bind(enrich.streams(), meters);
    started.push(QueryServer.start(enrich.streams(), new HostInfo(HOST, queryPort),
        enrichConfig.trendWindow(), meters));

    ingestConfig = IngestConfig.of(settings.bootstrapServers(), settings.schemaRegistryUrl())
        .withClientProperties(settings.clientProperties());
    TopicInitializer.ensureTopics(ingestConfig);
    final VersionLedger ledger = new VersionLedger();
    LedgerLoader.load(ingestConfig, ledger, Duration.ofMinutes(2));
    final KafkaStorySink sink = new KafkaStorySink(ingestConfig);
    started.push(sink);
    sink.bindMetrics(meters);
    ingest = new IngestPipeline(new StoryParsers(ingestConfig.parser()), ledger, sink,
        new IngestMetrics(meters), clock);
    final IngestHttpServer http = IngestHttpServer.start(new IngestHttpSettings(HOST,
        settings.ingestPort(), Optional.empty(), ingestConfig.parser().maxDocumentBytes()),
        ingest, meters, sink::ready);
    started.push(http);
    ingestPort = http.port();

    final DashboardState dashboard = new DashboardState(enrichConfig.trendWindow());
    started.push(TopicFollower.enriched(ingestConfig.commonClientProperties(),
        enrichConfig.registryProperties(), enrichConfig.topics().enriched(), true,
        (id, story) -> {
          dashboard.onStory(id, story, clock.millis());
          onStory.accept(id, story);
        }));
    started.push(TopicFollower.deadLetters(ingestConfig.commonClientProperties(),
        enrichConfig.registryProperties(), enrichConfig.topics().deadLetters(), true,
        (key, deadLetter) -> dashboard.onDeadLetter(deadLetter, clock.millis())));
    started.push(new FlowProbe(ingestConfig.commonClientProperties(),
        enrichConfig.topics().raw(), enrichConfig.applicationId(), dashboard,
        Duration.ofSeconds(2), clock::millis));
    final DashboardServer page = DashboardServer.start(HOST, settings.dashboardPort(), dashboard,
        clock::millis);
    started.push(page);
    dashboardPort = page.port();
  }

  /** The ingest pipeline behind the HTTP endpoint, for bulk loads in the same process. */
  public IngestPipeline ingest() {
    return ingest;
  }

  public EnrichApp enrich() {
    return enrich;
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  public String ingestUrl() {
    return "http://" + HOST + ":" + ingestPort;
  }

  public String queryUrl() {
    return "http://" + HOST + ":" + queryPort;
  }

  public String dashboardUrl() {
    return "http://" + HOST + ":" + dashboardPort + "/";
  }

  public int ingestPort() {
    return ingestPort;
  }

  public int queryPort() {
    return queryPort;
  }

  /** Stops everything started, newest first; every component gets its turn even if one fails. */
  @Override
  public void close() {
    synchronized (started) {
      while (!started.isEmpty()) {
        final AutoCloseable component = started.pop();
        try {
          component.close();
        } catch (final Exception e) {
          LOG.warn("Error while stopping {}", component, e);
        }
      }
    }
  }

  private static Map<String, String> withServer(
      final Map<String, String> client, final int queryPort) {
    final Map<String, String> properties = new LinkedHashMap<>(client);
    properties.putIfAbsent("application.server", HOST + ":" + queryPort);
    return properties;
  }
}
