package io.wirestream.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackOptions;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.DocumentResult;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.pipeline.IngestSummary;
import io.wirestream.ingest.publish.IngestConfig;
import io.wirestream.ingest.publish.KafkaStorySink;
import io.wirestream.ingest.publish.TopicInitializer;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.serde.AvroSerializer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load driver: ingests N generated stories (2-8 KB bodies, as JSON-lines documents of 100 stories,
 * the bulk-load path) through the real ingest pipeline to a devstack broker, and beside it sends the
 * very same record values with a bare {@code KafkaProducer} using the same producer settings
 * (idempotent, acks=all, zstd, same batching): the raw ceiling. Prints stories/s and MB/s of both.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.wirestream.benchmarks.IngestLoadBenchmark
 * [stories] [rounds]} (default 20000 stories, 3 rounds, alternating raw and ingest).
 */
public final class IngestLoadBenchmark {

  private static final int STORIES_PER_DOCUMENT = 100;

  private IngestLoadBenchmark() {
  }

  public static void main(final String[] args) throws Exception {
    final int stories = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    try (DevStack stack = DevStack.start(DevStackOptions.defaults())) {
      final List<Result> raw = new ArrayList<>();
      final List<Result> ingest = new ArrayList<>();
      final List<Result> ingestParallel = new ArrayList<>();
      // A small warm-up of every path, not counted.
      rawProducer(stack, stories / 10, "warmup-raw");
      ingest(stack, stories / 10, "warmup-ingest", 1_000_000, 1);
      ingest(stack, stories / 10, "warmup-ingest-2", 2_000_000, 2);
      for (int round = 1; round <= rounds; round++) {
        raw.add(rawProducer(stack, stories, "raw-" + round));
        ingest.add(ingest(stack, stories, "ingest-" + round, round * 10_000_000, 1));
        ingestParallel.add(ingest(stack, stories, "ingest2-" + round,
            round * 10_000_000 + 5_000_000, 2));
      }
      System.out.printf("%nIngest load, %d stories per round, %d rounds (best round shown):%n",
          stories, rounds);
      final Result bestRaw = best(raw);
      print("bare KafkaProducer", bestRaw, "record values");
      print("ingest, 1 thread", best(ingest), "JSON-lines input");
      print("ingest, 2 threads", best(ingestParallel), "JSON-lines input");
      System.out.printf("  ratio ingest/raw: %.2fx (1 thread), %.2fx (2 threads)%n",
          best(ingest).storiesPerSecond() / bestRaw.storiesPerSecond(),
          best(ingestParallel).storiesPerSecond() / bestRaw.storiesPerSecond());
      // Throughput is at most cores / CPU per story. With the pipeline's work on top of the
      // producer's and the broker's, that bounds ingest however many threads parse.
      final int cores = Runtime.getRuntime().availableProcessors();
      final double bound = cores * 1e6 / Math.min(best(ingest).cpuMicrosPerStory(),
          best(ingestParallel).cpuMicrosPerStory());
      System.out.printf("  CPU bound of ingest: %d cores / %.0f us per story = %,.0f stories/s, "
              + "%.2fx of the raw rate; 0.8x would need at most %.0f us of CPU per story%n",
          cores, Math.min(best(ingest).cpuMicrosPerStory(),
              best(ingestParallel).cpuMicrosPerStory()), bound,
          bound / bestRaw.storiesPerSecond(), cores * 1e6 / (0.8 * bestRaw.storiesPerSecond()));
      System.out.println("  all rounds: raw " + raw + "; ingest " + ingest + "; ingest x2 "
          + ingestParallel);
    }
  }

  /**
   * One timed run, with the CPU time this JVM (pipeline, producer and the in-process broker) used
   * meanwhile.
   */
  private record Result(int stories, long valueBytes, long nanos, long cpuNanos) {

    /** Share of all the machine's cores this JVM kept busy. */
    double cpuShare() {
      return cpuNanos / (double) nanos / Runtime.getRuntime().availableProcessors();
    }

    double cpuMicrosPerStory() {
      return cpuNanos / 1e3 / stories;
    }

    double storiesPerSecond() {
      return stories / (nanos / 1e9);
    }

    double megabytesPerSecond() {
      return valueBytes / 1e6 / (nanos / 1e9);
    }

    @Override
    public String toString() {
      return String.format("%.0f/s", storiesPerSecond());
    }
  }

  private static Result best(final List<Result> results) {
    return results.stream().max((a, b) -> Double.compare(a.storiesPerSecond(),
        b.storiesPerSecond())).orElseThrow();
  }

  private static void print(final String name, final Result result, final String bytesOf) {
    System.out.printf("  %-20s %,10.0f stories/s  %8.1f MB/s of %s  (%d stories, %.2f s; JVM CPU "
            + "%.0f%% of %d cores, %.0f us per story)%n", name, result.storiesPerSecond(),
        result.megabytesPerSecond(), bytesOf, result.stories(), result.nanos() / 1e9,
        100 * result.cpuShare(), Runtime.getRuntime().availableProcessors(),
        result.cpuMicrosPerStory());
  }

