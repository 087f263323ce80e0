package io.wirestream.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the unpacked Apicurio Registry runner lives.
 *
 * <p>Maven unpacks {@code apicurio-registry-app-VERSION-all.tar.gz} into {@code devstack/target/apicurio}
 * and bakes that path into the classpath resource {@value #BUILD_PROPERTIES}; a system property or an
 * environment variable can point elsewhere.
 */
record ApicurioDistribution(Path home, String version, Path runnerJar) {

  /** System property naming the unpacked distribution directory; wins over everything else. */
  static final String HOME_PROPERTY = "wirestream.apicurio.home";
  /** Environment variable naming the unpacked distribution directory. */
  static final String HOME_ENV = "WIRESTREAM_APICURIO_HOME";
  /** Classpath resource written by the devstack build. */
  static final String BUILD_PROPERTIES = "wirestream-devstack.properties";

  private static final String DEFAULT_VERSION = "2.6.13.Final";

  private static final String HOW_TO_FIX = "Unpack it once with: ./mvnw -pl devstack package"
      + " (or mvn -pl devstack package), or point -D" + HOME_PROPERTY + " / " + HOME_ENV
      + " at an unpacked io.apicurio:apicurio-registry-app:" + DEFAULT_VERSION + ":tar.gz:all.";

  /**
   * Finds the runner jar, or fails with a message that says how to get one.
   *
   * @throws IllegalStateException if no unpacked runner is where the configuration points
   */
  static ApicurioDistribution locate() {
    final Properties build = buildProperties();
    final String version = usable(build.getProperty("apicurio.version"), DEFAULT_VERSION);
    final String fromProperty = System.getProperty(HOME_PROPERTY);
    final String fromEnv = System.getenv(HOME_ENV);
    final String fromBuild = usable(build.getProperty("apicurio.home"), null);
    final String source;
    final String home;
    if (fromProperty != null && !fromProperty.isBlank()) {
      source = "system property " + HOME_PROPERTY;
      home = fromProperty;
    } else if (fromEnv != null && !fromEnv.isBlank()) {
      source = "environment variable " + HOME_ENV;
      home = fromEnv;
    } else if (fromBuild != null) {
      source = "apicurio.home in classpath resource " + BUILD_PROPERTIES;
      home = fromBuild;
    } else {
      throw new IllegalStateException("Cannot find the Apicurio registry: no -D" + HOME_PROPERTY + ", no "
          + HOME_ENV + " and no usable apicurio.home in " + BUILD_PROPERTIES + ". " + HOW_TO_FIX);
    }
    final Path homeDir = Path.of(home).toAbsolutePath();
    final Path runner = homeDir.resolve("apicurio-registry-app-" + version + "-runner.jar");
    if (!Files.isRegularFile(runner) || !Files.isDirectory(homeDir.resolve("lib"))) {
      throw new IllegalStateException("Apicurio registry runner not found: expected " + runner
          + " with lib/ beside it (directory from " + source + "). " + HOW_TO_FIX);
    }
    return new ApicurioDistribution(homeDir, version, runner);
  }

  private static Properties buildProperties() {
    final Properties props = new Properties();
    try (InputStream in = ApicurioDistribution.class.getClassLoader().getResourceAsStream(BUILD_PROPERTIES)) {
      if (in != null) {
        props.load(in);
      }
    } catch (final IOException e) {
      throw new UncheckedIOException("Could not read classpath resource " + BUILD_PROPERTIES, e);
    }
    return props;
  }

  /** An unfiltered resource (e.g. compiled by an IDE, not Maven) still says "${...}": ignore it. */
  private static String usable(final String value, final String fallback) {
    if (value == null || value.isBlank() || value.contains("${")) {
      return fallback;
    }
    return value.strip();
  }
}
