package io.wirestream.reliability;

import io.wirestream.devstack.LoopbackPorts;
import io.wirestream.reliability.cluster.ProcessKafkaCluster;
import io.wirestream.reliability.process.ChildJvm;
import io.wirestream.reliability.process.ServiceProcesses;
import io.wirestream.reliability.registry.RestartableRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline as separate processes on 127.0.0.1: an N-node Kafka cluster, the registry
 * (restartable, schemas kept on disk), ingest-service with its HTTP endpoint, and any number of
 * enrich-service instances of one application. Each can be killed and started again; {@link #close()}
 * stops whatever still runs.
 */
public final class ReliabilityStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReliabilityStack.class);

  private final Path workDir;
  private final ProcessKafkaCluster cluster;
  private final RestartableRegistry registry;
  private final int partitions;
  private final int replicationFactor;
  private final String applicationId = "reliability-enrich-" + UUID.randomUUID();
  private final int ingestPort = LoopbackPorts.pick();
  private final Map<String, Integer> enrichPorts = new LinkedHashMap<>();
  private final Map<String, ChildJvm> enrich = new LinkedHashMap<>();
  private ChildJvm ingest;

  private ReliabilityStack(final Path workDir, final ProcessKafkaCluster cluster,
      final RestartableRegistry registry, final int partitions) {
    this.workDir = workDir;
    this.cluster = cluster;
    this.registry = registry;
    this.partitions = partitions;
    this.replicationFactor = Math.min(3, cluster.size());
  }

  /**
   * Starts the cluster and the registry in parallel, then ingest, then one enrich instance named
   * {@code enrich-1}; returns once all answer.
   */
  public static ReliabilityStack start(final int brokers, final int partitions, final Path workDir) {
    final long started = System.nanoTime();
    final CompletableFuture<RestartableRegistry> registry = CompletableFuture.supplyAsync(
        () -> RestartableRegistry.start(workDir.resolve("registry-db")));
    final ProcessKafkaCluster cluster;
    try {
      cluster = ProcessKafkaCluster.start(brokers, workDir);
    } catch (final RuntimeException e) {
      registry.thenAccept(RestartableRegistry::close);
      throw e;
    }
    final ReliabilityStack stack;
    try {
      stack = new ReliabilityStack(workDir, cluster, registry.join(), partitions);
    } catch (final RuntimeException e) {
      cluster.close();
      throw e;
    }
    try {
      stack.startIngest();
      stack.startEnrich("enrich-1");
      LOG.info("Pipeline up ({} brokers, registry, ingest, enrich) in {} s", brokers,
          (System.nanoTime() - started) / 1_000_000_000);
      return stack;
    } catch (final RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  public ProcessKafkaCluster cluster() {
    return cluster;
  }

  public RestartableRegistry registry() {
    return registry;
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  public String applicationId() {
    return applicationId;
  }

  /** {@code http://127.0.0.1:PORT/v1/articles} of the ingest endpoint. */
  public URI ingestEndpoint() {
    return URI.create("http://" + LoopbackPorts.HOST + ":" + ingestPort + "/v1/articles");
  }

  public ChildJvm ingest() {
    return ingest;
  }

  /** The running enrich instance of that name, or null. */
  public ChildJvm enrich(final String name) {
    return enrich.get(name);
  }

  /** The query/metrics port of an enrich instance. */
  public int enrichPort(final String name) {
    return enrichPorts.get(name);
  }

  /** Starts ingest on its port (the same one on every start). */
  public void startIngest() {
    ingest = ServiceProcesses.startIngest("ingest", workDir, ingestPort, bootstrapServers(),
        registry.url(), partitions, replicationFactor, List.of("--no-progress"));
  }

  /**
   * Starts (or starts again, on the same state directory and port) enrich instance {@code name};
   * returns once it is RUNNING, with the time that took.
   */
  public Duration startEnrich(final String name) {
    final long started = System.nanoTime();
    final int port = enrichPorts.computeIfAbsent(name, n -> LoopbackPorts.pick());
    enrich.put(name, ServiceProcesses.startEnrich(name, workDir, port, bootstrapServers(),
        registry.url(), applicationId, partitions, replicationFactor));
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** kill -9 of an enrich instance. */
  public void killEnrich(final String name) {
    final ChildJvm instance = enrich.remove(name);
    instance.kill();
    instance.close();
  }

  /** SIGTERM of an enrich instance (a clean stop: Streams closes); its exit code. */
  public int stopEnrich(final String name) {
    final ChildJvm instance = enrich.remove(name);
    final int exit = instance.stop(Duration.ofSeconds(60));
    instance.close();
    return exit;
  }

  /** Stops enrich instances, ingest, the registry and the cluster, in that order. */
  @Override
  public void close() {
    for (final ChildJvm instance : enrich.values()) {
      closeQuietly(instance);
    }
    enrich.clear();
    if (ingest != null) {
      closeQuietly(ingest);
    }
    closeQuietly(registry);
    closeQuietly(cluster);
  }

  private static void closeQuietly(final AutoCloseable component) {
    try {
      component.close();
    } catch (final Exception e) {
      LOG.warn("Could not stop {}", component, e);
    }
  }
}
