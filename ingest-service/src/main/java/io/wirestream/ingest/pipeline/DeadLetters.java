package io.wirestream.ingest.pipeline;

import io.wirestream.ingest.parse.StoryParseException;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/** Dead letters for input that could not become a story (stage {@code INGEST}). */
final class DeadLetters {

  /** Keep at most this much of the original input: enough to diagnose, small enough for Kafka. */
  static final int MAX_VALUE_BYTES = 512 * 1024;

  private DeadLetters() {
  }

  static DeadLetter ingest(final byte[] input, final StoryParseException error,
      final Instant now) {
    final boolean truncated = input.length > MAX_VALUE_BYTES;
    final byte[] kept = truncated ? Arrays.copyOf(input, MAX_VALUE_BYTES) : input;
    return DeadLetter.newBuilder()
        .setKey(null)
        .setValue(ByteBuffer.wrap(kept))
        .setValueTruncated(truncated)
        .setOrigin(error.origin())
        .setStage(DeadLetterStage.INGEST)
        .setErrorClass(error.getClass().getName() + "/" + error.reason())
        .setErrorMessage(error.getMessage())
        .setTimestamp(now)
        .build();
  }
}
