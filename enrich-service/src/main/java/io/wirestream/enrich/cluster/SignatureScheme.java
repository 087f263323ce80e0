package io.wirestream.enrich.cluster;

import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.MinHashVersion;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a story's text becomes a {@link StorySignature}, which keys it is filed under for
 * candidates, and when two signatures are one story.
 *
 * <p><b>MinHash, not SimHash.</b> MinHash estimates the Jaccard similarity of two sets of word
 * shingles; with the two set sizes that gives the share of the smaller story the larger holds, so
 * a copy trimmed to its first half (Jaccard 0.5) is still recognised as contained, while two
 * different stories that share a phrase or a paragraph of boilerplate are not. Its components
 * also band cleanly for locality-sensitive hashing: with r rows per band and b bands, two stories
 * of Jaccard J meet in some band with probability 1 - (1 - J^r)^b, a curve that can be chosen.
 * SimHash estimates the angle between weighted feature vectors: no containment, and its bit
 * permutations for search are coarser. The signatures are hash4j's MinHash (Apache 2.0).
 *
 * <p><b>Text.</b> Unicode NFKC, lower case, words are runs of letters, combining marks and digits
 * (numbers stay: they tell one day's market report or league table from another's). Text written
 * without spaces between words (Chinese, Japanese, Thai) is one long word here, so it gets no
 * signature until a segmenter splits it. Shingles are
 * {@link #shingleWords} consecutive words. A text with fewer than {@link #minShingles} distinct
 * shingles has no signature: a headline-only item or a one-line brief is too short to call a copy.
 *
 * <p><b>Verification.</b> Candidates that share a band are duplicates when the estimated share of
 * the smaller story's shingles found in the larger is at least {@link #minContainment} and the
 * smaller has at least {@link #minSizeRatio} of the larger's shingles (a brief inside a long
 * follow-up is a developing story, not a copy). Immutable and thread-safe.
 */
public final class SignatureScheme {

  /** The defaults: see {@code docs/enrich.md}, "Near-duplicates", for how they were chosen. */
  public static final SignatureScheme DEFAULT = new SignatureScheme(5, 120, 3, 0.70, 0.30, 10);

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
  private static final Hasher64 HASH = Hashing.komihash5_0();
  private static final int BITS_PER_COMPONENT = 16;

  private final int shingleWords;
  private final int components;
  private final int rowsPerBand;
  private final double minContainment;
  private final double minSizeRatio;
  private final int minShingles;
  private final SimilarityHashPolicy policy;

  /**
   * @param shingleWords words per shingle
   * @param components MinHash components, a multiple of {@code rowsPerBand}
   * @param rowsPerBand components per band key
   * @param minContainment see the class documentation, in (0, 1]
   * @param minSizeRatio see the class documentation, in [0, 1]
   * @param minShingles the fewest distinct shingles a signature is made of
   */
  public SignatureScheme(final int shingleWords, final int components, final int rowsPerBand,
      final double minContainment, final double minSizeRatio, final int minShingles) {
    if (shingleWords < 1 || rowsPerBand < 1 || components < rowsPerBand
        || components % rowsPerBand != 0 || minShingles < 1) {
      throw new IllegalArgumentException("bad MinHash shape: " + shingleWords + " words, "
          + components + " components, " + rowsPerBand + " rows per band, " + minShingles
          + " shingles at least");
    }
    if (!(minContainment > 0 && minContainment <= 1) || !(minSizeRatio >= 0 && minSizeRatio <= 1)) {
      throw new IllegalArgumentException("containment must be in (0, 1] and size ratio in [0, 1],"
          + " got " + minContainment + " and " + minSizeRatio);
    }
    this.shingleWords = shingleWords;
    this.components = components;
    this.rowsPerBand = rowsPerBand;
    this.minContainment = minContainment;
    this.minSizeRatio = minSizeRatio;
    this.minShingles = minShingles;
    // A pinned version: signatures kept in a store must still compare after a hash4j upgrade.
    this.policy = SimilarityHashing.minHash(components, BITS_PER_COMPONENT, MinHashVersion.V1);
  }

  /** The same shape with other verification thresholds. */
  public SignatureScheme withThresholds(final double containment, final double sizeRatio) {
    return new SignatureScheme(shingleWords, components, rowsPerBand, containment, sizeRatio,
        minShingles);
  }

  public int shingleWords() {
    return shingleWords;
  }

  public int bands() {
    return components / rowsPerBand;
  }

  public int rowsPerBand() {
    return rowsPerBand;
  }

  public double minContainment() {
    return minContainment;
  }

  public double minSizeRatio() {
    return minSizeRatio;
  }

  /** Bytes of one signature's components. */
  public int signatureBytes() {
    return policy.getSignatureSizeInBytes();
  }

  /** Probability that two stories of Jaccard similarity {@code jaccard} share a band. */
  public double candidateProbability(final double jaccard) {
    return 1.0 - Math.pow(1.0 - Math.pow(jaccard, rowsPerBand), bands());
  }

  /** The words of a text as the signature reads them. */
  static List<String> words(final String text) {
    final String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT);
    final List<String> words = new ArrayList<>();
    for (final String w : NOT_WORD.split(normalized)) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /** The signature of a text, or empty when it has fewer than the minimum of shingles. */
  public Optional<StorySignature> signature(final String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    final List<String> words = words(text);
    if (words.size() < shingleWords) {
      return Optional.empty();
    }
    final long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = HASH.hashCharsToLong(words.get(i));
    }
    final long[] shingles = new long[wordHashes.length - shingleWords + 1];
    final HashStream64 stream = HASH.hashStream();
    for (int i = 0; i < shingles.length; i++) {
      stream.reset();
      for (int k = 0; k < shingleWords; k++) {
        stream.putLong(wordHashes[i + k]);
      }
      shingles[i] = stream.getAsLong();
    }
    final long[] distinct = Arrays.stream(shingles).sorted().distinct().toArray();
    if (distinct.length < minShingles) {
      return Optional.empty();
    }
    return Optional.of(new StorySignature(policy.createHasher()
        .compute(ElementHashProvider.ofValues(distinct)), distinct.length));
  }

  /**
   * The keys under which a signature is filed, one per band: two signatures that share a key are
   * candidates. The band's number is part of its key, so equal components in different bands do
   * not meet.
   */
  public long[] bandKeys(final StorySignature signature) {
    final byte[] minHash = checked(signature);
    final long[] keys = new long[bands()];
    final HashStream64 stream = HASH.hashStream();
    for (int band = 0; band < keys.length; band++) {
      stream.reset().putInt(band);
      for (int row = 0; row < rowsPerBand; row++) {
        stream.putLong(policy.getComponent(minHash, band * rowsPerBand + row));
      }
      keys[band] = stream.getAsLong();
    }
    return keys;
  }

  /** How similar two signatures are. */
  public Comparison compare(final StorySignature a, final StorySignature b) {
    final double jaccard = policy.getFractionOfEqualComponents(checked(a), checked(b));
    final int smaller = Math.min(a.shingles(), b.shingles());
    final int larger = Math.max(a.shingles(), b.shingles());
    // |A ∩ B| = J (|A| + |B|) / (1 + J)
    final double intersection = jaccard * (a.shingles() + b.shingles()) / (1.0 + jaccard);
    final double containment = Math.min(1.0, intersection / smaller);
    final double sizeRatio = (double) smaller / larger;
    return new Comparison(jaccard, containment, sizeRatio,
        containment >= minContainment && sizeRatio >= minSizeRatio);
  }

  private byte[] checked(final StorySignature signature) {
    final byte[] minHash = signature.minHashUnsafe();
    if (minHash.length != policy.getSignatureSizeInBytes()) {
      throw new IllegalArgumentException("signature of " + minHash.length + " bytes; this scheme"
          + " makes " + policy.getSignatureSizeInBytes());
    }
    return minHash;
  }

  /**
   * Two signatures compared.
   *
   * @param jaccard estimated Jaccard similarity of the shingle sets
   * @param containment estimated share of the smaller set found in the larger
   * @param sizeRatio smaller set's size over the larger's
   * @param duplicate whether the scheme calls them one story
   */
  public record Comparison(double jaccard, double containment, double sizeRatio,
      boolean duplicate) {
  }
}
