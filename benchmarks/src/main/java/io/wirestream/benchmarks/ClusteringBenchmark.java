package io.wirestream.benchmarks;

import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.cluster.NearDuplicateIndex;
import io.wirestream.enrich.cluster.SignatureScheme;
import io.wirestream.enrich.cluster.StorySignature;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Near-duplicate detection on a generated corpus ({@link SyndicationCorpus}): precision and
 * recall of {@code duplicateOf} against the known originals, per kind of copy and of hard
 * negative, for the default thresholds and beside them; the signature and lookup cost per story
 * beside the enricher's own cost per story in the same run; and the memory of the in-memory
 * index per 100,000 stories.
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar io.wirestream.benchmarks.ClusteringBenchmark [STORIES]</pre>
 */
public final class ClusteringBenchmark {

  private ClusteringBenchmark() {
  }

  public static void main(final String[] args) {
    final int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    final List<SyndicationCorpus.Story> stories = new SyndicationCorpus(20261204L).generate(total);
    final Map<String, String> root = new HashMap<>();
    final Map<SyndicationCorpus.Kind, Integer> kinds = new EnumMap<>(SyndicationCorpus.Kind.class);
    for (final SyndicationCorpus.Story s : stories) {
      root.put(s.id(), s.root());
      kinds.merge(s.kind(), 1, Integer::sum);
    }
    System.out.printf(Locale.ROOT, "Corpus: %,d stories, %s%n", stories.size(), kinds);
    final SignatureScheme scheme = SignatureScheme.DEFAULT;
    System.out.printf(Locale.ROOT, "Scheme: %d-word shingles, %d bands x %d rows (%d bytes), "
        + "P(candidate) at Jaccard 0.3/0.5/0.7: %.3f/%.3f/%.3f%n", scheme.shingleWords(),
        scheme.bands(), scheme.rowsPerBand(), scheme.signatureBytes(),
        scheme.candidateProbability(0.3), scheme.candidateProbability(0.5),
        scheme.candidateProbability(0.7));

    // Warm-up, then the timed pass: signature and index lookup per story.
    run(scheme, stories, root);
    final Runtime rt = Runtime.getRuntime();
    System.gc();
    final long before = rt.totalMemory() - rt.freeMemory();
    final long started = System.nanoTime();
    final Result result = run(scheme, stories, root);
    final double clusterMicros = (System.nanoTime() - started) / 1e3 / stories.size();
    System.gc();
    final long after = rt.totalMemory() - rt.freeMemory();
    result.print("default (containment >= " + scheme.minContainment() + ", size ratio >= "
        + scheme.minSizeRatio() + ")");
    final double perStory = (after - before) / (double) result.index.size();
    System.out.printf(Locale.ROOT, "Index memory: %.0f bytes per story (heap, measured), %.1f MB"
        + " per 100,000 stories; signature alone %d bytes%n", perStory, perStory * 100_000 / 1e6,
        scheme.signatureBytes());

    // Thresholds beside the default, on the same signatures.
    final List<Optional<StorySignature>> signatures = new ArrayList<>();
    stories.forEach(s -> signatures.add(scheme.signature(s.body())));
    for (final double containment : new double[] {0.6, 0.8, 0.9}) {
      sweep(scheme.withThresholds(containment, scheme.minSizeRatio()), stories, signatures, root)
          .print("containment >= " + containment);
    }
    for (final double ratio : new double[] {0.2, 0.4}) {
      sweep(scheme.withThresholds(scheme.minContainment(), ratio), stories, signatures, root)
          .print("size ratio >= " + ratio);
    }

    // The baseline of the same run: what enriching a story costs.
    final NewsEnricher enricher = NewsEnricher.load();
    final int sample = Math.min(400, stories.size());
    for (int i = 0; i < 100; i++) {
      enricher.enrich(raw(stories.get(i)));
    }
    final long enrichStarted = System.nanoTime();
    for (int i = 0; i < sample; i++) {
      enricher.enrich(raw(stories.get(i)));
    }
    final double enrichMicros = (System.nanoTime() - enrichStarted) / 1e3 / sample;
    System.out.printf(Locale.ROOT, "%nPer story: clustering (signature + lookup + verification)"
        + " %.1f µs; enriching (NewsEnricher, same stories) %.1f µs; clustering adds %.1f%%%n",
        clusterMicros, enrichMicros, 100.0 * clusterMicros / enrichMicros);
  }

  private static RawArticle raw(final SyndicationCorpus.Story s) {
    return RawArticle.newBuilder().setId(s.id()).setVersion(1).setSource("Bench Wire")
        .setHeadline("Story " + s.id()).setLanguage("en").setBody(s.body())
        .setPublishedAt(Instant.ofEpochMilli(1_767_225_600_000L))
        .setIngestedAt(Instant.ofEpochMilli(1_767_225_601_000L))
        .setContentHash(Integer.toHexString(s.body().hashCode()))
        .setStatus(ArticleStatus.USABLE).setFormat(SourceFormat.NINJS).build();
  }

  private static Result run(final SignatureScheme scheme, final List<SyndicationCorpus.Story> stories,
      final Map<String, String> root) {
    final Result result = new Result(new NearDuplicateIndex(scheme, stories.size()));
    for (final SyndicationCorpus.Story s : stories) {
      result.count(s, result.index.add(s.id(), s.body()), root);
    }
    return result;
  }

  private static Result sweep(final SignatureScheme scheme,
      final List<SyndicationCorpus.Story> stories, final List<Optional<StorySignature>> signatures,
      final Map<String, String> root) {
    final Result result = new Result(new NearDuplicateIndex(scheme, stories.size()));
    for (int i = 0; i < stories.size(); i++) {
      result.count(stories.get(i), result.index.add(stories.get(i).id(), signatures.get(i)), root);
    }
    return result;
  }

  /** Counts of one pass. */
  private static final class Result {
    final NearDuplicateIndex index;
    int flagged;
    int correct;
    int copies;
    final Map<SyndicationCorpus.Kind, int[]> byKind = new EnumMap<>(SyndicationCorpus.Kind.class);

    Result(final NearDuplicateIndex index) {
      this.index = index;
    }

    void count(final SyndicationCorpus.Story s, final NearDuplicateIndex.Assignment a,
        final Map<String, String> root) {
      final int[] k = byKind.computeIfAbsent(s.kind(), x -> new int[2]);
      k[0]++;
      if (s.isCopy()) {
        copies++;
      }
      if (a.duplicateOf() != null) {
        flagged++;
        k[1]++;
        if (root.get(a.duplicateOf()).equals(s.root()) && s.isCopy()) {
          correct++;
        }
      }
    }

    void print(final String label) {
      final StringBuilder kinds = new StringBuilder();
      byKind.forEach((kind, c) -> kinds.append(String.format(Locale.ROOT, " %s %d/%d", kind,
          c[1], c[0])));
      System.out.printf(Locale.ROOT, "%-45s precision %.4f  recall %.4f  (%d flagged, %d right,"
          + " %d copies; %,d comparisons)%n    flagged per kind:%s%n", label,
          flagged == 0 ? 0.0 : (double) correct / flagged, copies == 0 ? 0.0
          : (double) correct / copies, flagged, correct, copies, index.comparisons(), kinds);
    }
  }
}
