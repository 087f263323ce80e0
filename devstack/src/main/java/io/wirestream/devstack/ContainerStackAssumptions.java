package io.wirestream.devstack;

import org.junit.jupiter.api.Assumptions;

/**
 * Assumptions for tests that only make sense against the container stack. They abort (skip) the
 * calling test or class with a message saying what to set, instead of failing it.
 */
public final class ContainerStackAssumptions {

  /** Why tests needing containers are skipped when the flag is set but Docker is missing. */
  static final String NO_DOCKER_MESSAGE = DevStackMode.PROPERTY + "=containers was set but no Docker engine"
      + " is reachable: skipping tests that need the container stack";

  static final String NOT_REQUESTED_MESSAGE = "Container stack not requested: set -D" + DevStackMode.PROPERTY
      + "=containers (or " + DevStackMode.ENV + "=containers) with a Docker engine running to run this test";

  private static volatile Boolean dockerAvailable;

  private ContainerStackAssumptions() {
  }

  /**
   * Skips the caller unless {@value DevStackMode#PROPERTY} (or {@value DevStackMode#ENV}) says
   * {@code containers} and a Docker engine is reachable.
   */
  public static void assumeContainerStackRequested() {
    Assumptions.assumeTrue(DevStackMode.current() == DevStackMode.CONTAINERS, NOT_REQUESTED_MESSAGE);
    assumeDockerIfContainersRequested();
  }

  /** Skips the caller if containers were requested but Docker is unreachable; no-op in embedded mode. */
  static void assumeDockerIfContainersRequested() {
    if (DevStackMode.current() == DevStackMode.CONTAINERS) {
      Assumptions.assumeTrue(dockerAvailable(), NO_DOCKER_MESSAGE);
    }
  }

  /** The Docker probe can take seconds and log a lot when it fails; do it once per JVM. */
  static boolean dockerAvailable() {
    Boolean known = dockerAvailable;
    if (known == null) {
      known = ContainerKafkaStack.dockerAvailable();
      dockerAvailable = known;
    }
    return known;
  }
}
