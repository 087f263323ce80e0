package io.wirestream.schemas.serde;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A value was written with a schema that the reader's schema cannot resolve (e.g. a field the
 * reader needs has no default), so it can never be read into that class.
 */
public class IncompatibleWriterSchemaException extends SerializationException {

  private final int schemaId;

  public IncompatibleWriterSchemaException(final String topic, final int schemaId,
      final String readerName, final List<String> explanation) {
    super("Value on topic '" + topic + "' was written with schema id " + schemaId
        + ", which " + readerName + " cannot read:\n  - " + String.join("\n  - ", explanation));
    this.schemaId = schemaId;
  }

  public int schemaId() {
    return schemaId;
  }
}
