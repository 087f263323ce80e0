package io.wirestream.reliability.cluster;

import io.wirestream.devstack.LoopbackPorts;
import io.wirestream.reliability.process.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of N combined broker+controller nodes, each a separate JVM
 * ({@code java kafka.Kafka server.properties}) on 127.0.0.1, so a node can be killed with SIGKILL
 * and brought back on the same ports and log directory. With 3 nodes: replication factor 3 and
 * {@code min.insync.replicas=2} for every topic, the offsets and transaction state topics included,
 * so one node may be lost without losing a write or stopping exactly-once.
 */
public final class ProcessKafkaCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessKafkaCluster.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  private static final long PAUSE_MS = 250;

  private final Path workDir;
  private final int size;
  private final int[] brokerPorts;
  private final int[] controllerPorts;
  private final Path[] configFiles;
  private final ChildJvm[] nodes;
  private final List<String> jvmOptions;
  private final String classpath;
  private final Admin admin;

  private ProcessKafkaCluster(final Path workDir, final int size, final List<String> jvmOptions,
      final String classpath) {
    this.workDir = workDir;
    this.size = size;
    final int[] ports = LoopbackPorts.pick(2 * size);
    this.brokerPorts = new int[size];
    this.controllerPorts = new int[size];
    for (int i = 0; i < size; i++) {
      brokerPorts[i] = ports[2 * i];
      controllerPorts[i] = ports[2 * i + 1];
    }
    this.configFiles = new Path[size];
    this.nodes = new ChildJvm[size];
    this.jvmOptions = List.copyOf(jvmOptions);
    this.classpath = classpath;
    final Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    this.admin = Admin.create(props);
  }

  /**
   * Formats {@code size} log directories under {@code workDir} with one cluster id, starts every
   * node and returns once all of them are registered brokers.
   */
  public static ProcessKafkaCluster start(final int size, final Path workDir) {
    final ProcessKafkaCluster cluster = new ProcessKafkaCluster(workDir, size,
        List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-Dlogback.configurationFile=io/wirestream/reliability/child-logback.xml"),
        ChildJvm.currentClasspath());
    try {
      final long started = System.nanoTime();
      final String clusterId = Uuid.randomUuid().toString();
      for (int i = 0; i < size; i++) {
        cluster.configFiles[i] = cluster.writeConfig(i);
        format(clusterId, cluster.configFiles[i]);
      }
      for (int i = 0; i < size; i++) {
        cluster.launch(i);
      }
      cluster.awaitBrokers(size);
      LOG.info("{}-node Kafka cluster ready at {} in {} ms", size, cluster.bootstrapServers(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return cluster;
    } catch (final RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Every node's PLAINTEXT address, comma-separated. */
  public String bootstrapServers() {
    final List<String> addresses = new ArrayList<>();
    for (final int port : brokerPorts) {
      addresses.add(LoopbackPorts.HOST + ":" + port);
    }
    return String.join(",", addresses);
  }

  public int size() {
    return size;
  }

  /** Node {@code i}'s Kafka node id (i + 1). */
  public int nodeId(final int i) {
    return i + 1;
  }

  /** The process of node {@code i}, or null while it is down. */
  public ChildJvm node(final int i) {
    return nodes[i];
  }

  /** kill -9 node {@code i} (SIGKILL: no clean shutdown, no flush). */
  public void killBroker(final int i) {
    if (nodes[i] != null) {
      nodes[i].kill();
      nodes[i].close();
      nodes[i] = null;
    }
  }

  /** Starts node {@code i} again on its ports and log directory; returns once it is registered. */
  public void startBroker(final int i) {
    if (nodes[i] != null && nodes[i].isAlive()) {
      throw new IllegalStateException("node " + nodeId(i) + " is running");
    }
    launch(i);
    awaitBroker(nodeId(i));
  }

  /**
   * Waits until the controller has fenced node {@code i} (it is no longer among the live brokers)
   * and removed it from the ISR of every partition of {@code topics}; returns the time taken.
   */
  public Duration awaitFenced(final int i, final Collection<String> topics,
      final Duration timeout) {
    final int nodeId = nodeId(i);
    final long started = System.nanoTime();
    final long deadline = started + timeout.toNanos();
    String last = "not checked yet";
    while (System.nanoTime() < deadline) {
      try {
        final boolean listed = admin.describeCluster().nodes()
            .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
            .anyMatch(node -> node.id() == nodeId);
        final List<String> stillInIsr = new ArrayList<>();
        for (final TopicDescription description : describe(topics).values()) {
          for (final TopicPartitionInfo partition : description.partitions()) {
            if (partition.isr().stream().anyMatch(node -> node.id() == nodeId)) {
              stillInIsr.add(description.name() + "-" + partition.partition());
            }
          }
        }
        if (!listed && stillInIsr.isEmpty()) {
          return Duration.ofNanos(System.nanoTime() - started);
        }
        last = (listed ? "still a live broker" : "fenced") + ", in the ISR of " + stillInIsr;
      } catch (final ExecutionException | TimeoutException | RuntimeException e) {
        last = e.toString();
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted", e);
      }
      pause();
    }
    throw new IllegalStateException("Node " + nodeId + " not fenced within " + timeout.toSeconds()
        + " s: " + last);
  }

  /** The node id of the current leader of a partition, or -1 when it has none. */
  public int leaderOf(final String topic, final int partition) {
    final TopicDescription description = describe(List.of(topic)).get(topic);
    final Node leader = description.partitions().get(partition).leader();
    return leader == null ? -1 : leader.id();
  }

  /** Waits until every replica of every partition of {@code topics} is back in sync; the time taken. */
  public Duration awaitFullIsr(final Collection<String> topics, final Duration timeout) {
    final long started = System.nanoTime();
    final long deadline = started + timeout.toNanos();
    String lagging = "not described yet";
    while (System.nanoTime() < deadline) {
      try {
        final Map<String, TopicDescription> described = describe(topics);
        final List<String> behind = new ArrayList<>();
        for (final TopicDescription description : described.values()) {
          for (final TopicPartitionInfo partition : description.partitions()) {
            if (partition.isr().size() < partition.replicas().size()) {
              behind.add(description.name() + "-" + partition.partition() + " isr "
                  + partition.isr().stream().map(Node::id).toList());
            }
          }
        }
        if (behind.isEmpty()) {
          return Duration.ofNanos(System.nanoTime() - started);
        }
        lagging = String.join(", ", behind);
      } catch (final RuntimeException e) {
        lagging = e.toString();
      }
      pause();
    }
    throw new IllegalStateException("Replicas not back in sync within " + timeout.toSeconds()
        + " s: " + lagging);
  }

  /** Stops every running node (SIGTERM, bounded) and the admin client. The work dir is the caller's. */
  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
    for (int i = size - 1; i >= 0; i--) {
      if (nodes[i] != null) {
        nodes[i].close();
        nodes[i] = null;
      }
    }
  }

  private Map<String, TopicDescription> describe(final Collection<String> topics) {
    try {
      return admin.describeTopics(topics).allTopicNames()
          .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (final ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot describe " + topics + ": " + e, e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private void launch(final int i) {
    nodes[i] = ChildJvm.start("kafka-" + nodeId(i), jvmOptions, classpath, "kafka.Kafka",
        List.of(configFiles[i].toString()), workDir.resolve("kafka-" + nodeId(i) + ".log"));
  }

  private void awaitBrokers(final int count) {
    awaitCondition("all " + count + " brokers registered", nodes -> nodes.size() >= count);
  }

  private void awaitBroker(final int nodeId) {
    awaitCondition("node " + nodeId + " registered", nodes -> nodes.stream()
        .anyMatch(node -> node.id() == nodeId));
  }

  private void awaitCondition(final String what,
      final Predicate<Collection<Node>> done) {
    final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      for (final ChildJvm node : nodes) {
        if (node != null && !node.isAlive()) {
          throw new IllegalStateException(node.name() + " exited with " + node.exitCode().orElse(-1)
              + " while waiting for " + what + System.lineSeparator() + node.logTail());
        }
      }
      try {
        final Collection<Node> alive = admin.describeCluster().nodes()
            .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (done.test(alive)) {
          return;
        }
        last = "nodes " + alive.stream().map(Node::id).collect(Collectors.toCollection(
            TreeSet::new));
      } catch (final ExecutionException | TimeoutException e) {
        last = e.toString();
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + what, e);
      }
      pause();
    }
    final StringBuilder logs = new StringBuilder();
    for (final ChildJvm node : nodes) {
      if (node != null) {
        logs.append(System.lineSeparator()).append(node.logTail());
      }
    }
    throw new IllegalStateException("Not ready within " + READY_TIMEOUT.toSeconds() + " s: " + what
        + " (last: " + last + ")" + logs);
  }

  private Path writeConfig(final int i) {
    final Path nodeDir = workDir.resolve("node-" + nodeId(i));
    final Properties props = nodeProperties(i, nodeDir.resolve("logs"));
    final Path file = nodeDir.resolve("server.properties");
    try {
      Files.createDirectories(nodeDir);
      try (OutputStream out = Files.newOutputStream(file)) {
        props.store(out, "node " + nodeId(i) + " of a " + size + "-node test cluster");
      }
      return file;
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private Properties nodeProperties(final int i, final Path logDir) {
    final String host = LoopbackPorts.HOST;
    final List<String> voters = new ArrayList<>();
    for (int n = 0; n < size; n++) {
      voters.add(nodeId(n) + "@" + host + ":" + controllerPorts[n]);
    }
    final String replicas = Integer.toString(Math.min(3, size));
    final String minIsr = Integer.toString(Math.max(1, Math.min(3, size) - 1));
    final Properties props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", Integer.toString(nodeId(i)));
    props.setProperty("controller.quorum.voters", String.join(",", voters));
    props.setProperty("listeners", "PLAINTEXT://" + host + ":" + brokerPorts[i] + ",CONTROLLER://"
        + host + ":" + controllerPorts[i]);
    props.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPorts[i]);
    props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.setProperty("controller.listener.names", "CONTROLLER");
    props.setProperty("inter.broker.listener.name", "PLAINTEXT");
    props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    props.setProperty("default.replication.factor", replicas);
    props.setProperty("min.insync.replicas", minIsr);
    props.setProperty("offsets.topic.replication.factor", replicas);
    props.setProperty("transaction.state.log.replication.factor", replicas);
    props.setProperty("transaction.state.log.min.isr", minIsr);
    props.setProperty("share.coordinator.state.topic.replication.factor", replicas);
    props.setProperty("share.coordinator.state.topic.min.isr", minIsr);
    // 50 partitions each (the defaults) triple the start-up work of a small test cluster.
    props.setProperty("offsets.topic.num.partitions", "6");
    props.setProperty("transaction.state.log.num.partitions", "6");
    props.setProperty("num.partitions", "6");
    props.setProperty("unclean.leader.election.enable", "false");
    props.setProperty("auto.create.topics.enable", "false");
    props.setProperty("group.initial.rebalance.delay.ms", "0");
    props.setProperty("log.cleaner.dedupe.buffer.size", "2097152");
    return props;
  }

  private static void format(final String clusterId, final Path configFile) {
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final int exit;
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c",
          configFile.toString()}, print);
    } catch (final Exception e) {
      throw new IllegalStateException("Cannot format " + configFile + ": " + e.getMessage()
          + System.lineSeparator() + output.toString(StandardCharsets.UTF_8), e);
    }
    if (exit != 0) {
      throw new IllegalStateException("Formatting " + configFile + " exited with " + exit
          + System.lineSeparator() + output.toString(StandardCharsets.UTF_8));
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_MS);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /** Topics whose replicas {@link #awaitFullIsr} should wait for by default. */
  public static Set<String> internalTopics() {
    return Set.of("__consumer_offsets", "__transaction_state");
  }
}
