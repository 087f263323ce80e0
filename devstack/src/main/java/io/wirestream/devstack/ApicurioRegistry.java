package io.wirestream.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry (in-memory storage) running as a child process on 127.0.0.1, with the global
 * compatibility rule BACKWARD. Its Confluent-compatible API is at {@link #confluentApiUrl()}.
 *
 * <p>The registry JVM is started through a small bash wrapper that stops it when the wrapper's stdin
 * reaches EOF. This JVM holds the other end of that pipe, so the registry goes away even if this JVM is
 * killed with SIGKILL and no shutdown hook runs (the wrapper then also removes the temporary directory).
 * A shutdown hook covers the ordinary exits.
 *
 * <p>Its output goes to {@code registry.log} in a temporary directory, removed on {@link #close()}.
 *
 * <p>Started with a {@link LocalCertificate}, it serves HTTPS only, so tests can prove that clients reach
 * it with a trust store.
 */
public final class ApicurioRegistry implements AutoCloseable {

  /** System property naming the unpacked Apicurio distribution; see {@link #start()}. */
  public static final String HOME_PROPERTY = ApicurioDistribution.HOME_PROPERTY;
  /** Environment variable naming the unpacked Apicurio distribution; see {@link #start()}. */
  public static final String HOME_ENV = ApicurioDistribution.HOME_ENV;
  /** Path of the Confluent-compatible API below {@link #baseUrl()}. */
  public static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";

  private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistry.class);

  private static final String WRAPPER_RESOURCE = "run-until-stdin-eof.sh";
  private static final String LOG_FILE_NAME = "registry.log";
  /** Written by the wrapper script; the name is part of its contract. */
  private static final String PID_FILE_NAME = "child.pid";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FORCED_STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  private static final long PROBE_PAUSE_MS = 100;
  private static final int LOG_TAIL_LINES = 40;

  private final Process wrapper;
  private final ProcessHandle registry;
  private final String baseUrl;
  private final Path workDir;
  private final Thread shutdownHook;
  private boolean closed;

  private ApicurioRegistry(final Process wrapper, final ProcessHandle registry, final String baseUrl,
      final int port, final Path workDir) {
    this.wrapper = wrapper;
    this.registry = registry;
    this.baseUrl = baseUrl;
    this.workDir = workDir;
    this.shutdownHook = new Thread(this::close, "apicurio-registry-shutdown-" + port);
  }

  /**
   * Starts the registry and returns once its Confluent-compatible API answers.
   *
   * <p>The runner is looked up in: system property {@value #HOME_PROPERTY}, else environment variable
   * {@value #HOME_ENV}, else {@code apicurio.home} baked into {@code wirestream-devstack.properties} by
   * the devstack build.
   *
   * @throws IllegalStateException if the runner is missing, or the registry exits or is not ready within
   *     90 s (the message ends with the last lines of its log)
   */
  public static ApicurioRegistry start() {
    return start(Map.of());
  }

  /**
   * Starts the registry with extra {@code -Dkey=value} system properties for its JVM (Quarkus and
   * Apicurio settings, e.g. {@code registry.ccompat.legacy-id-mode.enabled}); returns once it answers.
   *
   * @throws IllegalStateException as {@link #start()}
   */
  public static ApicurioRegistry start(final Map<String, String> systemProperties) {
    return start(systemProperties, null);
  }

  /**
   * Starts the registry as {@link #start(Map)}; with a certificate it serves HTTPS only, with that
   * certificate, and {@link #baseUrl()} is {@code https://127.0.0.1:PORT}.
   *
   * @param tlsOrNull the server certificate, or {@code null} for plain HTTP
   * @throws IllegalStateException as {@link #start()}
   */
  public static ApicurioRegistry start(final Map<String, String> systemProperties,
      final LocalCertificate tlsOrNull) {
    Objects.requireNonNull(systemProperties, "systemProperties");
    final long started = System.nanoTime();
    final ApicurioDistribution distribution = ApicurioDistribution.locate();
    for (int attempt = 1; ; attempt++) {
      final Path workDir = createWorkDir();
      final int[] ports = LoopbackPorts.pick(2);
      try {
        return start(systemProperties, tlsOrNull, distribution, workDir, ports, started);
      } catch (final IllegalStateException e) {
        // The ports are picked free, then handed to Quarkus, which binds them seconds later; on a
        // busy machine another process can take one in between. Only that is retried.
        if (attempt >= PORT_ATTEMPTS || !portTaken(workDir.resolve(LOG_FILE_NAME))) {
          throw e;
        }
        LOG.warn("Apicurio registry found port {} or {} taken by another process before it could"
            + " bind it; starting it again on other ports (attempt {} of {})", ports[0], ports[1],
            attempt + 1, PORT_ATTEMPTS);
      }
    }
  }

  /** How often a registry that lost its port to another process is started again. */
  private static final int PORT_ATTEMPTS = 3;

  static boolean portTaken(final Path logFile) {
    try {
      final String log = Files.readString(logFile);
      return log.contains("seems to be in use by another process")
          || log.contains("Address already in use");
    } catch (final java.io.IOException e) {
      return false;
    }
  }

  private static ApicurioRegistry start(final Map<String, String> systemProperties,
      final LocalCertificate tlsOrNull, final ApicurioDistribution distribution,
      final Path workDir, final int[] ports, final long started) {
    final Map<String, String> properties = new LinkedHashMap<>(systemProperties);
    final Map<String, String> environment = new LinkedHashMap<>();
    if (tlsOrNull != null) {
      properties.putAll(tlsProperties(ports[1], tlsOrNull));
      // Quarkus reads its settings from the environment too: the password stays off the command line.
      environment.put("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD", tlsOrNull.password());
    }
    final Path logFile = workDir.resolve(LOG_FILE_NAME);
    final Process wrapper = launch(workDir, logFile, registryCommand(distribution, ports[0], properties),
        environment);

    final String baseUrl = tlsOrNull == null ? "http://" + LoopbackPorts.HOST + ":" + ports[0]
        : "https://" + LoopbackPorts.HOST + ":" + ports[1];
    try {
      final ProcessHandle registry = awaitReady(wrapper, baseUrl, probeClient(tlsOrNull),
          workDir.resolve(PID_FILE_NAME), logFile);
      final ApicurioRegistry running = new ApicurioRegistry(wrapper, registry, baseUrl, ports[0], workDir);
      Runtime.getRuntime().addShutdownHook(running.shutdownHook);
      LOG.info("Apicurio registry {} ready at {} (pid {}) in {} ms", distribution.version(), baseUrl,
          registry.pid(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return running;
    } catch (final RuntimeException e) {
      stop(wrapper, null);
      DirectoryDeleter.deleteQuietly(workDir);
      throw e;
    }
  }

  /** Returns {@code http://127.0.0.1:PORT}, or {@code https://...} when started with a certificate. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Returns the Confluent-compatible API base, {@code http(s)://127.0.0.1:PORT/apis/ccompat/v7}. */
  public String confluentApiUrl() {
    return baseUrl() + CONFLUENT_API_PATH;
  }

  /** Returns the pid of the registry JVM (not of the wrapper script around it). */
  public long pid() {
    return registry.pid();
  }

  /** Returns the registry's log file (its stdout and stderr); deleted with its directory on close. */
  public Path logFile() {
    return workDir.resolve(LOG_FILE_NAME);
  }

  /**
   * Stops the registry: SIGTERM (forwarded by the wrapper), up to 10 s of grace, then SIGKILL; then
   * deletes the temporary directory with its log. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    removeShutdownHook();
    stop(wrapper, registry);
    DirectoryDeleter.deleteQuietly(workDir);
    LOG.info("Apicurio registry at {} stopped", baseUrl);
  }

  @Override
  public String toString() {
    return "ApicurioRegistry[" + baseUrl() + ", pid " + registry.pid() + "]";
  }

  /**
   * Starts {@code registryCommand} under the wrapper script, output to {@code logFile}. Deletes
   * {@code workDir} if that fails.
   */
  private static Process launch(final Path workDir, final Path logFile, final List<String> registryCommand,
      final Map<String, String> environment) {
    final List<String> command = new ArrayList<>();
    try {
      command.add("bash");
      command.add(copyWrapper(workDir).toString());
      command.add(workDir.toString());
      command.addAll(registryCommand);
      // stdin stays a pipe held open by this JVM: it is the wrapper's lifeline (see class doc).
      final ProcessBuilder builder = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile());
      builder.environment().putAll(environment);
      return builder.start();
    } catch (final IOException e) {
      DirectoryDeleter.deleteQuietly(workDir);
      throw new UncheckedIOException("Could not start the Apicurio registry: " + String.join(" ", command), e);
    } catch (final RuntimeException e) {
      DirectoryDeleter.deleteQuietly(workDir);
      throw e;
    }
  }

  private static List<String> registryCommand(final ApicurioDistribution distribution, final int port,
      final Map<String, String> systemProperties) {
    final List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Measured: ready in ~3 s on 2 cores with a small serial heap and C1 only.
    command.add("-Xmx128m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dquarkus.http.host=" + LoopbackPorts.HOST);
    command.add("-Dquarkus.http.port=" + port);
    // Off by default; pinned in case a -D turns the management interface on.
    command.add("-Dquarkus.management.host=" + LoopbackPorts.HOST);
    // Narayana (the JTA transaction manager) otherwise derives its process id by binding a
    // ServerSocket on a random loopback port for its whole life: a listener nobody needs.
    command.add("-DCoreEnvironmentBean.processImplementationClassName="
        + "com.arjuna.ats.internal.arjuna.utils.UuidProcessId");
    command.add("-Dregistry.rules.global.compatibility=BACKWARD");
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(distribution.runnerJar().toString());
    return command;
  }

  /** HTTPS on {@code sslPort} with the certificate's key store, and no plain HTTP at all. */
  private static Map<String, String> tlsProperties(final int sslPort, final LocalCertificate certificate) {
    final Map<String, String> props = new LinkedHashMap<>();
    props.put("quarkus.http.ssl-port", Integer.toString(sslPort));
    props.put("quarkus.http.ssl.certificate.key-store-file", certificate.keyStore().toString());
    props.put("quarkus.http.ssl.certificate.key-store-file-type", LocalCertificate.STORE_TYPE);
    props.put("quarkus.http.insecure-requests", "disabled");
    return props;
  }

  /** A readiness probe client; with a certificate, one that trusts exactly that certificate. */
  private static HttpClient probeClient(final LocalCertificate tlsOrNull) {
    final HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT);
    if (tlsOrNull != null) {
      builder.sslContext(trusting(tlsOrNull));
    }
    return builder.build();
  }

  private static SSLContext trusting(final LocalCertificate certificate) {
    try (InputStream in = Files.newInputStream(certificate.trustStore())) {
      final KeyStore trustStore = KeyStore.getInstance(LocalCertificate.STORE_TYPE);
      trustStore.load(in, certificate.password().toCharArray());
      final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore);
      final SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (final IOException e) {
      throw new UncheckedIOException("Could not read trust store " + certificate.trustStore(), e);
    } catch (final GeneralSecurityException e) {
      throw new IllegalStateException("Could not load trust store " + certificate.trustStore(), e);
    }
  }

  /**
   * Polls the subjects endpoint until it answers 200; fails fast if the process exits.
   *
   * @return the handle of the registry JVM, whose pid the wrapper wrote to {@code pidFile}
   */
  private static ProcessHandle awaitReady(final Process wrapper, final String baseUrl, final HttpClient http,
      final Path pidFile, final Path logFile) {
    final HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + CONFLUENT_API_PATH + "/subjects"))
        .timeout(PROBE_TIMEOUT)
        .GET()
        .build();
    final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String lastProblem = "no answer yet";
    try {
      while (System.nanoTime() < deadline) {
        if (!wrapper.isAlive()) {
          throw new IllegalStateException("Apicurio registry exited with status " + wrapper.exitValue()
              + " before it was ready" + logTail(logFile));
        }
        try {
          final HttpResponse<Void> response = http.send(probe, HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() == 200) {
            return registryHandle(pidFile, logFile);
          }
          lastProblem = "HTTP " + response.statusCode();
        } catch (final ConnectException e) {
          lastProblem = "connection refused";
        } catch (final IOException e) {
          lastProblem = e.toString();
        }
        Thread.sleep(PROBE_PAUSE_MS);
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Apicurio registry at " + baseUrl, e);
    }
    throw new IllegalStateException("Apicurio registry at " + baseUrl + " was not ready within "
        + READY_TIMEOUT.toSeconds() + " s (last probe: " + lastProblem + ")" + logTail(logFile));
  }

  private static ProcessHandle registryHandle(final Path pidFile, final Path logFile) {
    try {
      final long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
      return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
          "Apicurio registry answered but its process " + pid + " is gone" + logTail(logFile)));
    } catch (final IOException | NumberFormatException e) {
      throw new IllegalStateException("Apicurio registry answered but its pid file " + pidFile
          + " is unreadable", e);
    }
  }

  /**
   * Stops the wrapper gracefully (it forwards SIGTERM to the registry and waits for it), then forcibly.
   * {@code registry} may be null when the pid is not known yet; the wrapper's descendants are killed then.
   */
  private static void stop(final Process wrapper, final ProcessHandle registry) {
    final List<ProcessHandle> descendants = wrapper.descendants().toList();
    wrapper.destroy();
    try {
      if (!wrapper.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Apicurio registry did not stop within {} s of SIGTERM; killing it", STOP_TIMEOUT.toSeconds());
        Optional.ofNullable(registry).ifPresent(ProcessHandle::destroyForcibly);
        descendants.forEach(ProcessHandle::destroyForcibly);
        wrapper.destroyForcibly();
        wrapper.waitFor(FORCED_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      Optional.ofNullable(registry).ifPresent(ProcessHandle::destroyForcibly);
      descendants.forEach(ProcessHandle::destroyForcibly);
      wrapper.destroyForcibly();
    }
    // The wrapper only exits after reaping the registry; anything still alive here is a bug worth a log.
    if (registry != null && registry.isAlive()) {
      LOG.warn("Apicurio registry process {} is still alive after stop; killing it", registry.pid());
      registry.destroyForcibly();
    }
    closeQuietly(wrapper.getOutputStream());
  }

  private static void closeQuietly(final OutputStream stream) {
    try {
      stream.close();
    } catch (final IOException e) {
      // The wrapper is gone; its end of the pipe no longer matters.
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (final IllegalStateException e) {
      // The JVM is already shutting down (possibly running this very hook): nothing to remove.
    }
  }

  private static String logTail(final Path logFile) {
    try {
      final String[] lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).split("\\R");
      final int from = Math.max(0, lines.length - LOG_TAIL_LINES);
      final StringBuilder tail = new StringBuilder(System.lineSeparator())
          .append("--- last lines of ").append(logFile).append(" ---");
      for (int i = from; i < lines.length; i++) {
        tail.append(System.lineSeparator()).append(lines[i]);
      }
      return tail.toString();
    } catch (final IOException e) {
      return " (log " + logFile + " unreadable: " + e + ")";
    }
  }

  private static Path copyWrapper(final Path workDir) {
    final Path script = workDir.resolve(WRAPPER_RESOURCE);
    try (InputStream in = ApicurioRegistry.class.getResourceAsStream(WRAPPER_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Classpath resource " + WRAPPER_RESOURCE + " is missing");
      }
      Files.copy(in, script);
      return script;
    } catch (final IOException e) {
      throw new UncheckedIOException("Could not write " + script, e);
    }
  }

  private static Path createWorkDir() {
    try {
      return Files.createTempDirectory("wirestream-apicurio-");
    } catch (final IOException e) {
      throw new UncheckedIOException("Could not create a temporary directory for the Apicurio registry", e);
    }
  }

}
