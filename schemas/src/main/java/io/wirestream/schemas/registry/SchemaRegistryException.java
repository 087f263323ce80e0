package io.wirestream.schemas.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A schema registry call failed. Extends Kafka's {@link SerializationException} because serdes
 * surface it to producers, consumers and Streams' exception handlers, as Confluent's serdes do.
 */
public class SchemaRegistryException extends SerializationException {

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
