package io.wirestream.enrich.cluster;

import java.util.Arrays;

/**
 * A story's content signature: the MinHash components of its set of word shingles, and the size
 * of that set (with both sizes, the estimated Jaccard similarity of two stories gives how much of
 * the smaller one the larger contains).
 *
 * @param minHash the components, as {@link SignatureScheme} packs them
 * @param shingles the number of distinct shingles of the story
 */
public record StorySignature(byte[] minHash, int shingles) {

  public StorySignature {
    if (shingles <= 0) {
      throw new IllegalArgumentException("a signature needs at least one shingle, got "
          + shingles);
    }
    minHash = minHash.clone();
  }

  @Override
  public byte[] minHash() {
    return minHash.clone();
  }

  byte[] minHashUnsafe() {
    return minHash;
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof StorySignature s && s.shingles == shingles
        && Arrays.equals(s.minHash, minHash);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(minHash) + shingles;
  }

  @Override
  public String toString() {
    return "StorySignature[" + minHash.length + " bytes, " + shingles + " shingles]";
  }
}
