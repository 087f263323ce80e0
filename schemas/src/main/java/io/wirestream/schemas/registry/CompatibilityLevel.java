package io.wirestream.schemas.registry;

/** Compatibility levels of the Confluent registry API. */
public enum CompatibilityLevel {
  NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE
}
