package io.wirestream.schemas;

import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/** Dead letters as both services write them: original bytes (bounded), stage, error, time. */
public final class DeadLetters {

  /** Keep at most this much of the original value: enough to diagnose and replay, small enough for Kafka. */
  public static final int MAX_VALUE_BYTES = 512 * 1024;

  private DeadLetters() {
  }

  /**
   * A dead letter with the original key and value (the value cut to {@link #MAX_VALUE_BYTES},
   * flagged when cut) and the error's class and message; callers add where it came from.
   *
   * @param key original key bytes, or null
   * @param value original value bytes, or null
   */
  public static DeadLetter.Builder of(final byte[] key, final byte[] value,
      final DeadLetterStage stage, final String errorClass, final String errorMessage,
      final Instant now) {
    final boolean truncated = value != null && value.length > MAX_VALUE_BYTES;
    final byte[] kept = truncated ? Arrays.copyOf(value, MAX_VALUE_BYTES) : value;
    return DeadLetter.newBuilder()
        .setKey(key == null ? null : ByteBuffer.wrap(key))
        .setValue(kept == null ? null : ByteBuffer.wrap(kept))
        .setValueTruncated(truncated)
        .setStage(stage)
        .setErrorClass(errorClass)
        .setErrorMessage(errorMessage == null ? "(no message)" : errorMessage)
        .setTimestamp(now);
  }
}