  private static IngestConfig config(final DevStack stack, final String name) {
    final IngestConfig config = IngestConfig.of(stack.bootstrapServers(), stack.schemaRegistryUrl())
        .withTopics("bench-" + name, "bench-dlq-" + name);
    TopicInitializer.ensureTopics(config);
    return config;
  }

  /** The raw ceiling: the same serialized values, sent by a bare producer with the same settings. */
  private static Result rawProducer(final DevStack stack, final int stories, final String name) {
    final IngestConfig config = config(stack, name);
    final SplittableRandom random = new SplittableRandom(7);
    final List<byte[]> values = new ArrayList<>(stories);
    final List<String> keys = new ArrayList<>(stories);
    try (AvroSerializer<RawArticle> serializer = new AvroSerializer<>()) {
      serializer.configure(config.registryProperties(), false);
      for (int i = 0; i < stories; i++) {
        final RawArticle article = BenchmarkStories.raw(random, i);
        keys.add(article.getId());
        values.add(serializer.serialize(Topics.RAW.name(), article));
      }
    }
    long bytes = 0;
    final long cpuStarted;
    final long started;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config.producerProperties(),
        new StringSerializer(), new ByteArraySerializer())) {
      // As for ingest, the clock starts once the producer exists.
      cpuStarted = processCpuNanos();
      started = System.nanoTime();
      for (int i = 0; i < stories; i++) {
        producer.send(new ProducerRecord<>(config.rawTopic(), keys.get(i), values.get(i)));
        bytes += values.get(i).length;
      }
      producer.flush();
    }
    return new Result(stories, bytes, System.nanoTime() - started,
        processCpuNanos() - cpuStarted);
  }

  /** The ingest path: JSON-lines documents parsed, identified, versioned and published. */
  private static Result ingest(final DevStack stack, final int stories, final String name,
      final int idOffset, final int threads) throws Exception {
    final IngestConfig config = config(stack, name);
    final List<byte[]> documents = jsonLinesDocuments(stories, idOffset);
    final long started;
    final long cpuStarted;
    final IngestSummary summary = new IngestSummary();
    long bytes = 0;
    try (KafkaStorySink sink = new KafkaStorySink(config)) {
      final IngestPipeline pipeline = new IngestPipeline(new StoryParsers(config.parser()),
          new VersionLedger(), sink, new IngestMetrics(new SimpleMeterRegistry()),
          Clock.systemUTC());
      final ExecutorService workers = Executors.newFixedThreadPool(threads);
      cpuStarted = processCpuNanos();
      started = System.nanoTime();
      final List<Future<?>> work = new ArrayList<>();
      for (final byte[] document : documents) {
        work.add(workers.submit(() -> {
          final DocumentResult result = pipeline.ingest(document, name, Optional.empty(), false);
          summary.add(result);
        }));
      }
      for (final Future<?> done : work) {
        done.get();
      }
      workers.shutdown();
      sink.flush();
      summary.awaitAcknowledgements();
    }
    final long nanos = System.nanoTime() - started;
    final long cpuNanos = processCpuNanos() - cpuStarted;
    if (summary.count(VersionLedger.Outcome.NEW) != stories || !summary.rejections().isEmpty()
        || !summary.publishFailures().isEmpty()) {
      throw new IllegalStateException("Benchmark input not fully published: " + summary.lines());
    }
    for (final byte[] document : documents) {
      bytes += document.length;
    }
    return new Result(stories, bytes, nanos, cpuNanos);
  }

  /** CPU time of this whole JVM so far; the broker runs in it too. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  private static List<byte[]> jsonLinesDocuments(final int stories, final int idOffset)
      throws Exception {
    final ObjectMapper json = new ObjectMapper();
    final SplittableRandom random = new SplittableRandom(7);
    final List<byte[]> documents = new ArrayList<>();
    StringBuilder document = new StringBuilder();
    for (int i = 0; i < stories; i++) {
      final RawArticle article = BenchmarkStories.raw(random, i);
      final Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", "urn:bench:" + (idOffset + i));
      line.put("source", article.getSource());
      line.put("outlet", article.getOutlet());
      line.put("headline", article.getHeadline());
      line.put("byline", article.getByline());
      line.put("dateline", article.getDateline());
      line.put("section", article.getSection());
      line.put("language", article.getLanguage());
      line.put("body", article.getBody());
      line.put("subjects", article.getSubjects());
      line.put("publishedAt", article.getPublishedAt().toString());
      document.append(json.writeValueAsString(line)).append('\n');
      if ((i + 1) % STORIES_PER_DOCUMENT == 0 || i == stories - 1) {
        documents.add(document.toString().getBytes(StandardCharsets.UTF_8));
        document = new StringBuilder();
      }
    }
    return documents;
  }
}
