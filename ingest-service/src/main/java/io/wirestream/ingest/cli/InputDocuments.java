package io.wirestream.ingest.cli;

import io.wirestream.ingest.parse.RejectReason;
import io.wirestream.ingest.pipeline.Hidden;
import io.wirestream.ingest.parse.StoryParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The documents named on the command line: files, folders (recursively), globs, {@code -}. */
final class InputDocuments {

  /** The argument that means standard input. */
  static final String STDIN = "-";

  private InputDocuments() {
  }

  /**
   * Expands the arguments into files in a stable order; {@code -} stays as it is.
   *
   * @throws IllegalArgumentException naming every argument that matches nothing
   */
  static List<String> expand(final List<String> arguments) {
    final List<String> documents = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    for (final String argument : arguments) {
      final List<String> found = argument.equals(STDIN) ? List.of(STDIN) : expandOne(argument);
      if (found.isEmpty()) {
        missing.add(argument);
      }
      documents.addAll(found);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("No such file, folder or match: "
          + String.join(", ", missing));
    }
    return documents;
  }

  private static List<String> expandOne(final String argument) {
    if (isGlob(argument)) {
      final Path base = globBase(argument);
      final List<PathMatcher> matchers = matchers(argument);
      return walk(base).stream()
          .filter(path -> matchers.stream().anyMatch(matcher -> matcher.matches(path)
              || matcher.matches(Path.of(path.toString().replaceFirst("^\\./", "")))))
          .map(Path::toString)
          .toList();
    }
    final Path path = Path.of(argument);
    if (Files.isDirectory(path)) {
      return walk(path).stream().map(Path::toString).toList();
    }
    return Files.isRegularFile(path) ? List.of(argument) : List.of();
  }

  /**
   * The glob, and for {@code /**}{@code /} also the form without it: Java's glob needs at least one
   * folder there, but shells (globstar), zsh and gitignore also match files directly in the folder.
   */
  private static List<PathMatcher> matchers(final String argument) {
    final List<PathMatcher> matchers = new ArrayList<>();
    matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + argument));
    if (argument.contains("/**/")) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:"
          + argument.replace("/**/", "/")));
    }
    return matchers;
  }

  private static boolean isGlob(final String argument) {
    return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** The folder before the first segment with a glob character: where to start walking. */
  private static Path globBase(final String argument) {
    final int slash = argument.lastIndexOf('/', firstGlobChar(argument));
    if (slash < 0) {
      return Path.of(".");
    }
    return Path.of(slash == 0 ? "/" : argument.substring(0, slash));
  }

  private static int firstGlobChar(final String argument) {
    for (int i = 0; i < argument.length(); i++) {
      final char c = argument.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return argument.length();
  }

  /** Regular, non-hidden files below a folder, sorted. */
  private static List<Path> walk(final Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile)
          .filter(path -> !Hidden.isHidden(folder, path))
          .sorted()
          .toList();
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  /**
   * Reads a document, refusing one over the limit before reading it.
   *
   * @throws StoryParseException TOO_LARGE when the file is over {@code maxBytes}
   */
  static byte[] read(final String document, final long maxBytes)
      throws IOException, StoryParseException {
    if (document.equals(STDIN)) {
      return readBounded(System.in, maxBytes, "stdin");
    }
    final Path path = Path.of(document);
    final long size = Files.size(path);
    if (size > maxBytes) {
      throw new StoryParseException(RejectReason.TOO_LARGE, document, "byte " + maxBytes,
          "document of " + size + " bytes is over the limit of " + maxBytes + " bytes");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return readBounded(in, maxBytes, document);
    }
  }

  private static byte[] readBounded(final InputStream in, final long maxBytes,
      final String origin) throws IOException, StoryParseException {
    final byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length > maxBytes) {
      throw new StoryParseException(RejectReason.TOO_LARGE, origin, "byte " + maxBytes,
          "document is over the limit of " + maxBytes + " bytes");
    }
    return bytes;
  }
}
