package io.wirestream.benchmarks;

import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackOptions;
import io.wirestream.enrich.Enricher;
import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.batch.GoldEvaluation;
import io.wirestream.enrich.batch.Scores;
import io.wirestream.enrich.entities.EntityRecognizer;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.serde.AvroLimits;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Load driver for issue 4's benchmark: in one run, on the same stories (the English stories of the
 * gold set, cycled), prints
 * <ol>
 *   <li>the bare CRF's tagging rate ({@code EntityRecognizer.mentions} of headline and body),</li>
 *   <li>the full {@code NewsEnricher}'s rate, and its ratio to the bare CRF,</li>
 *   <li>the full topology's rate, exactly-once v2 on devstack with two stream threads, and its
 *       ratio to the enricher alone,</li>
 *   <li>end-to-end latency (ingested-at to a read_committed consumer) at a steady rate,</li>
 *   <li>heap used during that steady run,</li>
 *   <li>the baseline: CoreNLP's own {@code tokenize,ssplit,pos,lemma,ner} pipeline, its rate and
 *       its entity F1 on the gold set beside ours.</li>
 * </ol>
 * Offline rates are single-threaded (the enricher also with two threads, for the topology's
 * comparison), best of several rounds after an uncounted warm-up. The enricher's ratio to the bare
 * CRF is the median of the ratios of {@code --pairs} back-to-back pairs of rounds, the order
 * alternating within each pair.
 *
 * <p>{@code java -Xmx1g -cp benchmarks/target/benchmarks.jar:MODELS_JAR
 * io.wirestream.benchmarks.EnrichLoadBenchmark [stories] [latencySeconds] [--rounds=3]
 * [--pairs=6] [--rate=20] [--baseline-stories=350] [--baseline-heap=3g] [--gold=DIR]
 * [--no-topology] [--no-latency] [--no-baseline]}. Defaults: 2000 stories, 60 s. Run from the
 * repository root (the gold set is read from {@code enrich-service/src/test/resources/gold}). The baseline needs the
 * CoreNLP models jar on the classpath and about 1.2 GB of live heap: with a max heap under 2.5 GB
 * (as in the 1 GB run that measures heap) part 6 runs in a child JVM with
 * {@code --baseline-heap}; see docs/performance.md.
 */
public final class EnrichLoadBenchmark {

  private static final int MAX_WARMUP = 500;
  /** Below this max heap, the CoreNLP baseline runs in a child JVM. */
  private static final long IN_PROCESS_BASELINE_HEAP = 2_500L << 20;
  private static final long BASELINE_TIMEOUT_MINUTES = 30;

  private EnrichLoadBenchmark() {
  }

