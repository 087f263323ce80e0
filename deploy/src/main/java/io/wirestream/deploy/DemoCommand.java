package io.wirestream.deploy;

import io.wirestream.deploy.local.LocalPipeline;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackOptions;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.pipeline.IngestSummary;
import io.wirestream.schemas.cli.ClusterOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream demo}: the whole pipeline in one process: a real broker and registry (devstack,
 * or an external cluster), the ingest HTTP endpoint, the enrich-service with its query API, the live
 * dashboard page, the bundled sample stories ingested, and every enriched story printed as it arrives. Runs until
 * Ctrl-C, then stops everything it started.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the whole pipeline locally on real parts and print enriched stories.")
final class DemoCommand implements Callable<Integer> {

  private static final String SAMPLES = "/io/wirestream/deploy/samples/";
  private static final Duration ENRICH_START_TIMEOUT = Duration.ofMinutes(2);

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

  @Option(names = "--dashboard-port", defaultValue = "8081",
      description = "Live dashboard page port on 127.0.0.1 (default 8081; 0 for any free one).")
  private int dashboardPort;

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
    say(out, "Starting enrich-service (loading NLP models), ingest-service and dashboard...");
    final Path state = stateDir != null ? stateDir : dataDir != null ? dataDir.resolve("enrich")
        : Files.createTempDirectory("wirestream-demo-enrich");
    final LocalPipeline pipeline = LocalPipeline.start(new LocalPipeline.Settings(bootstrap,
        registry, cluster.clientProperties(), port, enrichPort, dashboardPort, state,
        "wirestream-demo-enrich", 6), (id, story) -> say(out, "enriched "
            + StoryLine.format(id, story)));
    started.push(pipeline);

    // The samples wait for the enricher: ingested earlier, they would sit on news.raw.v1 while the
    // Streams client joins its group, and the live page's latency chart would show start-up.
    if (!pipeline.enrich().awaitRunning(ENRICH_START_TIMEOUT)) {
      throw new IllegalStateException("enrich-service did not reach RUNNING within "
          + ENRICH_START_TIMEOUT.toSeconds() + " s (state " + pipeline.enrich().streams().state()
          + "); see the log above");
    }
    say(out, "enrich-service is RUNNING");
    if (!noSamples) {
      final IngestSummary summary = ingestSamples(pipeline.ingest());
      summary.awaitAcknowledgements();
      summary.lines().forEach(line -> say(out, "samples: " + line));
    }
    say(out, "");
    say(out, "Wirestream demo is running:");
    say(out, "  live dashboard           " + pipeline.dashboardUrl());
    say(out, "  Kafka bootstrap servers  " + bootstrap);
    say(out, "  schema registry          " + registry);
    say(out, "  ingest stories           POST " + pipeline.ingestUrl() + "/v1/articles");
    say(out, "  latest story by id       GET  " + pipeline.queryUrl() + "/v1/articles/{id}");
    say(out, "  country trends           GET  " + pipeline.queryUrl() + "/v1/trends/countries");
    say(out, "  metrics (Prometheus)     GET  " + pipeline.queryUrl() + "/metrics");
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
}
