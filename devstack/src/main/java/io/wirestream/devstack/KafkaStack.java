package io.wirestream.devstack;

/**
 * A running Kafka broker plus a Confluent-compatible schema registry, as seen by a test or a demo.
 *
 * <p>Implementations: {@link DevStack} (in-process KRaft broker and an Apicurio child process, the
 * default everywhere) and {@link ContainerKafkaStack} (the same two components in Docker containers,
 * opt-in). Integration tests get one through {@link DevStackExtension}; closing it stops everything
 * it started.
 */
public interface KafkaStack extends AutoCloseable {

  /**
   * Returns the value for the clients' {@code bootstrap.servers}, e.g. {@code 127.0.0.1:40123}.
   *
   * @throws IllegalStateException if this stack runs no broker
   */
  String bootstrapServers();

  /**
   * Returns the value for the serdes' {@code schema.registry.url}: the base URL of the
   * Confluent-compatible API, e.g. {@code http://127.0.0.1:40125/apis/ccompat/v7} for Apicurio.
   *
   * @throws IllegalStateException if this stack runs no registry
   */
  String schemaRegistryUrl();

  /** Returns a one-line, human-readable account of what runs where, for logs and reports. */
  String description();

  /** Stops everything this stack started; idempotent; never throws checked exceptions. */
  @Override
  void close();
}
