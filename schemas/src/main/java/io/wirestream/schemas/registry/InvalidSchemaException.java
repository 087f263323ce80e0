package io.wirestream.schemas.registry;

/** The registry rejected the schema text itself (Confluent 422 / 42201). */
public class InvalidSchemaException extends SchemaRegistryException {

  public InvalidSchemaException(final String subject, final String registryMessage,
      final int errorCode) {
    super("Schema registry rejected the schema for subject '" + subject + "' as invalid: "
        + registryMessage, 422, errorCode);
  }
}
