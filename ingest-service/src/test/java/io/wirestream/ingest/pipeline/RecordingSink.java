package io.wirestream.ingest.pipeline;

import io.wirestream.ingest.publish.StorySink;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.RawArticle;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory {@link StorySink} for unit tests: records acknowledged stories and dead letters, and
 * can be told to fail the next publish (the returned future completes exceptionally, as a broker
 * that did not acknowledge would).
 */
public final class RecordingSink implements StorySink {

  private final List<RawArticle> published = new CopyOnWriteArrayList<>();
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** The next call to {@link #publish} fails with this error and records nothing. */
  public void failNextPublish(final RuntimeException error) {
    nextFailure.set(error);
  }

  /** Stories acknowledged so far, in publish order. */
  public List<RawArticle> published() {
    return List.copyOf(published);
  }

  /** Dead letters written so far, in order. */
  public List<DeadLetter> deadLetters() {
    return List.copyOf(deadLetters);
  }

  public boolean closed() {
    return closed.get();
  }

  @Override
  public CompletableFuture<Void> publish(final RawArticle article) {
    final RuntimeException failure = nextFailure.getAndSet(null);
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    published.add(article);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> deadLetter(final String key, final DeadLetter deadLetter) {
    deadLetters.add(deadLetter);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean ready() {
    return true;
  }

  @Override
  public void flush() {
    // Everything is acknowledged at once.
  }

  @Override
  public void close() {
    closed.set(true);
  }
}
