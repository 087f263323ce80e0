package io.wirestream.schemas.registry;

/** The subject, or the schema under it, is not registered (Confluent errors 40401, 40402, 40403). */
public class SubjectNotFoundException extends SchemaRegistryException {

  private final String subject;

  public SubjectNotFoundException(final String subject, final String registryMessage,
      final int errorCode) {
    super("Subject '" + subject + "': " + registryMessage, 404, errorCode);
    this.subject = subject;
  }

  public String subject() {
    return subject;
  }
}
