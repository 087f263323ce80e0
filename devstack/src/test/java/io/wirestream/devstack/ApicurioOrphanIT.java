package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry child must not outlive a JVM that is killed without running any shutdown hook. */
@Tag("integration")
@Timeout(60)
class ApicurioOrphanIT {

  private static final Logger LOG = LoggerFactory.getLogger(ApicurioOrphanIT.class);

  @Test
  void shouldStopRegistryAndRemoveItsDirectoryWhenParentJvmIsKilled() throws Exception {
    final Process parent = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        RegistryOnlyMain.class.getName()))
        .redirectErrorStream(true)
        .start();
    final CompletableFuture<Path> logFile = new CompletableFuture<>();
    final CompletableFuture<Long> pidFuture = new CompletableFuture<>();
    readChildOutput(parent, logFile, pidFuture);
    long registryPid = -1;
    try {
      registryPid = pidFuture.get(45, TimeUnit.SECONDS);
      final Path workDir = logFile.get().getParent();
      assertThat(workDir).isDirectory();
      assertThat(ProcessHandle.of(registryPid)).map(ProcessHandle::isAlive).contains(true);

      parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
      assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();

      final long pid = registryPid;
      await("registry pid " + pid + " gone after its parent JVM was killed")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty());
      // Nobody is left to delete it but the wrapper script.
      await("registry directory " + workDir + " removed").atMost(Duration.ofSeconds(5))
          .until(() -> !Files.exists(workDir));
    } finally {
      // Never leave an orphan behind, even when the assertion above failed.
      parent.destroyForcibly();
      if (registryPid > 0) {
        ProcessHandle.of(registryPid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** Reads the child's output (logging it) and completes the futures from the lines it prints. */
  private static void readChildOutput(final Process parent, final CompletableFuture<Path> logFile,
      final CompletableFuture<Long> pid) {
    final Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          LOG.debug("child JVM: {}", line);
          if (line.startsWith(RegistryOnlyMain.LOG_PREFIX)) {
            logFile.complete(Path.of(line.substring(RegistryOnlyMain.LOG_PREFIX.length()).strip()));
          } else if (line.startsWith(RegistryOnlyMain.PID_PREFIX)) {
            pid.complete(Long.parseLong(line.substring(RegistryOnlyMain.PID_PREFIX.length()).strip()));
          }
        }
        final IllegalStateException ended = new IllegalStateException("child JVM ended before printing");
        logFile.completeExceptionally(ended);
        pid.completeExceptionally(ended);
      } catch (final Exception e) {
        logFile.completeExceptionally(e);
        pid.completeExceptionally(e);
      }
    }, "orphan-it-child-output");
    reader.setDaemon(true);
    reader.start();
  }
}