  /** What to run. */
  record Options(int stories, int latencySeconds, int rounds, int pairs, double rate,
      int baselineStories, Path goldDir, boolean topology, boolean latency, boolean baseline,
      String baselineHeap, boolean baselineOnly, double oursRate, Path resultFile) {

    static Options parse(final String[] args) {
      int stories = 2_000;
      int latencySeconds = 60;
      int rounds = 3;
      int pairs = 6;
      double rate = 20;
      int baselineStories = 350;
      Path gold = GoldStories.DEFAULT_DIR;
      boolean topology = true;
      boolean latency = true;
      boolean baseline = true;
      String baselineHeap = "3g";
      boolean baselineOnly = false;
      double oursRate = 0;
      Path resultFile = null;
      int positional = 0;
      for (final String arg : args) {
        if (arg.startsWith("--rounds=")) {
          rounds = Integer.parseInt(value(arg));
        } else if (arg.startsWith("--pairs=")) {
          pairs = Integer.parseInt(value(arg));
        } else if (arg.startsWith("--rate=")) {
          rate = Double.parseDouble(value(arg));
        } else if (arg.startsWith("--baseline-stories=")) {
          baselineStories = Integer.parseInt(value(arg));
        } else if (arg.startsWith("--gold=")) {
          gold = Path.of(value(arg));
        } else if (arg.equals("--no-topology")) {
          topology = false;
        } else if (arg.equals("--no-latency")) {
          latency = false;
        } else if (arg.equals("--no-baseline")) {
          baseline = false;
        } else if (arg.startsWith("--baseline-heap=")) {
          baselineHeap = value(arg);
        } else if (arg.equals("--baseline-only")) {
          baselineOnly = true;
        } else if (arg.startsWith("--ours-rate=")) {
          oursRate = Double.parseDouble(value(arg));
        } else if (arg.startsWith("--result-file=")) {
          resultFile = Path.of(value(arg));
        } else if (!arg.startsWith("--") && positional == 0) {
          stories = Integer.parseInt(arg);
          positional++;
        } else if (!arg.startsWith("--") && positional == 1) {
          latencySeconds = Integer.parseInt(arg);
          positional++;
        } else {
          throw new IllegalArgumentException("Unknown argument: " + arg + "; usage: [stories] "
              + "[latencySeconds] [--rounds=N] [--pairs=N] [--rate=R] [--baseline-stories=N] "
              + "[--gold=DIR] [--no-topology] [--no-latency] [--no-baseline] "
              + "[--baseline-heap=3g]");
        }
      }
      if (stories < 1 || rounds < 1 || pairs < 1 || rate <= 0 || baselineStories < 1
          || latencySeconds < 1) {
        throw new IllegalArgumentException("stories, rounds, pairs, rate, baseline stories and "
            + "latency seconds must be positive");
      }
      return new Options(stories, latencySeconds, rounds, pairs, rate, baselineStories, gold,
          topology, latency && topology, baseline, baselineHeap, baselineOnly, oursRate,
          resultFile);
    }

    private static String value(final String arg) {
      return arg.substring(arg.indexOf('=') + 1);
    }
  }

  /** One timed pass. */
  record Rate(int stories, long tokens, long nanos, long checksum) {

    double storiesPerSecond() {
      return stories / (nanos / 1e9);
    }

    double tokensPerSecond() {
      return tokens / (nanos / 1e9);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f/s", storiesPerSecond());
    }
  }

