package io.wirestream.ingest.pipeline;

import io.wirestream.ingest.parse.StoryParseException;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import java.time.Instant;

/** Dead letters for input that could not become a story (stage {@code INGEST}). */
final class DeadLetters {

  private DeadLetters() {
  }

  static DeadLetter ingest(final byte[] input, final StoryParseException error,
      final Instant now) {
    return io.wirestream.schemas.DeadLetters.of(null, input, DeadLetterStage.INGEST,
        error.getClass().getName() + "/" + error.reason(), error.getMessage(), now)
        .setOrigin(error.origin())
        .build();
  }
}
