package io.wirestream.ingest.pipeline;

import java.nio.file.Path;

/** Hidden files and folders ({@code .git}, an {@code .incoming} staging folder) are never input. */
public final class Hidden {

  private Hidden() {
  }

  /** True when any name from {@code root} (exclusive) down to {@code path} starts with a dot. */
  public static boolean isHidden(final Path root, final Path path) {
    for (final Path name : root.relativize(path)) {
      if (name.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
