package io.wirestream.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The bytes after the header do not decode with the writer schema: truncated or corrupt. */
public class MalformedAvroPayloadException extends SerializationException {

  private final int schemaId;

  public MalformedAvroPayloadException(final String topic, final int schemaId, final String detail,
      final Throwable cause) {
    super("Malformed Avro value on topic '" + topic + "'"
        + (schemaId >= 0 ? " (schema id " + schemaId + ")" : "") + ": " + detail, cause);
    this.schemaId = schemaId;
  }

  /** The schema id from the header, or -1 when the header itself was bad. */
  public int schemaId() {
    return schemaId;
  }
}
