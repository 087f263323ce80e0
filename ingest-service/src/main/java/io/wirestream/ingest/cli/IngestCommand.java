package io.wirestream.ingest.cli;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.ingest.feed.FeedPoller;
import io.wirestream.ingest.feed.WatchFolder;
import io.wirestream.ingest.http.IngestHttpServer;
import io.wirestream.ingest.http.IngestHttpSettings;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.ingest.parse.StoryParseException;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.DocumentResult;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.pipeline.IngestSummary;
import io.wirestream.ingest.pipeline.Rejection;
import io.wirestream.ingest.publish.DryRunSink;
import io.wirestream.ingest.publish.IngestConfig;
import io.wirestream.ingest.publish.KafkaStorySink;
import io.wirestream.ingest.publish.LedgerLoader;
import io.wirestream.ingest.publish.StorySink;
import io.wirestream.ingest.publish.TopicInitializer;
import io.wirestream.schemas.avro.SourceFormat;
import io.wirestream.schemas.cli.ClusterOptions;
import io.wirestream.schemas.cli.TopicOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream ingest}: publish wire stories to {@code news.raw.v1}. Files, folders and globs
 * are read once and summarized; {@code --watch}, {@code --feed} and {@code --http-port} keep the
 * service running until it is stopped (SIGTERM or Ctrl-C).
 *
 * <p>Exit codes: 0 all read; 1 something was rejected (named in the summary); 2 usage error;
 * 3 the broker did not acknowledge some stories.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Publish wire stories (plain text, ninjs, NewsML-G2, RSS/Atom, JSON lines) to"
        + " news.raw.v1.")
public final class IngestCommand implements Callable<Integer> {

