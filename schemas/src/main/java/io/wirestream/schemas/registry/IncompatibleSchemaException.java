package io.wirestream.schemas.registry;

import java.util.List;

/**
 * The registry refused a schema as incompatible with the subject's compatibility level (HTTP 409).
 * The message carries the registry's own words and a local, field-by-field explanation.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {

  private final String subject;
  private final String registryMessage;
  private final List<String> explanation;

  public IncompatibleSchemaException(final String subject, final String registryMessage,
      final List<String> explanation) {
    super(message(subject, registryMessage, explanation), 409, 409);
    this.subject = subject;
    this.registryMessage = registryMessage;
    this.explanation = List.copyOf(explanation);
  }

  private static String message(final String subject, final String registryMessage,
      final List<String> explanation) {
    final StringBuilder sb = new StringBuilder("Schema registry refused the schema for subject '")
        .append(subject).append("' as incompatible: ").append(registryMessage);
    if (!explanation.isEmpty()) {
      sb.append("\nWhy, field by field (new schema reading the latest registered one):");
      explanation.forEach(line -> sb.append("\n  - ").append(line));
    }
    return sb.toString();
  }

  public String subject() {
    return subject;
  }

  /** The registry's message, verbatim. */
  public String registryMessage() {
    return registryMessage;
  }

  /** One line per incompatibility found locally: which field and why. */
  public List<String> explanation() {
    return explanation;
  }
}
