package io.wirestream.schemas.registry;

/** The registry has no schema with the given id (Confluent error 40403 on {@code /schemas/ids/{id}}). */
public class UnknownSchemaIdException extends SchemaRegistryException {

  private final int schemaId;

  public UnknownSchemaIdException(final int schemaId, final String registryMessage) {
    super("Schema id " + schemaId + " is not known to the schema registry (" + registryMessage
        + "); the record was written against another registry, or the schema was deleted", 404, 40403);
    this.schemaId = schemaId;
  }

  public int schemaId() {
    return schemaId;
  }
}
