package io.wirestream.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The release gate: a current schema must read data written with every released version of it
 * (BACKWARD, transitively). Released versions live as {@code history/<Name>/v<N>.avsc}.
 */
public final class SchemaEvolutionGate {

  private SchemaEvolutionGate() {
  }

  /**
   * Checks {@code current} against every released version.
   *
   * @return readable violations, one block per released version it cannot read; empty when it may
   *     be released
   */
  public static List<String> violations(final Schema current, final List<Released> history) {
    final List<String> violations = new ArrayList<>();
    for (final Released released : history) {
      final List<String> lines = AvroCompatibility.explain(current, released.schema());
      if (!lines.isEmpty()) {
        violations.add(current.getFullName() + " cannot read data written with " + released.name()
            + ":\n    " + String.join("\n    ", lines));
      }
    }
    return violations;
  }

  /** The released versions of a schema kept in {@code historyRoot/<simple name>/}, oldest first. */
  public static List<Released> load(final Path historyRoot, final String schemaName) {
    final Path dir = historyRoot.resolve(schemaName);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(path -> path.toString().endsWith(".avsc"))
          .sorted(Comparator.comparingInt(SchemaEvolutionGate::versionNumber)
              .thenComparing(Path::toString))
          .map(SchemaEvolutionGate::read)
          .toList();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code v12.avsc} -> 12, so v10 sorts after v2; other names sort first. */
  private static int versionNumber(final Path file) {
    final String digits = file.getFileName().toString().replaceAll("\\D", "");
    return digits.isEmpty() ? -1 : Integer.parseInt(digits);
  }

  private static Released read(final Path file) {
    try {
      return new Released(file.getParent().getFileName() + "/" + file.getFileName(),
          new Schema.Parser().parse(file.toFile()));
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot read released schema " + file, e);
    }
  }

  /**
   * One released version.
   *
   * @param name where it came from, e.g. {@code RawArticle/v1.avsc}
   * @param schema the released schema
   */
  public record Released(String name, Schema schema) {
  }
}
