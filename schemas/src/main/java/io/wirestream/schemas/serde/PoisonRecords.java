package io.wirestream.schemas.serde;

import io.wirestream.schemas.registry.UnknownSchemaIdException;

/**
 * Tells a bad record from a failing system. A dead-letter handler sends the first kind to the DLQ
 * and goes on; the second kind (registry unreachable, credentials refused, interrupted) must stop
 * or retry, never dead-letter good records.
 */
public final class PoisonRecords {

  private PoisonRecords() {
  }

  /** True when the error is about the record's bytes, whatever the state of the system. */
  public static boolean isPoison(final Throwable error) {
    Throwable cause = error;
    while (cause != null) {
      if (cause instanceof UnknownMagicByteException
          || cause instanceof MalformedAvroPayloadException
          || cause instanceof IncompatibleWriterSchemaException
          || cause instanceof UnknownSchemaIdException) {
        return true;
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    return false;
  }
}
