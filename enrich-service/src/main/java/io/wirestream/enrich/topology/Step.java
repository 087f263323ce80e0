package io.wirestream.enrich.topology;

import io.wirestream.schemas.avro.DeadLetter;

/**
 * What a step of the topology hands to the next: a value to go on with, or a dead letter. Lives
 * only between processors of one sub-topology, so it needs no serde.
 *
 * @param value the value, or null for a tombstone (when {@code deadLetter} is null)
 * @param deadLetter the failure, or null
 * @param <T> value type
 */
record Step<T>(T value, DeadLetter deadLetter) {

  static <T> Step<T> ok(final T value) {
    return new Step<>(value, null);
  }

  static <T> Step<T> failed(final DeadLetter deadLetter) {
    return new Step<>(null, deadLetter);
  }

  boolean isFailed() {
    return deadLetter != null;
  }
}
