package io.wirestream.schemas.registry;

import org.apache.kafka.common.KafkaException;

/**
 * A schema registry call failed. Not a {@code SerializationException}: most registry failures
 * (unreachable, refused credentials, interrupted) say nothing about the record being handled, and
 * a dead-letter handler must not treat them as a bad record. {@link
 * io.wirestream.schemas.serde.PoisonRecords} tells the two apart.
 */
public class SchemaRegistryException extends KafkaException {

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(final String message, final int httpStatus, final int errorCode) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(final String message, final Throwable cause) {
    super(message, cause);
    this.httpStatus = -1;
    this.errorCode = -1;
  }

  /** HTTP status the registry answered, or -1 when no answer came. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Confluent error code ({@code error_code}, e.g. 40403), or -1 when none. */
  public int errorCode() {
    return errorCode;
  }
}
