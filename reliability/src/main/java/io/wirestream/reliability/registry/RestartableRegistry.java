package io.wirestream.reliability.registry;

import io.wirestream.devstack.ApicurioRegistry;
import io.wirestream.devstack.LoopbackPorts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The devstack Apicurio registry made restartable without losing schemas: its built-in H2 database
 * is pointed at a file ({@code quarkus.datasource.jdbc.url=jdbc:h2:file:...}) instead of
 * {@code jdbc:h2:mem:}, so subjects and schema ids survive a restart, and it sits behind a
 * {@link TcpProxy} so clients keep one URL while the process behind it changes port.
 */
public final class RestartableRegistry implements AutoCloseable {

  private final Path databaseDir;
  private final TcpProxy proxy;
  private ApicurioRegistry registry;

  private RestartableRegistry(final Path databaseDir, final ApicurioRegistry registry) {
    this.databaseDir = databaseDir;
    this.registry = registry;
    this.proxy = TcpProxy.start(port(registry));
  }

  /** Starts the registry with its database in {@code databaseDir}. */
  public static RestartableRegistry start(final Path databaseDir) {
    return new RestartableRegistry(databaseDir, launch(databaseDir));
  }

  /** The stable URL clients use: {@code http://127.0.0.1:PROXY/apis/ccompat/v7}. */
  public String url() {
    return "http://" + LoopbackPorts.HOST + ":" + proxy.port() + ApicurioRegistry.CONFLUENT_API_PATH;
  }

  /** The pid of the registry JVM now running. */
  public long pid() {
    return registry.pid();
  }

  /** Stops the registry (SIGTERM, as a rolling restart does); clients get connection errors. */
  public void stop() {
    if (registry != null) {
      registry.close();
      registry = null;
      proxy.dropConnections();
    }
  }

  /** Starts it again on the same database; returns the time until it answered. */
  public Duration startAgain() {
    if (registry != null) {
      throw new IllegalStateException("the registry is running");
    }
    final long started = System.nanoTime();
    registry = launch(databaseDir);
    proxy.retarget(port(registry));
    return Duration.ofNanos(System.nanoTime() - started);
  }

  @Override
  public void close() {
    proxy.close();
    if (registry != null) {
      registry.close();
      registry = null;
    }
  }

  private static ApicurioRegistry launch(final Path databaseDir) {
    return ApicurioRegistry.start(Map.of("quarkus.datasource.jdbc.url",
        "jdbc:h2:file:" + databaseDir.toAbsolutePath().resolve("registry_db")));
  }

  private static int port(final ApicurioRegistry registry) {
    return URI.create(registry.baseUrl()).getPort();
  }
}
