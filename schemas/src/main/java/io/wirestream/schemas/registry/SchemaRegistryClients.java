package io.wirestream.schemas.registry;

/** Creates the client a configuration asks for. */
public final class SchemaRegistryClients {

  private SchemaRegistryClients() {
  }

  /** {@code mock://scope} gives the scope's in-memory registry; anything else the REST client. */
  public static SchemaRegistryClient create(final SchemaRegistryConfig config) {
    if (config.isMock()) {
      return MockSchemaRegistryClient.forScope(config.urls().get(0).getHost() == null
          ? config.urls().get(0).getSchemeSpecificPart() : config.urls().get(0).getHost());
    }
    return new RestSchemaRegistryClient(config);
  }
}
