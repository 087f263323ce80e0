package io.wirestream.reliability.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Heap of another JVM, from the JDK's own tools: {@code jstat -gc PID} for the heap in use now, and
 * {@code jcmd PID GC.run} first for the live set (what is left after a full collection), which is
 * what "the heap stays flat" is about.
 */
public final class HeapProbe {

  private HeapProbe() {
  }

  /** Heap in use (survivors + eden + old), in MB. */
  public static double usedMb(final long pid) throws IOException, InterruptedException {
    final List<String> lines = run(tool("jstat"), "-gc", Long.toString(pid)).lines().toList();
    if (lines.size() < 2) {
      throw new IOException("jstat -gc " + pid + " said: " + lines);
    }
    final List<String> names = List.of(lines.get(0).trim().split("\\s+"));
    final String[] values = lines.get(1).trim().split("\\s+");
    double kb = 0;
    for (final String column : List.of("S0U", "S1U", "EU", "OU")) {
      kb += Double.parseDouble(values[names.indexOf(column)]);
    }
    return kb / 1024;
  }

  /** Full collection, then the heap in use: the live set, in MB. */
  public static double liveMb(final long pid) throws IOException, InterruptedException {
    run(tool("jcmd"), Long.toString(pid), "GC.run");
    return usedMb(pid);
  }

  private static String tool(final String name) {
    final Path jdkTool = Path.of(System.getProperty("java.home"), "bin", name);
    return Files.isExecutable(jdkTool) ? jdkTool.toString() : name;
  }

  private static String run(final String... command) throws IOException, InterruptedException {
    final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    final byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: "
          + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
