package io.wirestream.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM,
 * listening on 127.0.0.1 only, on ports picked at start.
 *
 * <p>With a data directory given, the directory is kept: it is formatted on first use only, so a
 * broker started again on it finds its topics and committed offsets (on new ports). Without one,
 * a temporary directory is used and deleted on {@link #close()}.
 *
 * <p>Optionally a second, SASL_SSL listener ({@link SaslSslListener}: TLS, SCRAM-SHA-512) serves
 * clients that must run with production security settings; see {@link #saslSslBootstrapServers()}.
 *
 * <p>Deliberately not {@code KafkaClusterTestKit}: that binds all interfaces.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private static final int NODE_ID = 1;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration READY_PROBE_TIMEOUT = Duration.ofSeconds(5);
  private static final long READY_PROBE_PAUSE_MS = 100;
  private static final String LOG_DIR_NAME = "kraft-logs";
  private static final String CONFIG_FILE_NAME = "server.properties";
  private static final String META_PROPERTIES = "meta.properties";
  /** Kafka's minimum for SCRAM-SHA-512; more only slows every login down. */
  private static final int SCRAM_ITERATIONS = 4096;

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final boolean deleteOnClose;
  private final String clusterId;
  private final String bootstrapServers;
  private final Optional<String> saslSslBootstrapServers;
  private boolean closed;

  private EmbeddedKafkaBroker(final KafkaRaftServer server, final Path dataDir, final boolean deleteOnClose,
      final String clusterId, final String bootstrapServers, final Optional<String> saslSslBootstrapServers) {
    this.server = server;
    this.dataDir = dataDir;
    this.deleteOnClose = deleteOnClose;
    this.clusterId = clusterId;
    this.bootstrapServers = bootstrapServers;
    this.saslSslBootstrapServers = saslSslBootstrapServers;
  }

  /**
   * Starts a broker and returns once it answers an Admin {@code describeCluster()}.
   *
   * @param dataDirOrNull directory to keep the broker's data in (created and formatted if needed),
   *     or {@code null} for a fresh temporary directory deleted on close
   */
  public static EmbeddedKafkaBroker start(final Path dataDirOrNull) {
    return start(dataDirOrNull, Map.of());
  }

  /**
   * Starts a broker with extra broker properties that override the defaults (e.g.
   * {@code log.retention.ms}); returns once it answers an Admin {@code describeCluster()}.
   *
   * @param dataDirOrNull directory to keep the broker's data in, or {@code null} for a temporary one
   * @param extraProperties broker properties applied last; listeners and ports are best left alone
   */
  public static EmbeddedKafkaBroker start(final Path dataDirOrNull, final Map<String, String> extraProperties) {
    return start(dataDirOrNull, extraProperties, null);
  }

  /**
   * Starts a broker as {@link #start(Path, Map)} that also serves a SASL_SSL listener, with the
   * listener's SCRAM users created; returns once a client can log in over it.
   *
   * @param dataDirOrNull directory to keep the broker's data in, or {@code null} for a temporary one
   * @param extraProperties broker properties applied last (e.g. an authorizer)
   * @param saslSslOrNull the SASL_SSL listener, or {@code null} for PLAINTEXT only
   */
  public static EmbeddedKafkaBroker start(final Path dataDirOrNull, final Map<String, String> extraProperties,
      final SaslSslListener saslSslOrNull) {
    Objects.requireNonNull(extraProperties, "extraProperties");
    final long started = System.nanoTime();
    final boolean temporary = dataDirOrNull == null;
    final Path dataDir = temporary ? createTempDir() : createDirs(dataDirOrNull);
    KafkaRaftServer server = null;
    try {
      final int[] ports = LoopbackPorts.pick(saslSslOrNull == null ? 2 : 3);
      final String bootstrapServers = LoopbackPorts.HOST + ":" + ports[0];
      final Properties props = brokerProperties(dataDir.resolve(LOG_DIR_NAME), ports[0], ports[1]);
      final Optional<String> saslSslBootstrapServers = Optional.ofNullable(saslSslOrNull)
          .map(listener -> LoopbackPorts.HOST + ":" + ports[2]);
      if (saslSslOrNull != null) {
        addSaslSslListener(props, ports[2], saslSslOrNull);
      }
      props.putAll(extraProperties);
      final Path configFile = writeConfig(dataDir.resolve(CONFIG_FILE_NAME), props);
      final String clusterId = formatIfNeeded(Path.of(props.getProperty("log.dirs")), configFile);

      server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      awaitReady(bootstrapServers, Map.of());
      if (saslSslOrNull != null) {
        createScramUsers(bootstrapServers, saslSslOrNull.scramUsers());
        final Map.Entry<String, String> user = saslSslOrNull.scramUsers().entrySet().iterator().next();
        awaitReady(saslSslBootstrapServers.orElseThrow(),
            saslSslOrNull.clientProperties(user.getKey(), user.getValue()));
      }
      LOG.info("Kafka broker ready at {}{} (cluster {}, data {}) in {} ms", bootstrapServers,
          saslSslBootstrapServers.map(address -> " and SASL_SSL " + address).orElse(""), clusterId, dataDir,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return new EmbeddedKafkaBroker(server, dataDir, temporary, clusterId, bootstrapServers,
          saslSslBootstrapServers);
    } catch (final RuntimeException e) {
      if (server != null) {
        shutdown(server);
      }
      if (temporary) {
        DirectoryDeleter.deleteQuietly(dataDir);
      }
      throw e;
    }
  }

  /** Returns {@code 127.0.0.1:PORT} of the PLAINTEXT listener. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Returns {@code 127.0.0.1:PORT} of the SASL_SSL listener.
   *
   * @throws IllegalStateException if the broker was started without one
   */
  public String saslSslBootstrapServers() {
    return saslSslBootstrapServers.orElseThrow(() -> new IllegalStateException(
        "This broker was started without a SASL_SSL listener"));
  }

  /** Returns the directory holding this broker's config file and log directory. */
  public Path dataDir() {
    return dataDir;
  }

  /** Returns the KRaft cluster id the data directory was formatted with. */
  public String clusterId() {
    return clusterId;
  }

  /** Shuts the broker down, waits for it, and deletes the data directory if it was temporary. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    shutdown(server);
    if (deleteOnClose) {
      DirectoryDeleter.deleteQuietly(dataDir);
    }
    LOG.info("Kafka broker at {} stopped", bootstrapServers);
  }

  @Override
  public String toString() {
    return "EmbeddedKafkaBroker[" + bootstrapServers + ", cluster " + clusterId + ", data " + dataDir + "]";
  }

  /** The measured single-node recipe; see docs "Real components, and how they start". */
  static Properties brokerProperties(final Path logDir, final int brokerPort, final int controllerPort) {
    final String host = LoopbackPorts.HOST;
    final Properties props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", Integer.toString(NODE_ID));
    props.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    props.setProperty("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":"
        + controllerPort);
    props.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
    props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.setProperty("controller.listener.names", "CONTROLLER");
    props.setProperty("inter.broker.listener.name", "PLAINTEXT");
    props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    // One node: every internal topic must be satisfiable by a single replica, or group
    // coordination, transactions (exactly-once) and share groups never become available.
    props.setProperty("offsets.topic.replication.factor", "1");
    props.setProperty("transaction.state.log.replication.factor", "1");
    props.setProperty("transaction.state.log.min.isr", "1");
    props.setProperty("share.coordinator.state.topic.replication.factor", "1");
    props.setProperty("share.coordinator.state.topic.min.isr", "1");
    // Tests should not wait 3 s for the first consumer group rebalance.
    props.setProperty("group.initial.rebalance.delay.ms", "0");
    // The default 128 MiB dedupe buffer dominates the broker's memory; compaction here is tiny.
    props.setProperty("log.cleaner.dedupe.buffer.size", "2097152");
    props.setProperty("num.partitions", "1");
    // Tests and the demo create their topics explicitly, like production does.
    props.setProperty("auto.create.topics.enable", "false");
    return props;
  }

  /**
   * Adds the SASL_SSL listener: TLS with the listener's key store, SCRAM-SHA-512 only. Inter-broker
   * and controller traffic stay on PLAINTEXT.
   */
  static void addSaslSslListener(final Properties props, final int port, final SaslSslListener listener) {
    final String name = SaslSslListener.NAME;
    final String address = name + "://" + LoopbackPorts.HOST + ":" + port;
    props.setProperty("listeners", props.getProperty("listeners") + "," + address);
    props.setProperty("advertised.listeners", props.getProperty("advertised.listeners") + "," + address);
    props.setProperty("listener.security.protocol.map",
        props.getProperty("listener.security.protocol.map") + "," + name + ":" + name);
    final String prefix = "listener.name." + name.toLowerCase(Locale.ROOT) + ".";
    props.setProperty(prefix + "sasl.enabled.mechanisms", SaslSslListener.MECHANISM);
    // The server side of SCRAM needs a login module but no options: credentials live in the metadata log.
    props.setProperty(prefix + SaslSslListener.MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    final LocalCertificate certificate = listener.certificate();
    props.setProperty(prefix + "ssl.keystore.location", certificate.keyStore().toString());
    props.setProperty(prefix + "ssl.keystore.password", certificate.password());
    props.setProperty(prefix + "ssl.key.password", certificate.password());
    props.setProperty(prefix + "ssl.keystore.type", LocalCertificate.STORE_TYPE);
  }

  /**
   * Creates (or updates) a SCRAM-SHA-512 credential per user over the PLAINTEXT listener and waits
   * until the broker describes all of them.
   */
  private static void createScramUsers(final String bootstrapServers, final Map<String, String> users) {
    final List<UserScramCredentialAlteration> upserts = new ArrayList<>();
    users.forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(user,
        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
    try (Admin admin = Admin.create(probeProperties(bootstrapServers, Map.of()))) {
      admin.alterUserScramCredentials(upserts).all()
          .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        final Map<String, UserScramCredentialsDescription> described = admin.describeUserScramCredentials()
            .all().get(READY_PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (described.keySet().containsAll(users.keySet())) {
          return;
        }
        Thread.sleep(READY_PROBE_PAUSE_MS);
      }
      throw new IllegalStateException("SCRAM users " + users.keySet() + " did not appear within "
          + READY_TIMEOUT.toSeconds() + " s");
    } catch (final ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not create SCRAM users " + users.keySet() + ": " + e, e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating SCRAM users", e);
    }
  }

  private static Path writeConfig(final Path file, final Properties props) {
    try (OutputStream out = Files.newOutputStream(file)) {
      props.store(out, "Written by EmbeddedKafkaBroker; rewritten on every start (ports change)");
      return file;
    } catch (final IOException e) {
      throw new UncheckedIOException("Could not write broker config " + file, e);
    }
  }

  /** Formats the log directory unless it already is; returns the cluster id either way. */
  private static String formatIfNeeded(final Path logDir, final Path configFile) {
    final Path metaProperties = logDir.resolve(META_PROPERTIES);
    if (Files.exists(metaProperties)) {
      final String existing = readClusterId(metaProperties);
      LOG.debug("Reusing formatted log directory {} of cluster {}", logDir, existing);
      return existing;
    }
    final String clusterId = Uuid.randomUuid().toString();
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final int exitCode;
    try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode = StorageTool.execute(
          new String[] {"format", "-t", clusterId, "-c", configFile.toString()}, printStream);
    } catch (final Exception e) {
      // StorageTool reports bad arguments and config problems as exceptions (TerseFailure).
      throw new IllegalStateException("Could not format Kafka log directory " + logDir + ": " + e.getMessage()
          + System.lineSeparator() + output.toString(StandardCharsets.UTF_8), e);
    }
    if (exitCode != 0) {
      throw new IllegalStateException("Formatting Kafka log directory " + logDir + " exited with " + exitCode
          + System.lineSeparator() + output.toString(StandardCharsets.UTF_8));
    }
    LOG.debug("Formatted {}: {}", logDir, output.toString(StandardCharsets.UTF_8).strip());
    return clusterId;
  }

  private static String readClusterId(final Path metaProperties) {
    final Properties meta = new Properties();
    try (InputStream in = Files.newInputStream(metaProperties)) {
      meta.load(in);
    } catch (final IOException e) {
      throw new UncheckedIOException("Could not read " + metaProperties, e);
    }
    final String clusterId = meta.getProperty("cluster.id");
    if (clusterId == null || clusterId.isBlank()) {
      throw new IllegalStateException(metaProperties + " has no cluster.id; delete the directory to start over");
    }
    return clusterId;
  }

  /**
   * Polls {@code describeCluster()} until the broker lists itself or {@link #READY_TIMEOUT} passes.
   * After a failed login (a SCRAM credential the broker has not applied yet) the next attempt uses
   * a fresh client, since a client does not retry a failed authentication by itself.
   */
  private static void awaitReady(final String bootstrapServers, final Map<String, String> clientProperties) {
    final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Exception lastFailure = null;
    try {
      while (System.nanoTime() < deadline) {
        try (Admin admin = Admin.create(probeProperties(bootstrapServers, clientProperties))) {
          while (System.nanoTime() < deadline) {
            try {
              final Collection<Node> nodes = admin.describeCluster().nodes()
                  .get(READY_PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
              if (!nodes.isEmpty()) {
                return;
              }
            } catch (final ExecutionException | TimeoutException e) {
              lastFailure = e;
              if (e.getCause() instanceof AuthenticationException) {
                break;
              }
            }
            Thread.sleep(READY_PROBE_PAUSE_MS);
          }
        }
        Thread.sleep(READY_PROBE_PAUSE_MS);
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Kafka broker at " + bootstrapServers, e);
    }
    throw new IllegalStateException("Kafka broker at " + bootstrapServers
        + " did not answer describeCluster within " + READY_TIMEOUT.toSeconds() + " s", lastFailure);
  }

  private static Properties probeProperties(final String bootstrapServers,
      final Map<String, String> clientProperties) {
    final Properties adminProps = new Properties();
    adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, "devstack-readiness-probe");
    adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) READY_PROBE_TIMEOUT.toMillis());
    adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_PROBE_TIMEOUT.toMillis());
    adminProps.putAll(clientProperties);
    return adminProps;
  }

  private static void shutdown(final KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (final RuntimeException e) {
      LOG.warn("Kafka broker did not shut down cleanly", e);
    }
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("wirestream-kafka-");
    } catch (final IOException e) {
      throw new UncheckedIOException("Could not create a temporary directory for the Kafka broker", e);
    }
  }

  private static Path createDirs(final Path dir) {
    try {
      return Files.createDirectories(dir).toAbsolutePath();
    } catch (final IOException e) {
      throw new UncheckedIOException("Could not create Kafka data directory " + dir, e);
    }
  }
}
