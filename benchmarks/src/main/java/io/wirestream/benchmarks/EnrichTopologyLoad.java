package io.wirestream.benchmarks;

import io.wirestream.devstack.DevStack;
import io.wirestream.enrich.EnrichConfig;
import io.wirestream.enrich.Enricher;
import io.wirestream.enrich.app.EnrichApp;
import io.wirestream.schemas.TopicAdmin;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The enrich-service topology on a devstack broker and registry, exactly-once v2, with the real
 * {@code NewsEnricher} and two stream threads: the throughput of a backlog of pre-serialized stories
 * (first record into the enricher to the last enriched record visible to a {@code read_committed}
 * consumer), after an uncounted warm-up backlog on other topics, then end-to-end latency and heap
 * at a steady rate on the same, warm app. Also counts where the JVM's CPU went during the backlog:
 * the broker runs in this JVM, on the same cores as the stream threads.
 */
final class EnrichTopologyLoad {

  /** Partitions of every topic: two per stream thread, so both threads always have work. */
  static final int PARTITIONS = 4;

  private static final Set<String> PRODUCER_WAITS = Set.of("flush-time-ns-total",
      "txn-send-offsets-time-ns-total", "txn-commit-time-ns-total", "txn-begin-time-ns-total",
      "metadata-wait-time-ns-total", "bufferpool-wait-time-ns-total");

  /** Warm-up backlogs at most, before measuring anyway. */
  static final int MAX_WARMUPS = 8;
  /** JIT compile time under this share of a warm-up backlog's wall time counts as settled. */
  static final double SETTLED_JIT_SHARE = 0.10;

  private static final Duration BACKLOG_DEADLINE = Duration.ofMinutes(10);
  private static final Duration DRAIN_GRACE = Duration.ofSeconds(60);
  private static final long HIGHEST_LATENCY_MS = TimeUnit.MINUTES.toMillis(10);
  private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-\\d+");
  /** Threads of the in-process KRaft broker and controller. */
  private static final Pattern BROKER_THREAD = Pattern.compile("^(data-plane-|kafka-\\d|"
      + "kafka-scheduler|kafka-log-cleaner|broker-|quorum-controller|controller-|group-coordinator|"
      + "share-|TxnMarkerSender|AddPartitionsToTxn|ExpirationReaper|LogDirFailureHandler|"
      + "transaction-|raft-|ReplicaFetcher|kafka-request-handler|kafka-network-thread|"
      + "ProducerStateManager|log-closing|metadata-|node-|event-)");

  private EnrichTopologyLoad() {
  }

  /**
   * Throughput of the backlog, with the CPU time the JVM spent meanwhile (from the first story into
   * the enricher to the last one visible): all of it, and the stream threads' share.
   */
  record Throughput(int stories, int streamThreads, long firstInToLastOutNanos,
      long appStartToRunningNanos, long produceNanos, long rawBytes, CpuUse cpu, long jitMillis,
      Map<String, Long> producerWaitNanos) {

    double storiesPerSecond() {
      return stories / (firstInToLastOutNanos / 1e9);
    }
  }

  /** Latency and heap of the steady-rate run; heap figures in bytes. */
  record Steady(int sent, int received, double rate, int seconds, Histogram latencyMs,
      long maxSendLagMs, List<Long> heapSamples, long heapAfterGcAtEnd) {
  }

  /** One uncounted warm-up backlog: its rate, and JIT compile time as a share of its wall time. */
  record Warmup(double storiesPerSecond, double jitShare) {
  }

  /**
   * The warm-ups, the measured backlogs, and the steady run ({@code steady} is empty when the
   * latency run was skipped).
   */
  record Result(List<Warmup> warmups, List<Throughput> rounds, Optional<Steady> steady) {

    /** The fastest measured backlog, as the offline rates report their best round. */
    Throughput throughput() {
      return rounds.stream().max(Comparator.comparingDouble(Throughput::storiesPerSecond))
          .orElseThrow();
    }
  }

