package io.wirestream.schemas.registry;

/** The registry refused our credentials (HTTP 401 or 403). */
public class SchemaRegistryAuthException extends SchemaRegistryException {

  public SchemaRegistryAuthException(final String request, final int httpStatus,
      final String registryMessage) {
    super("Schema registry refused " + request + " with HTTP " + httpStatus + " (" + registryMessage
        + "); check basic.auth.credentials.source and basic.auth.user.info", httpStatus, httpStatus);
  }
}