  public static final int EXIT_REJECTED = 1;
  public static final int EXIT_NOT_ACKNOWLEDGED = 3;

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "Files, folders (recursively), globs, or - for standard input.")
  private List<String> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "Parse as this format instead of detecting it: plain-text, ninjs, newsml-g2,"
          + " rss, atom, json-lines.")
  private SourceFormat format;

  @Option(names = "--dry-run",
      description = "Parse without Kafka; print each story as one JSON line (RawArticle fields).")
  private boolean dryRun;

  @Option(names = "--keep-going",
      description = "Go on after a rejected input (the exit code still says something was).")
  private boolean keepGoing;

  @Option(names = "--watch", paramLabel = "DIR",
      description = "Publish files as they land in DIR; rejected ones go to the dead-letter topic.")
  private Path watch;

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  private List<FeedOption> feeds = new ArrayList<>();

  /** One polled feed, and the zone it writes its zone-less times in. */
  static final class FeedOption {

    @Option(names = "--feed", paramLabel = "URL", required = true,
        description = "Poll an RSS/Atom feed (repeatable); each item is published once.")
    private URI url;

    @Option(names = "--feed-zone", paramLabel = "ZONE",
        description = "Zone of the preceding --feed's timestamps written without one (default:"
            + " --zone). Its stories say the zone was assumed.")
    private ZoneId zone;
  }

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "60s",
      converter = DurationConverter.class, description = "Feed polling interval (default 60s).")
  private Duration interval;

  @Option(names = "--http-port", paramLabel = "PORT",
      defaultValue = "${env:WIRESTREAM_INGEST_HTTP_PORT}",
      description = "Serve POST /v1/articles, /health/live, /health/ready and /metrics on this port"
          + " (0: any; env WIRESTREAM_INGEST_HTTP_PORT).")
  private Integer httpPort;

  @Option(names = "--http-host", paramLabel = "HOST",
      defaultValue = "${env:WIRESTREAM_INGEST_HTTP_HOST:-127.0.0.1}",
      description = "Interface the HTTP endpoint binds (default 127.0.0.1; 0.0.0.0 in a"
          + " container; env WIRESTREAM_INGEST_HTTP_HOST).")
  private String httpHost;

  @Option(names = "--http-token", paramLabel = "TOKEN",
      defaultValue = "${env:WIRESTREAM_INGEST_TOKEN}",
      description = "Require 'Authorization: Bearer TOKEN' on POST (env WIRESTREAM_INGEST_TOKEN).")
  private String httpToken;

  @Option(names = "--http-idle-timeout", paramLabel = "DURATION", defaultValue = "30s",
      converter = DurationConverter.class,
      description = "Close an HTTP connection on which nothing arrives for this long; a stalled"
          + " request body gets 408 (default 30s).")
  private Duration httpIdleTimeout;

  @Option(names = "--http-body-timeout", paramLabel = "DURATION", defaultValue = "60s",
      converter = DurationConverter.class,
      description = "A request body must arrive whole within this time, or 408 (default 60s).")
  private Duration httpBodyTimeout;

  @Mixin
  private ClusterOptions cluster;

  @Option(names = "--output-topic", paramLabel = "TOPIC", defaultValue = "news.raw.v1",
      description = "Topic for stories (default news.raw.v1).")
  private String outputTopic;

  @Option(names = "--error-topic", paramLabel = "TOPIC", defaultValue = "news.dlq.v1",
      description = "Dead-letter topic (default news.dlq.v1).")
  private String errorTopic;

  @Mixin
  private TopicOptions topicOptions;

  @Option(names = "--no-create-topics", negatable = false,
      description = "Do not create missing topics.")
  private boolean noCreateTopics;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Time zone of timestamps written without one (default UTC).")
  private ZoneId zone;

  @Option(names = "--max-document-bytes", defaultValue = "10485760",
      description = "Largest input document accepted (default 10 MiB).")
  private long maxDocumentBytes;

  @Option(names = "--threads", defaultValue = "1",
      description = "Documents parsed at once (default 1). More is faster for bulk loads, but"
          + " versions of one story in different files are then published in no set order.")
  private int threads;

  @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
  private boolean noProgress;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  /** The --feed URLs, in order. */
  List<URI> feedUrls() {
    return feeds.stream().map(feed -> feed.url).toList();
  }

  /** The --feed-zone of each --feed that has one. */
  Map<URI, ZoneId> feedZones() {
    final Map<URI, ZoneId> zones = new HashMap<>();
    feeds.stream().filter(feed -> feed.zone != null)
        .forEach(feed -> zones.put(feed.url, feed.zone));
    return zones;
  }

  @Override
  public Integer call() throws Exception {
    final boolean service = watch != null || !feeds.isEmpty() || httpPort != null;
    if (paths.isEmpty() && !service) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Nothing to ingest: give PATH..., --watch DIR, --feed URL or --http-port PORT");
    }
    final List<String> documents;
    try {
      documents = InputDocuments.expand(paths);
    } catch (final IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    final ParserConfig parserConfig = ParserConfig.defaults().withDefaultZone(zone)
        .withMaxDocumentBytes(maxDocumentBytes);
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Heap, GC, threads and CPU next to our own series: the dashboards show them per service.
    new JvmMemoryMetrics().bindTo(meters);
    new JvmGcMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    final VersionLedger ledger = new VersionLedger();
    try (StorySink sink = dryRun ? new DryRunSink(spec.commandLine().getOut())
        : kafkaSink(parserConfig, ledger, meters)) {
      final IngestPipeline pipeline = new IngestPipeline(new StoryParsers(parserConfig), ledger,
          sink, new IngestMetrics(meters), Clock.systemUTC());
      final IngestSummary summary = ingestFiles(pipeline, documents, parserConfig);
      summary.awaitAcknowledgements();
      final PrintWriter err = spec.commandLine().getErr();
      summary.lines().forEach(err::println);
      err.flush();
      if (service) {
        runService(pipeline, sink, meters, parserConfig);
      }
      if (!summary.publishFailures().isEmpty()) {
        return EXIT_NOT_ACKNOWLEDGED;
      }
      return summary.rejections().isEmpty() ? 0 : EXIT_REJECTED;
    }
  }

  private StorySink kafkaSink(final ParserConfig parserConfig, final VersionLedger ledger,
      final PrometheusMeterRegistry meters) {
    if (cluster.bootstrapServers() == null || cluster.schemaRegistryUrl() == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap-servers and"
          + " --schema-registry-url are required (or WIRESTREAM_BOOTSTRAP_SERVERS and"
          + " WIRESTREAM_SCHEMA_REGISTRY_URL), unless --dry-run");
    }
    final IngestConfig config = new IngestConfig(cluster.bootstrapServers(),
        cluster.schemaRegistryUrl(), cluster.clientProperties(), outputTopic, errorTopic,
        topicOptions.partitions(), topicOptions.replicationFactor(), !noCreateTopics, parserConfig);
    if (config.createTopics()) {
      TopicInitializer.ensureTopics(config);
    }
    LedgerLoader.load(config, ledger, Duration.ofMinutes(5));
    final KafkaStorySink sink = new KafkaStorySink(config);
    sink.bindMetrics(meters);
    return sink;
  }

  private IngestSummary ingestFiles(final IngestPipeline pipeline, final List<String> documents,
      final ParserConfig parserConfig) throws InterruptedException {
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1");
    }
    final IngestSummary summary = new IngestSummary();
    if (documents.isEmpty()) {
      return summary;
    }
    final AtomicBoolean stop = new AtomicBoolean();
    final ExecutorService workers = Executors.newFixedThreadPool(threads);
    try (ProgressBar progress = progressBar(documents.size())) {
      final List<Future<?>> work = new ArrayList<>();
      for (final String document : documents) {
        work.add(workers.submit(() -> {
          if (stop.get()) {
            return;
          }
          final DocumentResult result = ingestOne(pipeline, document, parserConfig);
          summary.add(result);
          if (progress != null) {
            progress.step();
          }
          if (!result.rejections().isEmpty() && !keepGoing) {
            stop.set(true);
          }
        }));
      }
      for (final Future<?> done : work) {
        try {
          done.get();
        } catch (final ExecutionException e) {
          throw new IllegalStateException("Ingesting failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      workers.shutdownNow();
    }
    return summary;
  }

  private DocumentResult ingestOne(final IngestPipeline pipeline, final String document,
      final ParserConfig parserConfig) {
    try {
      final byte[] bytes = InputDocuments.read(document, parserConfig.maxDocumentBytes());
      return pipeline.ingest(bytes, document, Optional.ofNullable(format), false);
    } catch (final StoryParseException e) {
      return new DocumentResult(document, List.of(), List.of(new Rejection(e.origin(),
          e.position(), e.reason(), e.detail())));
    } catch (final IOException e) {
      throw new java.io.UncheckedIOException("Cannot read " + document, e);
    }
  }

  private ProgressBar progressBar(final int documents) {
    if (noProgress || System.console() == null || documents < 2) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName("Ingesting").setInitialMax(documents)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" docs", 1).build();
  }

  private void runService(final IngestPipeline pipeline, final StorySink sink,
      final PrometheusMeterRegistry meters, final ParserConfig parserConfig)
      throws InterruptedException {
    final List<AutoCloseable> running = new ArrayList<>();
    final PrintWriter out = spec.commandLine().getErr();
    final Optional<SourceFormat> forced = Optional.ofNullable(format);
    if (watch != null) {
      running.add(WatchFolder.start(watch, pipeline, forced, parserConfig.maxDocumentBytes()));
      out.println("Watching " + watch + " for new stories");
    }
    if (!feeds.isEmpty()) {
      running.add(FeedPoller.start(feedUrls(), feedZones(), interval, pipeline,
          parserConfig.maxDocumentBytes()));
      out.println("Polling " + feeds.size() + " feed(s) every " + interval);
    }
    if (httpPort != null) {
      final IngestHttpServer server = IngestHttpServer.start(new IngestHttpSettings(httpHost,
          httpPort, Optional.ofNullable(httpToken).filter(t -> !t.isBlank()),
          parserConfig.maxDocumentBytes()).withTimeouts(httpIdleTimeout, httpBodyTimeout),
          pipeline, meters, sink::ready);
      running.add(server);
      out.println("Ingest HTTP endpoint: http://" + httpHost + ":" + server.port()
          + "/v1/articles (stories to " + (dryRun ? "standard output" : outputTopic) + ")");
    }
    // Stopped last, after the inputs that feed it, so what they accepted is flushed.
    running.add(sink);
    out.flush();
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (final AutoCloseable component : running) {
        try {
          component.close();
        } catch (final Exception e) {
          System.err.println("Error while stopping " + component + ": " + e);
        }
      }
      stopped.countDown();
    }, "ingest-shutdown"));
    stopped.await();
  }
}
