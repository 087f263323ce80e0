package io.wirestream.schemas.registry;

import java.util.List;

/** No registry URL answered within the configured attempts. */
public class SchemaRegistryUnreachableException extends SchemaRegistryException {

  public SchemaRegistryUnreachableException(final List<String> urls, final int attempts,
      final Throwable lastError) {
    super("Schema registry unreachable at " + urls + " after " + attempts + " attempt(s): "
        + lastError, lastError);
  }
}
