package io.wirestream.devstack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes the temporary directories devstack components create. */
final class DirectoryDeleter {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryDeleter.class);

  private DirectoryDeleter() {
  }

  /** Deletes {@code dir} recursively; logs instead of throwing, because it runs while closing. */
  static void deleteQuietly(final Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs)
            throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(final Path file, final IOException e)
            throws IOException {
          // A file that vanished meanwhile (e.g. a log segment being deleted) is fine.
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(final Path d, final IOException e)
            throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (final IOException e) {
      LOG.warn("Could not delete temporary directory {}", dir, e);
    }
  }
}
