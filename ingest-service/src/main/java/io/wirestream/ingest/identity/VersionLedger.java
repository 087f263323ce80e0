package io.wirestream.ingest.identity;

import io.wirestream.schemas.avro.ArticleStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What this process knows was published, per article id: the content hash, status and version of
 * the latest version. Decides whether a story is new, an unchanged re-send, an update (published
 * with a higher version), or older than what was published already. The ledger is rebuilt from
 * {@code news.raw.v1} at start-up (see {@code LedgerLoader}), so a second run over the same input
 * publishes nothing new.
 */
public final class VersionLedger {

  /** What to do with a story. */
  public enum Outcome {
    /** First version of this id: publish. */
    NEW,
    /** Same content and status as the latest published version: do not publish. */
    UNCHANGED,
    /** New content or status for a known id: publish with a higher version. */
    UPDATED,
    /** The source declares an older version than the one published: do not publish. */
    STALE
  }

  /**
   * The latest published version of an id.
   *
   * @param contentHash content hash of that version
   * @param status its status
   * @param version its version
   */
  public record Entry(String contentHash, ArticleStatus status, int version) {
  }

  /**
   * A decision, with what the ledger held before it, so a failed publish can be undone.
   *
   * @param outcome what to do
   * @param version the version to publish with (for UNCHANGED and STALE: the latest known)
   * @param previous the entry before this decision; null for a new id
   * @param recorded the entry this decision put in the ledger; null when it changed nothing
   */
  public record Decision(Outcome outcome, int version, Entry previous, Entry recorded) {

    /** True when the story must be published. */
    public boolean publish() {
      return outcome == Outcome.NEW || outcome == Outcome.UPDATED;
    }
  }

  private final Map<String, Entry> latest = new HashMap<>();

  /**
   * Decides and, for NEW and UPDATED, records the story as published at once, so that a second
   * copy arriving concurrently is seen as unchanged. Call {@link #undo} if publishing fails.
   *
   * @param declaredVersion the version the source gave, or null
   */
  public synchronized Decision decide(final String id, final String contentHash,
      final ArticleStatus status, final Integer declaredVersion) {
    // Versions start at 1; a declared 0 or less says nothing.
    final Integer declared = declaredVersion != null && declaredVersion > 0 ? declaredVersion : null;
    final Entry previous = latest.get(id);
    if (previous == null) {
      final Entry recorded = new Entry(contentHash, status, declared != null ? declared : 1);
      latest.put(id, recorded);
      return new Decision(Outcome.NEW, recorded.version(), null, recorded);
    }
    // Unchanged first: a re-send of what is published is unchanged, whatever version it claims.
    if (previous.contentHash().equals(contentHash) && previous.status() == status) {
      return new Decision(Outcome.UNCHANGED, previous.version(), previous, null);
    }
    if (declared != null && declared < previous.version()) {
      return new Decision(Outcome.STALE, previous.version(), previous, null);
    }
    final Entry recorded = new Entry(contentHash, status,
        Math.max(previous.version() + 1, declared == null ? 0 : declared));
    latest.put(id, recorded);
    return new Decision(Outcome.UPDATED, recorded.version(), previous, recorded);
  }

  /**
   * Reverts a NEW or UPDATED decision whose record was not published, unless a later decision for
   * the id has superseded it (acknowledgements arrive asynchronously; the later one stands).
   */
  public synchronized void undo(final String id, final Decision decision) {
    if (!decision.publish() || latest.get(id) != decision.recorded()) {
      return;
    }
    if (decision.previous() == null) {
      latest.remove(id);
    } else {
      latest.put(id, decision.previous());
    }
  }

  /** Learns a version published earlier (by any process), keeping the highest version per id. */
  public synchronized void remember(final String id, final Entry entry) {
    Objects.requireNonNull(entry, "entry");
    latest.merge(id, entry, (old, candidate) -> candidate.version() >= old.version() ? candidate : old);
  }

  /** Number of ids known. */
  public synchronized int size() {
    return latest.size();
  }
}
