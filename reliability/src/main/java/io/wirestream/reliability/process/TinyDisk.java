package io.wirestream.reliability.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A full disk, for real and without root: the child runs in its own user and mount namespace
 * ({@code unshare --user --map-root-user --mount}) where a tiny tmpfs is mounted over one of its
 * directories. Writes there fail with ENOSPC ("No space left on device") as on a full volume; no
 * other process sees the mount, and it disappears with the child.
 */
public final class TinyDisk {

  private TinyDisk() {
  }

  /** Whether this machine lets an unprivileged process create such a namespace and mount. */
  public static boolean available() {
    try {
      final Process probe = new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount",
          "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /tmp").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (final IOException e) {
      return false;
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The launcher prefix for {@link ChildJvm#start(String, List, List, String, String, List, Path)}:
   * mounts a tmpfs of {@code size} (e.g. {@code 4m}) over {@code directory} (which must exist), then
   * execs the JVM, which keeps the pid.
   */
  public static List<String> launcher(final Path directory, final String size) {
    return List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
        "mount -t tmpfs -o size=" + size + " tmpfs \"$0\" && exec \"$@\"",
        directory.toAbsolutePath().toString());
  }
}
