package io.wirestream.devstack;

import java.nio.file.Path;

/**
 * What {@link DevStack#start(DevStackOptions)} should run.
 *
 * @param dataDir where the broker keeps its data across restarts, or {@code null} for a temporary
 *     directory deleted on close
 * @param withBroker whether to start the in-process Kafka broker
 * @param withRegistry whether to start the Apicurio schema registry
 */
public record DevStackOptions(Path dataDir, boolean withBroker, boolean withRegistry) {

  /** Rejects a stack that would run nothing. */
  public DevStackOptions {
    if (!withBroker && !withRegistry) {
      throw new IllegalArgumentException("A DevStack needs a broker, a registry or both");
    }
  }

  /** Broker and registry, broker data in a temporary directory. */
  public static DevStackOptions defaults() {
    return new DevStackOptions(null, true, true);
  }

  /** The registry alone (e.g. for schema benchmarks); {@link DevStack#bootstrapServers()} then throws. */
  public static DevStackOptions registryOnly() {
    return new DevStackOptions(null, false, true);
  }

  /** Returns a copy that keeps the broker's data in {@code dir} (null: a temporary directory). */
  public DevStackOptions withDataDir(final Path dir) {
    return new DevStackOptions(dir, withBroker, withRegistry);
  }
}
