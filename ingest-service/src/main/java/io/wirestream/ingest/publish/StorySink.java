package io.wirestream.ingest.publish;

import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.RawArticle;
import java.util.concurrent.CompletableFuture;

/**
 * Where ingested stories and dead letters go: Kafka in production, standard output for
 * {@code --dry-run}.
 */
public interface StorySink extends AutoCloseable {

  /** Publishes one story version; completes when the broker acknowledged it (acks=all). */
  CompletableFuture<Void> publish(RawArticle article);

  /** Records input that could not become a story. */
  CompletableFuture<Void> deadLetter(String key, DeadLetter deadLetter);

  /** True when stories can be accepted now (for readiness probes). */
  boolean ready();

  /** Waits until everything sent so far is acknowledged. */
  void flush();

  @Override
  void close();
}
