package io.wirestream.ingest.pipeline;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for the broker's word on a document's stories. */
public final class Acknowledgements {

  private Acknowledgements() {
  }

  /**
   * Waits until every published story of the document is acknowledged, at most {@code timeout}
   * in all.
   *
   * @return false when one failed or did not answer in time
   */
  public static boolean allAcknowledged(final DocumentResult result, final Duration timeout) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    for (final StoryResult story : result.stories()) {
      try {
        story.acknowledged().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (final ExecutionException | TimeoutException e) {
        return false;
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