  /**
   * Runs uncounted warm-up backlogs, each on its own topics and app, until the JIT has settled (the
   * broker's, clients' and Streams' hot paths are invoked per batch, not per story, and take far
   * longer to compile than the NLP ones), then the measured backlogs, each on fresh topics with a
   * fresh app, then (when {@code latencySeconds > 0}) the steady-rate run on the last app.
   *
   * @param stories the stories to send, cycled
   * @param warmup stories in each warm-up backlog; 0 for none
   * @param backlog stories in each measured backlog
   * @param rounds measured backlogs, each on fresh topics with a fresh app
   */
  static Result run(final DevStack stack, final Enricher enricher,
      final List<GoldStories.Story> stories, final int warmup, final int backlog,
      final int rounds, final int latencySeconds, final double rate, final Path stateDir)
      throws Exception {
    final List<Warmup> warmups = new ArrayList<>();
    for (int round = 1; warmup > 0 && round <= MAX_WARMUPS; round++) {
      try (Run run = Run.start(stack, enricher, stories, warmup,
          stateDir.resolve("warmup-" + round))) {
        final Throughput throughput = run.awaitBacklog();
        // JIT time over the same span as the rate: first story in to last story out.
        final Warmup done = new Warmup(throughput.storiesPerSecond(),
            throughput.jitMillis() * 1e6 / throughput.firstInToLastOutNanos());
        warmups.add(done);
        if (done.jitShare() < SETTLED_JIT_SHARE) {
          break;
        }
      }
    }
    final List<Throughput> measured = new ArrayList<>();
    for (int round = 1; round < rounds; round++) {
      try (Run run = Run.start(stack, enricher, stories, backlog,
          stateDir.resolve("measured-" + round))) {
        measured.add(run.awaitBacklog());
      }
    }
    // The last round's app stays up for the steady-rate run.
    try (Run run = Run.start(stack, enricher, stories, backlog, stateDir.resolve("measured"))) {
      measured.add(run.awaitBacklog());
      Optional<Steady> steady = Optional.empty();
      if (latencySeconds > 0) {
        steady = Optional.of(steady(stack, run.config.topics(), run.rawSerde, run.enrichedSerde,
            stories, run.runId, latencySeconds, rate));
      }
      return new Result(List.copyOf(warmups), List.copyOf(measured), steady);
    }
  }

  /**
   * Time the stream threads' producers have blocked their threads so far, by operation: the
   * exactly-once commit is a flush, then the offsets sent to the transaction, then the commit.
   */
  static Map<String, Long> producerWaits(final KafkaStreams streams) {
    final Map<String, Long> waits = new TreeMap<>();
    streams.metrics().forEach((name, metric) -> {
      if (name.group().equals("producer-metrics") && PRODUCER_WAITS.contains(name.name())
          && metric.metricValue() instanceof Number value) {
        waits.merge(name.name().replace("-time-ns-total", ""), value.longValue(), Long::sum);
      }
    });
    return waits;
  }

