package io.wirestream.schemas.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** How a command creates the topics it writes when they are missing (picocli mixin). */
public final class TopicOptions {

  @Option(names = "--partitions", defaultValue = "6",
      description = "Partitions of topics created on start (default 6).")
  private int partitions;

  @Option(names = "--replication-factor",
      description = "Replication factor of topics created on start (default: the broker's).")
  private Short replicationFactor;

  public int partitions() {
    return partitions;
  }

  /** Empty for the broker's default. */
  public Optional<Short> replicationFactor() {
    return Optional.ofNullable(replicationFactor);
  }
}