  public static void main(final String[] args) throws Exception {
    // As in the services: Avro's length caps set before Avro first reads them (the stories built
    // below would otherwise load Avro first and every decode would pay an extra validation pass).
    AvroLimits.applyDefaults();
    final Options options = Options.parse(args);
    if (options.baseline() && !CoreNlpPipelineEnricher.modelsAvailable()) {
      throw new IllegalStateException("The CoreNLP baseline needs the models jar on the classpath: "
          + "java -Xmx1g -cp benchmarks/target/benchmarks.jar:$HOME/.m2/repository/edu/stanford/nlp/"
          + "stanford-corenlp/4.5.10/stanford-corenlp-4.5.10-models.jar "
          + EnrichLoadBenchmark.class.getName() + " (or pass --no-baseline)");
    }
    final List<GoldStories.Story> stories = GoldStories.english(options.goldDir());
    if (options.baselineOnly()) {
      final BaselineFigures figures = baseline(options, stories, NewsEnricher.load(),
          options.oursRate());
      if (options.resultFile() != null) {
        figures.write(options.resultFile());
      }
      return;
    }
    final long runStarted = System.nanoTime();
    final long tokensPerCycle = stories.stream().mapToLong(GoldStories.Story::tokens).sum();
    System.out.printf(Locale.ROOT, "Enrichment load: %d English gold stories (%d tokens, %.0f "
            + "tokens/story) cycled to %d; %d paired rounds, %d rounds; JVM max heap %d MB; %d "
            + "CPUs; load average %.2f%n", stories.size(), tokensPerCycle,
        (double) tokensPerCycle / stories.size(), options.stories(), options.pairs(),
        options.rounds(), Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(), loadAverage());

    final EntityRecognizer crf = EntityRecognizer.load();
    final NewsEnricher enricher = NewsEnricher.load();

    // 1 and 2: bare CRF and the full enricher in paired rounds, back to back, the order
    // alternating (CRF first, then enricher first), after a warm-up of each. The ratio is taken
    // within each pair, so both sides of it see the same machine: on shared cores the rate drifts
    // by several percent between rounds, more than the difference being measured.
    final int warmup = Math.min(options.stories(), MAX_WARMUP);
    tag(crf, stories, warmup);
    enrich(enricher, stories, warmup, 1);
    enrich(enricher, stories, warmup, 2);
    final List<Rate> crfRounds = new ArrayList<>();
    final List<Rate> enricherRounds = new ArrayList<>();
    for (int pair = 0; pair < options.pairs(); pair++) {
      if (pair % 2 == 0) {
        crfRounds.add(tag(crf, stories, options.stories()));
        enricherRounds.add(enrich(enricher, stories, options.stories(), 1));
      } else {
        enricherRounds.add(enrich(enricher, stories, options.stories(), 1));
        crfRounds.add(tag(crf, stories, options.stories()));
      }
    }
    final List<Rate> enricher2Rounds = new ArrayList<>();
    for (int round = 0; round < options.rounds(); round++) {
      enricher2Rounds.add(enrich(enricher, stories, options.stories(), 2));
    }
    final Rate bareCrf = best(crfRounds);
    final Rate full = best(enricherRounds);
    final Rate full2 = best(enricher2Rounds);
    final PairedRatio enricherRatio = PairedRatio.of(enricherRounds, crfRounds);
    System.out.printf("%n1. Bare CRF (EntityRecognizer.mentions of headline + body), 1 thread%n");
    printRate(bareCrf, crfRounds, "mentions");
    System.out.printf("%n2. Full NewsEnricher, 1 thread%n");
    printRate(full, enricherRounds, "entities");
    System.out.printf(Locale.ROOT, "   ratio to bare CRF: %.3fx, the median of %d paired rounds "
            + "%s (goal >= 0.90x); best of each side: %.3fx%n", enricherRatio.median(),
        enricherRatio.ratios().size(), enricherRatio.formatted(),
        full.storiesPerSecond() / bareCrf.storiesPerSecond());
    System.out.printf("   NewsEnricher, 2 threads (for comparison with the topology)%n");
    printRate(full2, enricher2Rounds, "entities");

    // 3, 4, 5: the topology on devstack.
    Optional<EnrichTopologyLoad.Result> topology = Optional.empty();
    if (options.topology()) {
      final Path stateDir = Files.createTempDirectory("wirestream-enrich-bench-");
      try (DevStack stack = DevStack.start(DevStackOptions.defaults())) {
        // Warm-up and measured backlogs as large as the offline runs, as many measured rounds.
        topology = Optional.of(EnrichTopologyLoad.run(stack, enricher, stories, options.stories(),
            options.stories(), options.rounds(), options.latency() ? options.latencySeconds() : 0,
            options.rate(), stateDir));
      } finally {
        deleteRecursively(stateDir);
      }
      printTopology(topology.get(), full, full2);
    }

    // 6: the CoreNLP pipeline baseline beside ours, in a JVM with room for its models.
    Optional<BaselineFigures> baseline = Optional.empty();
    if (options.baseline()) {
      baseline = Optional.of(Runtime.getRuntime().maxMemory() >= IN_PROCESS_BASELINE_HEAP
          ? baseline(options, stories, enricher, full.storiesPerSecond())
          : forkBaseline(options, full.storiesPerSecond()));
    } else {
      System.out.printf("%n6. Baseline skipped (--no-baseline); ours on the gold set:%n");
      GoldEvaluation.evaluate(options.goldDir(), enricher).lines()
          .forEach(line -> System.out.println("   " + line));
    }
    printSummary(enricherRatio, full, topology, baseline);
    System.out.printf(Locale.ROOT, "%nDone in %.0f s; load average now %.2f%n",
        (System.nanoTime() - runStarted) / 1e9, loadAverage());
  }

  /** What the summary needs of the baseline, also handed from a child JVM as a properties file. */
  record BaselineFigures(double storiesPerSecond, double oursStoriesPerSecond, double f1,
      double oursF1) {

    void write(final Path file) throws IOException {
      final Properties props = new Properties();
      props.setProperty("storiesPerSecond", Double.toString(storiesPerSecond));
      props.setProperty("oursStoriesPerSecond", Double.toString(oursStoriesPerSecond));
      props.setProperty("f1", Double.toString(f1));
      props.setProperty("oursF1", Double.toString(oursF1));
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        props.store(out, "EnrichLoadBenchmark baseline");
      }
    }

