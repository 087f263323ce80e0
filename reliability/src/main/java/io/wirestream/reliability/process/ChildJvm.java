package io.wirestream.reliability.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Java child process (a broker, the ingest or the enrich service) on this JVM's classpath, its
 * output in a log file. Faults are real: {@link #kill()} is SIGKILL ({@code destroyForcibly} on
 * Linux), {@link #stop(Duration)} is SIGTERM with a bounded wait, then SIGKILL. A shutdown hook kills
 * whatever is still running when this JVM exits, so a failed test leaves nothing behind.
 */
public final class ChildJvm implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
  private static final int LOG_TAIL_LINES = 30;
  private static final Duration KILL_WAIT = Duration.ofSeconds(15);

  private final String name;
  private final Process process;
  private final Path logFile;
  private final Thread shutdownHook;

  private ChildJvm(final String name, final Process process, final Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.shutdownHook = new Thread(process::destroyForcibly, "kill-" + name);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts {@code java jvmOptions -cp classpath mainClass args}, output (stdout and stderr) appended
   * to {@code logFile}.
   */
  public static ChildJvm start(final String name, final List<String> jvmOptions,
      final String classpath, final String mainClass, final List<String> args, final Path logFile) {
    return start(name, List.of(), jvmOptions, classpath, mainClass, args, logFile);
  }

  /**
   * As {@link #start(String, List, String, String, List, Path)}, with {@code java} run by a
   * launcher command that ends by exec'ing it (e.g. {@code unshare ... sh -c '...; exec "$@"'}), so
   * the process started is still the JVM.
   */
  public static ChildJvm start(final String name, final List<String> launcher,
      final List<String> jvmOptions, final String classpath, final String mainClass,
      final List<String> args, final Path logFile) {
    Objects.requireNonNull(classpath, "classpath");
    final List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      Files.writeString(logFile, "$ " + String.join(" ", command).replace(classpath, "<classpath>")
          + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      final Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .start();
      LOG.info("Started {} (pid {}), log {}", name, process.pid(), logFile);
      return new ChildJvm(name, process, logFile);
    } catch (final IOException e) {
      throw new UncheckedIOException("Could not start " + name, e);
    }
  }

  /** The classpath of this JVM, for children (the test classpath under failsafe). */
  public static String currentClasspath() {
    return System.getProperty("java.class.path");
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  /** The exit code, or empty while running. */
  public Optional<Integer> exitCode() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  /** Waits at most {@code timeout} for the process to exit on its own; the exit code, or empty. */
  public Optional<Integer> awaitExit(final Duration timeout) throws InterruptedException {
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return Optional.of(process.exitValue());
    }
    return Optional.empty();
  }

  /** SIGKILL, as {@code kill -9}: no shutdown hook runs in the child. Waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    awaitGone();
    LOG.info("Killed {} (pid {}) with SIGKILL", name, process.pid());
  }

  /** SIGTERM and up to {@code grace} for a clean exit, then SIGKILL; returns the exit code. */
  public int stop(final Duration grace) {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.warn("{} did not stop within {} s of SIGTERM; killing it", name, grace.toSeconds());
          process.destroyForcibly();
        }
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    awaitGone();
    return process.exitValue();
  }

  /** The log so far (at most 2 MB from its end). */
  public String log() {
    try {
      final byte[] bytes = Files.readAllBytes(logFile);
      final int from = Math.max(0, bytes.length - 2 * 1024 * 1024);
      return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    } catch (final IOException e) {
      return "(log " + logFile + " unreadable: " + e + ")";
    }
  }

  /** The last lines of the log, for failure messages. */
  public String logTail() {
    final String[] lines = log().split("\\R");
    final int from = Math.max(0, lines.length - LOG_TAIL_LINES);
    final StringBuilder tail = new StringBuilder("--- last lines of " + name + " (" + logFile + ") ---");
    for (int i = from; i < lines.length; i++) {
      tail.append(System.lineSeparator()).append(lines[i]);
    }
    return tail.toString();
  }

  /** Stops the process (SIGTERM, 20 s grace, SIGKILL) if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      stop(Duration.ofSeconds(20));
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (final IllegalStateException e) {
      // The JVM is already shutting down; the hook kills the child anyway.
    }
  }

  @Override
  public String toString() {
    return name + "[pid " + process.pid() + (process.isAlive() ? "" : ", exited") + "]";
  }

  private void awaitGone() {
    try {
      if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " (pid " + process.pid() + ") is still alive "
            + KILL_WAIT.toSeconds() + " s after SIGKILL");
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + name + " to exit", e);
    }
  }
}
