package io.wirestream.ingest.pipeline;

import io.wirestream.ingest.identity.VersionLedger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Totals over many documents, for the CLI's final summary: published, updated, unchanged
 * re-sends, stale, rejected (with reasons), and stories the broker did not acknowledge. Call
 * {@link #add} for each document, then {@link #awaitAcknowledgements} before reading the totals.
 */
public final class IngestSummary {

  private final Map<VersionLedger.Outcome, Integer> outcomes =
      new EnumMap<>(VersionLedger.Outcome.class);
  private final List<Rejection> rejections = new ArrayList<>();
  private final List<StoryResult> pending = new ArrayList<>();
  private final List<String> publishFailures = new ArrayList<>();
  private int documents;

  /** Adds one document's result. */
  public synchronized void add(final DocumentResult result) {
    documents++;
    rejections.addAll(result.rejections());
    for (final StoryResult story : result.stories()) {
      outcomes.merge(story.outcome(), 1, Integer::sum);
      pending.add(story);
    }
  }

  /** Waits for every published story's acknowledgement and records those that failed. */
  public synchronized void awaitAcknowledgements() {
    for (final StoryResult story : pending) {
      try {
        story.acknowledged().join();
      } catch (final CompletionException e) {
        publishFailures.add(story.id() + " v" + story.version() + ": " + e.getCause());
      }
    }
    pending.clear();
  }

  public synchronized int documents() {
    return documents;
  }

  /** Stories of the given outcome, acknowledged or not. */
  public synchronized int count(final VersionLedger.Outcome outcome) {
    return outcomes.getOrDefault(outcome, 0);
  }

  public synchronized List<Rejection> rejections() {
    return List.copyOf(rejections);
  }

  public synchronized List<String> publishFailures() {
    return List.copyOf(publishFailures);
  }

  /** The lines a person reads at the end of a run. */
  public synchronized List<String> lines() {
    final List<String> lines = new ArrayList<>();
    lines.add(String.format("%d document(s): %d published, %d updated version(s), %d unchanged"
        + " re-send(s), %d stale, %d rejected, %d not acknowledged", documents,
        count(VersionLedger.Outcome.NEW), count(VersionLedger.Outcome.UPDATED),
        count(VersionLedger.Outcome.UNCHANGED), count(VersionLedger.Outcome.STALE),
        rejections.size(), publishFailures.size()));
    for (final Rejection rejection : rejections) {
      lines.add("  rejected " + rejection.origin()
          + (rejection.position().isEmpty() ? "" : " (" + rejection.position() + ")") + ": "
          + rejection.reason() + ": " + rejection.message());
    }
    publishFailures.forEach(failure -> lines.add("  not acknowledged: " + failure));
    return lines;
  }
}