    static BaselineFigures read(final Path file) throws IOException {
      final Properties props = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(in);
      }
      return new BaselineFigures(Double.parseDouble(props.getProperty("storiesPerSecond")),
          Double.parseDouble(props.getProperty("oursStoriesPerSecond")),
          Double.parseDouble(props.getProperty("f1")),
          Double.parseDouble(props.getProperty("oursF1")));
    }
  }

  /**
   * Part 6 in this JVM: loads CoreNLP's pipeline, times it on the same stories, scores it and ours
   * on the gold set (all 38 stories; the 35 English ones; its mentions merged our way).
   */
  private static BaselineFigures baseline(final Options options,
      final List<GoldStories.Story> stories, final Enricher ours, final double oursRate)
      throws Exception {
    final Path englishGold = Files.createTempDirectory("wirestream-gold-en-");
    try {
      GoldStories.writeEnglishOnly(options.goldDir(), englishGold);
      // Ours first, in a JVM where CoreNLP's pipeline has not run: as in the service.
      final GoldEvaluation.Result oursAll = GoldEvaluation.evaluate(options.goldDir(), ours);
      final GoldEvaluation.Result oursEnglish = GoldEvaluation.evaluate(englishGold, ours);
      final long loadStarted = System.nanoTime();
      final CoreNlpPipelineEnricher pipeline = CoreNlpPipelineEnricher.load();
      final long loadMillis = (System.nanoTime() - loadStarted) / 1_000_000;
      final int warmup = Math.min(options.baselineStories(), stories.size());
      enrich(pipeline, stories, warmup, 1);
      final Rate rate = enrich(pipeline, stories, options.baselineStories(), 1);
      final GoldEvaluation.Result its = GoldEvaluation.evaluate(options.goldDir(), pipeline);
      final GoldEvaluation.Result itsEnglish = GoldEvaluation.evaluate(englishGold, pipeline);
      final GoldEvaluation.Result itsMerged =
          GoldEvaluation.evaluate(options.goldDir(), pipeline.withOurMerging());
      System.out.printf(Locale.ROOT, "%n6. Baseline: CoreNLP pipeline (%s, defaults), 1 thread, "
              + "JVM max heap %d MB, loaded in %d ms%n", CoreNlpPipelineEnricher.ANNOTATORS,
          Runtime.getRuntime().maxMemory() >> 20, loadMillis);
      System.out.printf(Locale.ROOT, "   %,10.1f stories/s  %,10.0f tokens/s  (%d stories after "
              + "%d warm-up, %.1f s, %d entities)%n", rate.storiesPerSecond(),
          rate.tokensPerSecond(), rate.stories(), warmup, rate.nanos() / 1e9, rate.checksum());
      System.out.printf(Locale.ROOT, "   ours (NewsEnricher, 1 thread, %.1f stories/s) / "
          + "baseline: %.1fx (goal >= 5x)%n", oursRate, oursRate / rate.storiesPerSecond());
      printF1(oursAll, its, oursEnglish, itsEnglish, itsMerged);
      System.out.flush();
      return new BaselineFigures(rate.storiesPerSecond(), oursRate, its.entities().f1(),
          oursAll.entities().f1());
    } finally {
      deleteRecursively(englishGold);
    }
  }

  /**
   * Part 6 in a child JVM with {@code --baseline-heap} (the pipeline's models need about 1.2 GB
   * live; in a 1 GB heap it spends its time collecting garbage). Same classpath, same stories;
   * the child prints its section and hands its figures back in a file.
   */
  private static BaselineFigures forkBaseline(final Options options, final double oursRate)
      throws Exception {
    final Path result = Files.createTempFile("wirestream-baseline-", ".properties");
    try {
      final List<String> command = List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx" + options.baselineHeap(), "-cp", System.getProperty("java.class.path"),
          EnrichLoadBenchmark.class.getName(), "--baseline-only",
          "--baseline-stories=" + options.baselineStories(),
          "--gold=" + options.goldDir().toAbsolutePath(), "--ours-rate=" + oursRate,
          "--result-file=" + result);
      System.out.printf("%n(part 6 runs in a child JVM with -Xmx%s: this one has %d MB)%n",
          options.baselineHeap(), Runtime.getRuntime().maxMemory() >> 20);
      System.out.flush();
      final Process child = new ProcessBuilder(command).inheritIO().start();
      try {
        if (!child.waitFor(BASELINE_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          throw new IllegalStateException("Baseline JVM still running after "
              + BASELINE_TIMEOUT_MINUTES + " min; stopped it");
        }
        if (child.exitValue() != 0) {
          throw new IllegalStateException("Baseline JVM failed with exit code "
              + child.exitValue());
        }
      } finally {
        if (child.isAlive()) {
          child.destroy();
          if (!child.waitFor(10, TimeUnit.SECONDS)) {
            child.destroyForcibly();
          }
        }
      }
      return BaselineFigures.read(result);
    } finally {
      Files.deleteIfExists(result);
    }
  }

  /** Bare CRF over {@code count} stories, cycled. */
  private static Rate tag(final EntityRecognizer crf, final List<GoldStories.Story> stories,
      final int count) {
    long tokens = 0;
    long mentions = 0;
    final long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      final GoldStories.Story story = stories.get(i % stories.size());
      final RawArticle article = story.article();
      mentions += crf.mentions(article.getHeadline()).size();
      mentions += crf.mentions(article.getBody()).size();
      tokens += story.tokens();
    }
    return new Rate(count, tokens, System.nanoTime() - started, mentions);
  }

  /** An enricher over {@code count} stories, cycled, on {@code threads} threads. */
  private static Rate enrich(final Enricher enricher, final List<GoldStories.Story> stories,
      final int count, final int threads) throws Exception {
    final AtomicInteger next = new AtomicInteger();
    final ExecutorService workers = Executors.newFixedThreadPool(threads);
    try {
      final long started = System.nanoTime();
      final List<Future<long[]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        parts.add(workers.submit(() -> {
          long tokens = 0;
          long entities = 0;
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            final GoldStories.Story story = stories.get(i % stories.size());
            entities += enricher.enrich(story.article()).getEntities().size();
            tokens += story.tokens();
          }
          return new long[] {tokens, entities};
        }));
      }
      long tokens = 0;
      long entities = 0;
      for (final Future<long[]> part : parts) {
        final long[] sums = part.get();
        tokens += sums[0];
        entities += sums[1];
      }
      return new Rate(count, tokens, System.nanoTime() - started, entities);
    } finally {
      workers.shutdownNow();
    }
  }

  private static Rate best(final List<Rate> rates) {
    return rates.stream().max(Comparator.comparingDouble(Rate::storiesPerSecond)).orElseThrow();
  }

  private static void printRate(final Rate rate, final List<Rate> rounds, final String counted) {
    System.out.printf(Locale.ROOT, "   %,10.1f stories/s  %,10.0f tokens/s  (best of %s; %d "
            + "stories, %.2f s, %d %s)%n", rate.storiesPerSecond(), rate.tokensPerSecond(), rounds,
        rate.stories(), rate.nanos() / 1e9, rate.checksum(), counted);
  }

  private static void printTopology(final EnrichTopologyLoad.Result result, final Rate full,
      final Rate full2) {
    final EnrichTopologyLoad.Throughput throughput = result.throughput();
    System.out.printf(Locale.ROOT, "%n3. Full topology, exactly_once_v2 on devstack, %d stream "
            + "threads, %d partitions, NewsEnricher%n", throughput.streamThreads(),
        EnrichTopologyLoad.PARTITIONS);
    System.out.printf(Locale.ROOT, "   %,10.1f stories/s  first story into the enricher -> last "
            + "enriched story visible read_committed (best of %s; %d stories, %.2f s)%n",
        throughput.storiesPerSecond(), result.rounds().stream()
            .map(round -> String.format(Locale.ROOT, "%.1f/s", round.storiesPerSecond())).toList(),
        throughput.stories(), throughput.firstInToLastOutNanos() / 1e9);
    System.out.printf(Locale.ROOT, "   (backlog of %.1f MB produced in %.2f s beforehand; app "
            + "start to RUNNING %.2f s)%n", throughput.rawBytes() / 1e6,
        throughput.produceNanos() / 1e9, throughput.appStartToRunningNanos() / 1e9);
    System.out.printf(Locale.ROOT, "   after %d uncounted warm-up backlog(s) of as many stories on "
            + "other topics, until JIT compiling took under %.0f%% of one, first story in to last "
            + "out (at most %d): %s%n",
        result.warmups().size(), 100 * EnrichTopologyLoad.SETTLED_JIT_SHARE,
        EnrichTopologyLoad.MAX_WARMUPS, result.warmups().stream()
            .map(w -> String.format(Locale.ROOT, "%.1f/s with JIT %.0f%%", w.storiesPerSecond(),
                100 * w.jitShare()))
            .toList());
    final double wall = throughput.firstInToLastOutNanos() / 1e9;
    final int cpus = Runtime.getRuntime().availableProcessors();
    final EnrichTopologyLoad.CpuUse cpu = throughput.cpu();
    System.out.printf(Locale.ROOT, "   CPU meanwhile: JVM %.1f s of %.1f s (%d CPUs x wall, %.0f%%)"
            + ": stream threads %.1f s (busy %.0f%% of %d x wall), their Kafka clients' I/O "
            + "threads %.1f s, in-process broker %.1f s, GC/JIT/VM %.1f s (JIT compiling %.1f s), "
            + "other %.1f s%n",
        cpu.process() / 1e9, cpus * wall, cpus, 100 * cpu.process() / 1e9 / (cpus * wall),
        cpu.streamThreads() / 1e9,
        100 * cpu.streamThreads() / 1e9 / (throughput.streamThreads() * wall),
        throughput.streamThreads(), cpu.streamClientIo() / 1e9, cpu.broker() / 1e9,
        cpu.gcJitVm() / 1e9, throughput.jitMillis() / 1e3, cpu.otherJava() / 1e9);
    System.out.printf(Locale.ROOT, "   stream threads blocked in their producers meanwhile "
            + "(the exactly-once commit is flush, offsets, commit; also metadata, buffer pool and "
            + "begin waits): %s%n",
        throughput.producerWaitNanos().entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 1e9))
            .toList());
    System.out.printf(Locale.ROOT, "   ratio to NewsEnricher alone: %.2fx of 1 thread (goal >= "
            + "0.80x), %.2fx of 2 threads%n",
        throughput.storiesPerSecond() / full.storiesPerSecond(),
        throughput.storiesPerSecond() / full2.storiesPerSecond());
    if (result.steady().isEmpty()) {
      System.out.printf("%n4./5. Latency and heap skipped (--no-latency)%n");
      return;
    }
    final EnrichTopologyLoad.Steady steady = result.steady().get();
    final Histogram latency = steady.latencyMs();
    System.out.printf(Locale.ROOT, "%n4. End-to-end latency, ingestedAt (= send time) -> "
            + "read_committed consumer, %.0f stories/s for %d s%n", steady.rate(), steady.seconds());
    System.out.printf(Locale.ROOT, "   p50 %d ms  p99 %d ms  max %d ms  (mean %.1f ms; %d of %d "
            + "received; producer at most %d ms behind schedule; goal p99 <= 500 ms)%n",
        latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getMaxValue(),
        latency.getMean(), steady.received(), steady.sent(), steady.maxSendLagMs());
    final List<Long> heap = steady.heapSamples();
    final long min = heap.stream().mapToLong(Long::longValue).min().orElse(-1);
    final long max = heap.stream().mapToLong(Long::longValue).max().orElse(-1);
    final long last = heap.isEmpty() ? -1 : heap.get(heap.size() - 1);
    System.out.printf(Locale.ROOT, "%n5. Heap used during the steady run (sampled every second "
        + "after System.gc(); broker, registry client, clients and app share this JVM)%n");
    System.out.printf(Locale.ROOT, "   min %d MB  max %d MB  last %d MB  (%d samples); after "
            + "System.gc() at the end %d MB; max heap %d MB; goal < 768 MB%n", min >> 20,
        max >> 20, last >> 20, heap.size(), steady.heapAfterGcAtEnd() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static void printSummary(final PairedRatio enricherRatio, final Rate full,
      final Optional<EnrichTopologyLoad.Result> topology,
      final Optional<BaselineFigures> baseline) {
    System.out.printf("%nSummary%n");
    summaryRow("2. NewsEnricher / bare CRF, paired median", String.format(Locale.ROOT, "%.3fx",
        enricherRatio.median()), ">= 0.90x", enricherRatio.median() >= 0.9);
    topology.ifPresent(result -> {
      final double ratio = result.throughput().storiesPerSecond() / full.storiesPerSecond();
      summaryRow("3. topology (EOS, 2 threads) / NewsEnricher", String.format(Locale.ROOT,
          "%.2fx", ratio), ">= 0.80x", ratio >= 0.8);
      result.steady().ifPresent(steady -> {
        final long p99 = steady.latencyMs().getValueAtPercentile(99);
        summaryRow("4. latency p99 at " + Math.round(steady.rate()) + " stories/s", p99 + " ms",
            "<= 500 ms", p99 <= 500 && steady.received() == steady.sent());
        final long maxHeap = steady.heapSamples().stream().mapToLong(Long::longValue).max()
            .orElse(Long.MAX_VALUE);
        summaryRow("5. heap used, max sample", (maxHeap >> 20) + " MB", "< 768 MB",
            maxHeap < (768L << 20));
      });
    });
    baseline.ifPresent(figures -> {
      final double speedup = figures.oursStoriesPerSecond() / figures.storiesPerSecond();
      summaryRow("6. NewsEnricher / CoreNLP pipeline", String.format(Locale.ROOT, "%.1fx",
          speedup), ">= 5x", speedup >= 5);
      summaryRow("6. entity F1, ours vs CoreNLP", String.format(Locale.ROOT, "%.3f vs %.3f",
          figures.oursF1(), figures.f1()), "ours >= its", figures.oursF1() >= figures.f1());
    });
  }

  private static void summaryRow(final String what, final String value, final String goal,
      final boolean met) {
    System.out.printf(Locale.ROOT, "   %-46s %-16s goal %-12s %s%n", what, value, goal,
        met ? "met" : "MISSED");
  }

  private static void printF1(final GoldEvaluation.Result ours, final GoldEvaluation.Result its,
      final GoldEvaluation.Result oursEnglish, final GoldEvaluation.Result itsEnglish,
      final GoldEvaluation.Result itsMerged) {
    System.out.printf("   entity F1 on the gold set, (type, name) per story:%n");
    System.out.printf(Locale.ROOT, "   %-13s %8s %8s   %14s %14s   %20s%n", "", "ours", "CoreNLP",
        "ours (en only)", "CoreNLP (en)", "CoreNLP + our merge");
    for (final EntityType type : List.of(EntityType.PERSON, EntityType.ORGANIZATION,
        EntityType.LOCATION, EntityType.MISC)) {
      printF1Row(type.name(), ours.entitiesByType().get(type), its.entitiesByType().get(type),
          oursEnglish.entitiesByType().get(type), itsEnglish.entitiesByType().get(type),
          itsMerged.entitiesByType().get(type));
    }
    printF1Row("ALL", ours.entities(), its.entities(), oursEnglish.entities(),
        itsEnglish.entities(), itsMerged.entities());
    System.out.printf(Locale.ROOT, "   (%d stories, %d English; ALL: ours %s; CoreNLP %s)%n",
        ours.stories(), oursEnglish.stories(), ours.entities(), its.entities());
  }

  private static void printF1Row(final String label, final Scores ours, final Scores its,
      final Scores oursEnglish, final Scores itsEnglish, final Scores itsMerged) {
    System.out.printf(Locale.ROOT, "   %-13s %8.3f %8.3f   %14.3f %14.3f   %20.3f%n", label,
        ours.f1(), its.f1(), oursEnglish.f1(), itsEnglish.f1(), itsMerged.f1());
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void deleteRecursively(final Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
