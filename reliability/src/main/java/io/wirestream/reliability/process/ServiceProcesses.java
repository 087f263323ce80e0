package io.wirestream.reliability.process;

import io.wirestream.devstack.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts ingest-service and enrich-service as separate JVMs through the real launcher
 * ({@code io.wirestream.deploy.WirestreamCli ingest|enrich ...}), as an operator would, and waits
 * for their {@code /health/ready}.
 */
public final class ServiceProcesses {

  /** The launcher's main class. */
  public static final String CLI = "io.wirestream.deploy.WirestreamCli";
  /** Consumer session timeout given to enrich (default 45 s): bounds how long a killed member holds its partitions. */
  public static final String ENRICH_SESSION_TIMEOUT_MS = "10000";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final String CHILD_LOGGING =
      "-Dlogback.configurationFile=io/wirestream/reliability/child-logback.xml";
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private ServiceProcesses() {
  }

  /**
   * {@code wirestream ingest --http-port PORT}: stories to {@code news.raw.v1}, created with
   * {@code partitions} partitions and replication factor {@code replicationFactor} if missing.
   */
  public static ChildJvm startIngest(final String name, final Path workDir, final int httpPort,
      final String bootstrapServers, final String registryUrl, final int partitions,
      final int replicationFactor, final List<String> extraArgs) {
    final List<String> args = new ArrayList<>(List.of("ingest",
        "--http-port", Integer.toString(httpPort), "--http-host", LoopbackPorts.HOST,
        "--bootstrap-servers", bootstrapServers, "--schema-registry-url", registryUrl,
        "--partitions", Integer.toString(partitions),
        "--replication-factor", Integer.toString(replicationFactor)));
    args.addAll(extraArgs);
    final ChildJvm ingest = ChildJvm.start(name, List.of("-Xmx256m", "-XX:+UseSerialGC",
        CHILD_LOGGING), ChildJvm.currentClasspath(), CLI, args, workDir.resolve(name + ".log"));
    return awaitReady(ingest, httpPort);
  }

  /**
   * {@code wirestream enrich} with its own state directory and query port, one stream thread,
   * {@code session.timeout.ms=10000}; returns once it is RUNNING.
   */
  public static ChildJvm startEnrich(final String name, final Path workDir, final int httpPort,
      final String bootstrapServers, final String registryUrl, final String applicationId,
      final int partitions, final int replicationFactor) {
    final ChildJvm enrich = launchEnrich(name, workDir, httpPort, bootstrapServers, registryUrl,
        applicationId, partitions, replicationFactor, List.of());
    return awaitReady(enrich, httpPort);
  }

  /** Starts enrich without waiting for it (for tests that expect it to fail). */
  public static ChildJvm launchEnrich(final String name, final Path workDir, final int httpPort,
      final String bootstrapServers, final String registryUrl, final String applicationId,
      final int partitions, final int replicationFactor, final List<String> extraArgs) {
    return launchEnrich(name, List.of(), workDir, httpPort, bootstrapServers, registryUrl,
        applicationId, partitions, replicationFactor, extraArgs);
  }

  /**
   * Starts enrich under a launcher command (see {@link ChildJvm}); its state directory is
   * {@code workDir/NAME-state}.
   */
  public static ChildJvm launchEnrich(final String name, final List<String> launcher,
      final Path workDir, final int httpPort, final String bootstrapServers,
      final String registryUrl, final String applicationId, final int partitions,
      final int replicationFactor, final List<String> extraArgs) {
    final List<String> args = new ArrayList<>(List.of("enrich",
        "--bootstrap-servers", bootstrapServers, "--schema-registry-url", registryUrl,
        "--application-id", applicationId,
        "--state-dir", enrichStateDir(workDir, name).toString(),
        "--threads", "1",
        "--http-port", Integer.toString(httpPort), "--http-host", LoopbackPorts.HOST,
        "--partitions", Integer.toString(partitions),
        "--replication-factor", Integer.toString(replicationFactor),
        "--kafka-config", "session.timeout.ms=" + ENRICH_SESSION_TIMEOUT_MS));
    args.addAll(extraArgs);
    return ChildJvm.start(name, launcher, List.of("-Xmx640m", "-XX:+UseSerialGC", CHILD_LOGGING),
        ChildJvm.currentClasspath(), CLI, args, workDir.resolve(name + ".log"));
  }

  /** The state directory {@link #launchEnrich} gives instance {@code name}. */
  public static Path enrichStateDir(final Path workDir, final String name) {
    return workDir.resolve(name + "-state");
  }

  /** Polls {@code GET /health/ready} until 200; fails with the log tail if the process exits. */
  public static ChildJvm awaitReady(final ChildJvm service, final int httpPort) {
    final HttpRequest probe = HttpRequest.newBuilder(URI.create("http://" + LoopbackPorts.HOST + ":"
        + httpPort + "/health/ready")).timeout(Duration.ofSeconds(5)).GET().build();
    final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String last = "no answer yet";
    try {
      while (System.nanoTime() < deadline) {
        if (!service.isAlive()) {
          throw new IllegalStateException(service.name() + " exited with "
              + service.exitCode().orElse(-1) + " before it was ready" + System.lineSeparator()
              + service.logTail());
        }
        try {
          final HttpResponse<String> response = HTTP.send(probe,
              HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return service;
          }
          last = response.statusCode() + " " + response.body();
        } catch (final IOException e) {
          last = e.toString();
        }
        Thread.sleep(250);
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      service.close();
      throw new IllegalStateException("Interrupted while waiting for " + service.name(), e);
    }
    service.close();
    throw new IllegalStateException(service.name() + " not ready within "
        + READY_TIMEOUT.toSeconds() + " s (last: " + last + ")" + System.lineSeparator()
        + service.logTail());
  }
}