  private static Map<String, Long> since(final Map<String, Long> now,
      final Map<String, Long> before) {
    final Map<String, Long> delta = new TreeMap<>();
    now.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, 0L)));
    return delta;
  }

  /** Milliseconds the JIT compilers have spent so far, or 0 where the JVM does not say. */
  static long jitMillis() {
    final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime() : 0;
  }

  /** One app on its own topics, started on a pre-produced backlog, with a consumer of its output. */
  private static final class Run implements AutoCloseable {

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong firstIn = new AtomicLong();
    private EnrichConfig config;
    private SpecificAvroSerde<RawArticle> rawSerde;
    private SpecificAvroSerde<EnrichedArticle> enrichedSerde;
    private KafkaConsumer<String, byte[]> out;
    private EnrichApp app;
    private int backlog;
    private long produceNanos;
    private long rawBytes;
    private long appStarted;
    private long running;

    static Run start(final DevStack stack, final Enricher enricher,
        final List<GoldStories.Story> stories, final int backlog, final Path stateDir)
        throws Exception {
      final Run run = new Run();
      try {
        run.begin(stack, enricher, stories, backlog, stateDir);
        return run;
      } catch (final Exception | Error e) {
        run.close();
        throw e;
      }
    }

    private void begin(final DevStack stack, final Enricher enricher,
        final List<GoldStories.Story> stories, final int count, final Path stateDir)
        throws Exception {
      backlog = count;
      config = EnrichConfig.of(stack.bootstrapServers(), stack.schemaRegistryUrl(), stateDir)
          .withApplicationId("bench-enrich-" + runId)
          .withTopics(EnrichConfig.TopicNames.standard().withPrefix("bench-enrich-" + runId + "."));
      final EnrichConfig.TopicNames topics = config.topics();
      final Properties admin = new Properties();
      admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
      TopicAdmin.createMissing(admin, List.of(topics.raw(), topics.enriched(), topics.byCountry(),
          topics.entityMentions(), topics.trends(), topics.deadLetters()), PARTITIONS,
          Optional.empty());
      rawSerde = WirestreamSerdes.valueSerde(Topics.RAW, config.registryProperties());
      enrichedSerde = WirestreamSerdes.valueSerde(Topics.ENRICHED, config.registryProperties());

      final List<String> keys = new ArrayList<>(count);
      final List<byte[]> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        final String id = "backlog-" + runId + "-" + i;
        final RawArticle article = GoldStories.copy(stories.get(i % stories.size()), id,
            Instant.now());
        keys.add(id);
        values.add(rawSerde.serializer().serialize(topics.raw(), article));
        rawBytes += values.get(i).length;
      }
      final long produceStarted = System.nanoTime();
      try (KafkaProducer<String, byte[]> producer = producer(stack, 20)) {
        for (int i = 0; i < count; i++) {
          producer.send(new ProducerRecord<>(topics.raw(), keys.get(i), values.get(i)));
        }
        producer.flush();
      }
      produceNanos = System.nanoTime() - produceStarted;

      out = committedConsumer(stack);
      final List<TopicPartition> partitions = partitions(out, topics.enriched());
      out.assign(partitions);
      out.seekToBeginning(partitions);
      partitions.forEach(out::position);

      // Marks when the first story reaches the enricher; one volatile read per story after that.
      final Enricher timed = raw -> {
        if (firstIn.get() == 0) {
          firstIn.compareAndSet(0, System.nanoTime());
        }
        return enricher.enrich(raw);
      };
      appStarted = System.nanoTime();
      app = EnrichApp.start(config, timed, PARTITIONS, Optional.empty());
      if (!app.awaitRunning(Duration.ofSeconds(90))) {
        throw new IllegalStateException("Enrich app not RUNNING after 90 s: "
            + app.streams().state());
      }
      running = System.nanoTime();
    }

    /** Polls until the whole backlog is visible enriched; CPU is counted from the first story in. */
    Throughput awaitBacklog() {
      final long deadline = System.nanoTime() + BACKLOG_DEADLINE.toNanos();
      int seen = 0;
      CpuSnapshot atFirstIn = null;
      long jitAtFirstIn = 0;
      Map<String, Long> waitsAtFirstIn = Map.of();
      while (System.nanoTime() < deadline) {
        if (atFirstIn == null && firstIn.get() != 0) {
          atFirstIn = CpuSnapshot.take();
          jitAtFirstIn = jitMillis();
          waitsAtFirstIn = producerWaits(app.streams());
        }
        for (final ConsumerRecord<String, byte[]> record : out.poll(Duration.ofMillis(20))) {
          if (record.value() != null) {
            seen++;
          }
        }
        if (seen >= backlog) {
          final long lastOut = System.nanoTime();
          final CpuSnapshot atLastOut = CpuSnapshot.take();
          final CpuSnapshot from = atFirstIn == null ? atLastOut : atFirstIn;
          return new Throughput(backlog, config.streamThreads(), lastOut - firstIn.get(),
              running - appStarted, produceNanos, rawBytes, atLastOut.since(from),
              jitMillis() - jitAtFirstIn, since(producerWaits(app.streams()), waitsAtFirstIn));
        }
      }
      throw new IllegalStateException("Only " + seen + " of " + backlog + " enriched stories "
          + "visible after " + BACKLOG_DEADLINE.toMinutes() + " min (the rest were dead-lettered "
          + "or are stuck)");
    }

    @Override
    public void close() {
      if (app != null) {
        app.close();
      }
      if (out != null) {
        out.close();
      }
      if (rawSerde != null) {
        rawSerde.close();
      }
      if (enrichedSerde != null) {
        enrichedSerde.close();
      }
    }
  }

  /** Where the JVM's CPU time went between two snapshots, in nanoseconds. */
  record CpuUse(long process, long streamThreads, long streamClientIo, long broker,
      long otherJava) {

    /** Process CPU not on any Java thread: garbage collection, JIT compilers, VM threads. */
    long gcJitVm() {
      return process - streamThreads - streamClientIo - broker - otherJava;
    }
  }

  /** CPU time of the process and of every live Java thread. */
  private record CpuSnapshot(long processNanos, Map<Long, String> names, Map<Long, Long> cpu) {

    static CpuSnapshot take() {
      final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      final Map<Long, String> names = new HashMap<>();
      final Map<Long, Long> cpu = new HashMap<>();
      for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info != null) {
          names.put(info.getThreadId(), info.getThreadName());
          cpu.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
        }
      }
      final long process = ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
      return new CpuSnapshot(process, names, cpu);
    }

    /** CPU used since {@code earlier}, by kind of thread (threads gone meanwhile are lost). */
    CpuUse since(final CpuSnapshot earlier) {
      long stream = 0;
      long streamIo = 0;
      long broker = 0;
      long other = 0;
      for (final Map.Entry<Long, Long> thread : cpu.entrySet()) {
        final long used = thread.getValue() - earlier.cpu().getOrDefault(thread.getKey(), 0L);
        final String name = names.get(thread.getKey());
        if (STREAM_THREAD.matcher(name).matches()) {
          stream += used;
        } else if (name.contains("-StreamThread-")) {
          streamIo += used;
        } else if (BROKER_THREAD.matcher(name).find()) {
          broker += used;
        } else {
          other += used;
        }
      }
      return new CpuUse(processNanos - earlier.processNanos(), stream, streamIo, broker, other);
    }
  }

  /**
   * Sends {@code rate} stories per second for {@code seconds}, each with {@code ingestedAt} = its
   * send time, and records for each the time until a read_committed consumer receives it
   * enriched. Samples heap used every second, after a {@code System.gc()} at the start.
   */
  private static Steady steady(final DevStack stack, final EnrichConfig.TopicNames topics,
      final SpecificAvroSerde<RawArticle> rawSerde,
      final SpecificAvroSerde<EnrichedArticle> enrichedSerde,
      final List<GoldStories.Story> stories, final String runId, final int seconds,
      final double rate) throws Exception {
    final int count = (int) Math.round(seconds * rate);
    final long intervalNanos = Math.round(1e9 / rate);
    final CountDownLatch ready = new CountDownLatch(1);
    final ExecutorService receiver = Executors.newSingleThreadExecutor(
        daemon("latency-consumer"));
    final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
        daemon("heap-sampler"));
    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        + DRAIN_GRACE.toNanos();
    try {
      final Future<Histogram> latencies = receiver.submit(() ->
          receive(stack, topics.enriched(), enrichedSerde, count, deadline, ready));
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Latency consumer not positioned after 30 s");
      }
      final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      final List<Long> heap = Collections.synchronizedList(new ArrayList<>());
      sampler.scheduleAtFixedRate(() -> heap.add(memory.getHeapMemoryUsage().getUsed()), 0, 1,
          TimeUnit.SECONDS);

      long maxLagNanos = 0;
      try (KafkaProducer<String, byte[]> producer = producer(stack, 0)) {
        final long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
          final long target = start + i * intervalNanos;
          long wait = target - System.nanoTime();
          while (wait > 0) {
            LockSupport.parkNanos(wait);
            wait = target - System.nanoTime();
          }
          maxLagNanos = Math.max(maxLagNanos, -wait);
          final String id = "steady-" + runId + "-" + i;
          final RawArticle article = GoldStories.copy(stories.get(i % stories.size()), id,
              Instant.ofEpochMilli(System.currentTimeMillis()));
          producer.send(new ProducerRecord<>(topics.raw(), id,
              rawSerde.serializer().serialize(topics.raw(), article)));
        }
        producer.flush();
      }
      final Histogram histogram = latencies.get(
          Math.max(1, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(5),
          TimeUnit.NANOSECONDS);
      sampler.shutdown();
      sampler.awaitTermination(5, TimeUnit.SECONDS);
      System.gc();
      final long afterGc = memory.getHeapMemoryUsage().getUsed();
      return new Steady(count, (int) histogram.getTotalCount(), rate, seconds, histogram,
          TimeUnit.NANOSECONDS.toMillis(maxLagNanos), List.copyOf(heap), afterGc);
    } finally {
      sampler.shutdownNow();
      receiver.shutdownNow();
      receiver.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** The steady run's consumer: from the end of the enriched topic, until all or the deadline. */
  private static Histogram receive(final DevStack stack, final String topic,
      final SpecificAvroSerde<EnrichedArticle> serde, final int count, final long deadline,
      final CountDownLatch ready) {
    final Histogram histogram = new Histogram(HIGHEST_LATENCY_MS, 3);
    try (KafkaConsumer<String, byte[]> consumer = committedConsumer(stack)) {
      final List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      ready.countDown();
      while (histogram.getTotalCount() < count && System.nanoTime() < deadline) {
        for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
          final long received = System.currentTimeMillis();
          if (record.value() == null) {
            continue;
          }
          final EnrichedArticle story = serde.deserializer().deserialize(topic, record.value());
          final long latency = received - story.getIngestedAt().toEpochMilli();
          histogram.recordValue(Math.min(Math.max(latency, 0), HIGHEST_LATENCY_MS));
        }
      }
    }
    return histogram;
  }

  private static KafkaProducer<String, byte[]> producer(final DevStack stack,
      final int lingerMs) {
    final Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<String, byte[]> committedConsumer(final DevStack stack) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static List<TopicPartition> partitions(final KafkaConsumer<?, ?> consumer,
      final String topic) {
    final List<TopicPartition> partitions = new ArrayList<>();
    consumer.partitionsFor(topic, Duration.ofSeconds(30))
        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    return partitions;
  }

  private static ThreadFactory daemon(final String name) {
    return runnable -> {
      final Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
