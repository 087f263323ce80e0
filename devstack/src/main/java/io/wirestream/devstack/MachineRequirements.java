package io.wirestream.devstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine rather than from Maven: a program on the {@code PATH}
 * (Prometheus, Chromium) or a kernel feature (an unprivileged user namespace). A newcomer without
 * root may not have it, so the test is then skipped with one line that names what is missing and
 * how to install it. Under {@code CI=true} (set by {@code .ci/run}, which installs everything) a
 * missing requirement fails the test instead, so CI still proves what the skip would hide.
 */
public final class MachineRequirements {

  /** The environment variable that makes every requirement mandatory. */
  public static final String CI_ENV = "CI";

  private MachineRequirements() {
  }

  /** Whether this run is CI, where nothing may be skipped for want of a program. */
  public static boolean mandatory() {
    return isTrue(System.getenv(CI_ENV));
  }

  static boolean isTrue(final String value) {
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  /** The program's executable on the {@code PATH}, if there is one. */
  public static Optional<Path> find(final String program) {
    return find(program, System.getenv("PATH"));
  }

  static Optional<Path> find(final String program, final String searchPath) {
    if (searchPath == null || searchPath.isEmpty()) {
      return Optional.empty();
    }
    for (final String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      final Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The program's path; if it is not on the {@code PATH}, skips the calling test (or fails it under
   * {@code CI=true}) with one line naming the program and {@code install}, the command that gets it.
   */
  public static Path requireProgram(final String program, final String install) {
    final Optional<Path> found = find(program);
    if (found.isEmpty()) {
      unmet("'" + program + "' is not on the PATH; install it with: " + install);
    }
    return found.orElseThrow();
  }

  /**
   * Skips the calling test unless {@code met} (or fails it under {@code CI=true}); {@code missing}
   * says, in one line, what the machine lacks and how to get it.
   */
  public static void require(final boolean met, final String missing) {
    if (!met) {
      unmet(missing);
    }
  }

  /**
   * Prints, before a module's integration tests run, one line for each program that is missing
   * (Surefire and Failsafe keep a test's own output in its report file, so its skip reason would
   * not reach the console). Arguments are pairs: a program, then the command that installs it.
   * Under {@code CI=true} the missing programs fail their tests instead, and the lines say so.
   */
  public static void main(final String[] args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("expected pairs of program and install command, got "
          + args.length + " arguments");
    }
    for (int i = 0; i < args.length; i += 2) {
      if (find(args[i]).isEmpty()) {
        System.out.println("[wirestream] " + (mandatory() ? "FAILING under " + CI_ENV + "=true"
            : "SKIPPING") + " the tests that need '" + args[i] + "': it is not on the PATH;"
            + " install it with: " + args[i + 1]);
      }
    }
  }

  private static void unmet(final String missing) {
    decide(mandatory(), missing, AssertionError::new);
  }

  /** The decision, apart from the environment so that a test can take both branches. */
  static void decide(final boolean mandatory, final String missing,
      final Function<String, ? extends Error> failure) {
    if (mandatory) {
      throw failure.apply("required under " + CI_ENV + "=true: " + missing);
    }
    // Surefire shows a skipped test as a count; this line says which and why on the console.
    System.err.println("[wirestream] SKIPPED, " + missing + " (mandatory under " + CI_ENV
        + "=true)");
    Assumptions.abort(missing);
  }
}
