package io.wirestream.devstack;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The same two components as {@link DevStack}, in Docker containers via Testcontainers: the official
 * {@code apache/kafka} image and Apicurio's in-memory registry image, both with the versions the
 * embedded stack uses. Opt-in (see {@link DevStackExtension}); needs a reachable Docker engine.
 */
public final class ContainerKafkaStack implements KafkaStack {

  /** The broker image: same Kafka version as the embedded broker. */
  public static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.3.1");
  /** The registry image: same Apicurio version as the child-process registry. */
  public static final DockerImageName REGISTRY_IMAGE =
      DockerImageName.parse("apicurio/apicurio-registry-mem:2.6.13.Final");

  private static final Logger LOG = LoggerFactory.getLogger(ContainerKafkaStack.class);
  private static final int REGISTRY_PORT = 8080;
  private static final Duration REGISTRY_STARTUP_TIMEOUT = Duration.ofMinutes(2);

  private final KafkaContainer kafka;
  private final GenericContainer<?> registry;
  private boolean closed;

  private ContainerKafkaStack(final KafkaContainer kafka, final GenericContainer<?> registry) {
    this.kafka = kafka;
    this.registry = registry;
  }

  /**
   * Starts both containers in parallel and returns once Kafka is up and the registry answers.
   *
   * @throws IllegalStateException if Docker is unreachable or a container did not start
   */
  public static ContainerKafkaStack start() {
    // Same single-node settings as EmbeddedKafkaBroker, so tests behave alike in both modes.
    final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
        .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
        .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
    final GenericContainer<?> registry = new GenericContainer<>(REGISTRY_IMAGE)
        .withExposedPorts(REGISTRY_PORT)
        .withEnv("REGISTRY_RULES_GLOBAL_COMPATIBILITY", "BACKWARD")
        .waitingFor(Wait.forHttp(ApicurioRegistry.CONFLUENT_API_PATH + "/subjects")
            .forPort(REGISTRY_PORT)
            .forStatusCode(200)
            .withStartupTimeout(REGISTRY_STARTUP_TIMEOUT));
    try {
      Startables.deepStart(kafka, registry).join();
    } catch (final CompletionException | IllegalStateException e) {
      registry.stop();
      kafka.stop();
      final Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("Container stack did not start: " + cause.getMessage(), cause);
    }
    final ContainerKafkaStack stack = new ContainerKafkaStack(kafka, registry);
    LOG.info("Container stack ready: {}", stack.description());
    return stack;
  }

  /**
   * Returns whether a Docker engine is reachable. Never throws: any problem (no socket, no
   * permission, a broken Testcontainers setup) counts as "not available".
   */
  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (final RuntimeException | LinkageError e) {
      LOG.debug("Docker availability check failed", e);
      return false;
    }
  }

  @Override
  public String bootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    return "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT)
        + ApicurioRegistry.CONFLUENT_API_PATH;
  }

  @Override
  public String description() {
    return "Containers: " + KAFKA_IMAGE + " at " + bootstrapServers() + ", " + REGISTRY_IMAGE + " at "
        + schemaRegistryUrl();
  }

  /** Stops the registry container, then the Kafka container; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    registry.stop();
    kafka.stop();
  }

  @Override
  public String toString() {
    return description();
  }
}
