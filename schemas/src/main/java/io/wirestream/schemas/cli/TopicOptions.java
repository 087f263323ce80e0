package io.wirestream.schemas.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** How a command creates the topics it writes when they are missing (picocli mixin). */
public final class TopicOptions {

  /** Partitions of every pipeline topic a service creates, unless told otherwise. */
  public static final int DEFAULT_PARTITIONS = 6;

  @Option(names = "--partitions",
      defaultValue = "${env:WIRESTREAM_PARTITIONS:-" + DEFAULT_PARTITIONS + "}",
      description = "Partitions of topics created on start (default 6; env WIRESTREAM_PARTITIONS).")
  private int partitions;

  @Option(names = "--replication-factor", defaultValue = "${env:WIRESTREAM_REPLICATION_FACTOR}",
      description = "Replication factor of topics created on start (default: the broker's;"
          + " env WIRESTREAM_REPLICATION_FACTOR).")
  private Short replicationFactor;

  public int partitions() {
    return partitions;
  }

  /** Empty for the broker's default. */
  public Optional<Short> replicationFactor() {
    return Optional.ofNullable(replicationFactor);
  }
}
