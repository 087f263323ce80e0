package io.wirestream.deploy;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackOptions;
import io.wirestream.enrich.EnrichConfig;
import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.api.QueryServer;
import io.wirestream.enrich.app.EnrichApp;
import io.wirestream.enrich.topology.EnrichMetrics;
import io.wirestream.ingest.http.IngestHttpServer;
import io.wirestream.ingest.http.IngestHttpSettings;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.pipeline.IngestSummary;
import io.wirestream.ingest.publish.IngestConfig;
import io.wirestream.ingest.publish.KafkaStorySink;
import io.wirestream.ingest.publish.LedgerLoader;
import io.wirestream.ingest.publish.TopicInitializer;
import io.wirestream.schemas.cli.ClusterOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream demo}: the whole pipeline in one process: a real broker and registry (devstack,
 * or an external cluster), the ingest HTTP endpoint, the enrich-service with its query API, the
 * bundled sample stories ingested, and every enriched story printed as it arrives. Runs until
 * Ctrl-C, then stops everything it started.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the whole pipeline locally on real parts and print enriched stories.")
final class DemoCommand implements Callable<Integer> {

  private static final String SAMPLES = "/io/wirestream/deploy/samples/";

  @Option(names = "--data", paramLabel = "DIR",
      description = "Keep broker data in DIR across runs (default: a temporary dir).")
  private Path dataDir;

  @Option(names = "--no-samples", description = "Do not ingest the bundled sample stories.")
  private boolean noSamples;

  @Option(names = "--port", defaultValue = "8080",
      description = "Ingest HTTP port on 127.0.0.1 (default 8080; 0 for any free one).")
  private int port;

  @Option(names = "--enrich-port", defaultValue = "8082",
      description = "Enrich query API port on 127.0.0.1 (default 8082; 0 for any free one).")
  private int enrichPort;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Enrich state stores (default: a directory under the broker data or tmp).")
  private Path stateDir;

  @Mixin
  private ClusterOptions cluster;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  /** What was started, stopped in reverse order. */
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  @Override
  public Integer call() throws Exception {
    final PrintWriter out = spec.commandLine().getOut();
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopAll(out);
      stopped.countDown();
    }, "demo-shutdown"));
    try {
      start(out);
    } catch (final Exception e) {
      stopAll(out);
      throw e;
    }
    stopped.await();
    return 0;
  }

  private void start(final PrintWriter out) throws Exception {
    final String bootstrap;
    final String registry;
    if (cluster.bootstrapServers() == null) {
      say(out, "Starting devstack: Kafka broker (in-process KRaft) and Apicurio schema registry...");
      final DevStack stack = DevStack.start(DevStackOptions.defaults().withDataDir(dataDir));
      started.push(stack);
      bootstrap = stack.bootstrapServers();
      registry = stack.schemaRegistryUrl();
    } else {
      bootstrap = cluster.bootstrapServers();
      registry = cluster.schemaRegistryUrl();
      if (registry == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--schema-registry-url is required with --bootstrap-servers");
      }
    }
    final int ingestPort = port == 0 ? freePort() : port;
    final int queryPort = enrichPort == 0 ? freePort() : enrichPort;
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    say(out, "Starting enrich-service (loading NLP models)...");
    final Path state = stateDir != null ? stateDir : dataDir != null ? dataDir.resolve("enrich")
        : Files.createTempDirectory("wirestream-demo-enrich");
    final EnrichConfig enrichConfig = EnrichConfig.of(bootstrap, registry, state)
        .withApplicationId("wirestream-demo-enrich")
        .withClientProperties(withServer(cluster.clientProperties(), queryPort));
    final EnrichApp enrich = EnrichApp.start(enrichConfig, NewsEnricher.load(),
        new EnrichMetrics(meters), 6, Optional.empty());
    started.push(enrich);
    new KafkaStreamsMetrics(enrich.streams()).bindTo(meters);
    started.push(QueryServer.start(enrich.streams(), new HostInfo("127.0.0.1", queryPort),
        enrichConfig.trendWindow(), meters));

    final IngestConfig ingestConfig = IngestConfig.of(bootstrap, registry)
        .withClientProperties(cluster.clientProperties());
    TopicInitializer.ensureTopics(ingestConfig);
    final VersionLedger ledger = new VersionLedger();
    LedgerLoader.load(ingestConfig, ledger, Duration.ofMinutes(2));
    final KafkaStorySink sink = new KafkaStorySink(ingestConfig);
    started.push(sink);
    sink.bindMetrics(meters);
    final IngestPipeline pipeline = new IngestPipeline(new StoryParsers(ingestConfig.parser()),
        ledger, sink, new IngestMetrics(meters), Clock.systemUTC());
    started.push(IngestHttpServer.start(new IngestHttpSettings("127.0.0.1", ingestPort,
        Optional.empty(), ingestConfig.parser().maxDocumentBytes()), pipeline, meters,
        sink::ready));

    started.push(new EnrichedFollower(ingestConfig.commonClientProperties(),
        enrichConfig.registryProperties(), enrichConfig.topics().enriched(), true,
        (id, story) -> say(out, "enriched " + StoryLine.format(id, story))));

    if (!noSamples) {
      final IngestSummary summary = ingestSamples(pipeline);
      summary.awaitAcknowledgements();
      summary.lines().forEach(line -> say(out, "samples: " + line));
    }
    say(out, "");
    say(out, "Wirestream demo is running:");
    say(out, "  Kafka bootstrap servers  " + bootstrap);
    say(out, "  schema registry          " + registry);
    say(out, "  ingest stories           POST http://127.0.0.1:" + ingestPort + "/v1/articles");
    say(out, "  latest story by id       GET  http://127.0.0.1:" + queryPort
        + "/v1/articles/{id}");
    say(out, "  country trends           GET  http://127.0.0.1:" + queryPort
        + "/v1/trends/countries");
    say(out, "  metrics                  GET  http://127.0.0.1:" + queryPort + "/metrics");
    say(out, "Ctrl-C stops everything.");
  }

  private static IngestSummary ingestSamples(final IngestPipeline pipeline) throws IOException {
    final IngestSummary summary = new IngestSummary();
    for (final String name : sampleNames()) {
      try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + name)) {
        if (in == null) {
          throw new IllegalStateException("Sample " + name + " is listed but missing");
        }
        summary.add(pipeline.ingest(in.readAllBytes(), "samples/" + name, Optional.empty(),
            false));
      }
    }
    return summary;
  }

  static List<String> sampleNames() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + "index.txt")) {
      if (in == null) {
        return List.of();
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
  }

  private static Map<String, String> withServer(
      final Map<String, String> client, final int queryPort) {
    final Map<String, String> properties = new LinkedHashMap<>(client);
    properties.putIfAbsent("application.server", "127.0.0.1:" + queryPort);
    return properties;
  }

  private void stopAll(final PrintWriter out) {
    synchronized (started) {
      if (started.isEmpty()) {
        return;
      }
      say(out, "Stopping the demo...");
      while (!started.isEmpty()) {
        final AutoCloseable component = started.pop();
        try {
          component.close();
        } catch (final Exception e) {
          say(out, "error while stopping " + component + ": " + e);
        }
      }
      say(out, "Demo stopped; nothing left running.");
    }
  }

  private static void say(final PrintWriter out, final String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1", e);
    }
  }
}
