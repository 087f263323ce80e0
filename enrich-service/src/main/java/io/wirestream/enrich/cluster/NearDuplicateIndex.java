package io.wirestream.enrich.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Clusters a batch of stories in memory, in the order they are added, with a
 * {@link SignatureScheme}: each story is compared with the earlier stories that share one of its
 * band keys; when some are duplicates it joins the cluster whose first story came earliest, and
 * points to that first story. A cluster is never merged into another afterwards (what was said
 * about an earlier story stands). Only the last {@code window} stories are kept (about 4.6 KB
 * of heap each, see {@code docs/performance.md}); an older one can no longer be matched. A story
 * whose signature equals one already kept (an exact re-send) is assigned but not kept again, so a
 * story re-sent many times stays one entry. Not thread-safe.
 */
public final class NearDuplicateIndex {

  private final SignatureScheme scheme;
  private final Entry[] window;
  private final Map<Long, List<Integer>> buckets = new HashMap<>();
  private int added;
  private long comparisons;

  /**
   * @param scheme how stories are signed and compared
   * @param window how many of the latest stories with a signature are kept for matching
   */
  public NearDuplicateIndex(final SignatureScheme scheme, final int window) {
    if (window < 1) {
      throw new IllegalArgumentException("the window must hold at least one story, got "
          + window);
    }
    this.scheme = scheme;
    this.window = new Entry[window];
  }

  /** The story's cluster: its first story, by its number in the batch and its id. */
  private record Entry(String id, StorySignature signature, long[] keys, int first,
      String firstId) {
  }

  /**
   * Where a story goes.
   *
   * @param clusterId id of the cluster: its first story's id (the story's own when it is first)
   * @param duplicateOf the cluster's first story when this one is a copy of it, else null
   * @param containment the best estimated containment that made it a copy (0 when first)
   */
  public record Assignment(String clusterId, String duplicateOf, double containment) {
  }

  /** Adds a story by its text; see {@link #add(String, Optional)}. */
  public Assignment add(final String id, final String text) {
    return add(id, scheme.signature(text));
  }

  /** Adds a story; one without a signature (too short) is a cluster of its own, never indexed. */
  public Assignment add(final String id, final Optional<StorySignature> signature) {
    if (signature.isEmpty()) {
      return new Assignment(id, null, 0.0);
    }
    final StorySignature sig = signature.get();
    final long[] keys = scheme.bandKeys(sig);
    final Set<Integer> candidates = new LinkedHashSet<>();
    for (final long key : keys) {
      candidates.addAll(buckets.getOrDefault(key, List.of()));
    }
    Entry best = null;
    double bestContainment = 0.0;
    boolean same = false;
    for (final int candidate : candidates) {
      comparisons++;
      final Entry other = window[candidate % window.length];
      final SignatureScheme.Comparison c = scheme.compare(sig, other.signature());
      if (c.duplicate() && (best == null || other.first() < best.first()
          || other.first() == best.first() && c.containment() > bestContainment)) {
        best = other;
        bestContainment = c.containment();
      }
      same |= other.signature().equals(sig);
    }
    if (same) {
      // Nothing new to match against: the identical signature is already kept.
      return new Assignment(best.firstId(), best.firstId(), bestContainment);
    }
    final int number = added++;
    if (number >= window.length) {
      evict(number - window.length);
    }
    window[number % window.length] = best == null ? new Entry(id, sig, keys, number, id)
        : new Entry(id, sig, keys, best.first(), best.firstId());
    for (final long key : keys) {
      buckets.computeIfAbsent(key, k -> new ArrayList<>(1)).add(number);
    }
    return best == null ? new Assignment(id, null, 0.0)
        : new Assignment(best.firstId(), best.firstId(), bestContainment);
  }

  private void evict(final int number) {
    final Entry old = window[number % window.length];
    for (final long key : old.keys()) {
      final List<Integer> bucket = buckets.get(key);
      bucket.remove(Integer.valueOf(number));
      if (bucket.isEmpty()) {
        buckets.remove(key);
      }
    }
  }

  /** Stories held for matching now (those with a signature, at most the window). */
  public int size() {
    return Math.min(added, window.length);
  }

  /** Candidate pairs verified so far. */
  public long comparisons() {
    return comparisons;
  }
}
