package io.wirestream.devstack;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which {@link KafkaStack} integration tests run against, from system property {@value #PROPERTY}
 * or, if unset, environment variable {@value #ENV}; {@link #EMBEDDED} when neither is set.
 */
public enum DevStackMode {

  /** {@link DevStack}: in-process broker plus Apicurio child process. Needs nothing but Java. */
  EMBEDDED,

  /** {@link ContainerKafkaStack}: the same components in Docker, via Testcontainers. */
  CONTAINERS;

  /** System property selecting the mode: {@code embedded} or {@code containers}. */
  public static final String PROPERTY = "wirestream.devstack.mode";
  /** Environment variable selecting the mode when the system property is not set. */
  public static final String ENV = "WIRESTREAM_DEVSTACK_MODE";

  /**
   * Returns the configured mode.
   *
   * @throws IllegalArgumentException if the setting names no mode (a typo should not silently
   *     run the embedded stack)
   */
  public static DevStackMode current() {
    final String fromProperty = System.getProperty(PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return parse(fromProperty, "system property " + PROPERTY);
    }
    final String fromEnv = System.getenv(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return parse(fromEnv, "environment variable " + ENV);
    }
    return EMBEDDED;
  }

  private static DevStackMode parse(final String value, final String source) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " is '" + value + "'; expected one of "
          + Arrays.toString(values()).toLowerCase(Locale.ROOT), e);
    }
  }
}
