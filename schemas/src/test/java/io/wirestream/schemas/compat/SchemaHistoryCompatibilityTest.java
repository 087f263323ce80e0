package io.wirestream.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schemas.TopicSpec;
import io.wirestream.schemas.Topics;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema evolution gate: every current contract reads data written with every released version
 * under {@code src/test/resources/history/<Name>/}. A failure says which field and why.
 */
class SchemaHistoryCompatibilityTest {

  static Stream<TopicSpec<?>> topics() {
    return Topics.all().stream();
  }

  static Path resource(final String name) throws URISyntaxException {
    return Path.of(SchemaHistoryCompatibilityTest.class.getResource("/" + name).toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void currentSchemaShouldReadEveryReleasedVersion(final TopicSpec<?> topic) throws Exception {
    final Schema current = topic.valueSchema();
    final List<SchemaEvolutionGate.Released> history =
        SchemaEvolutionGate.load(resource("history"), current.getName());

    assertThat(history)
        .as("released versions of %s under history/%s/ (add v1.avsc with"
            + " `wirestream schemas print %s` when a schema is first released)",
            current.getName(), current.getName(), topic.name())
        .isNotEmpty();
    final List<String> violations = SchemaEvolutionGate.violations(current, history);
    assertThat(violations)
        .as("BACKWARD compatibility of %s with its history:%n%s", current.getName(),
            String.join("\n", violations))
        .isEmpty();
  }

  @Test
  void shouldRejectANewFieldWithoutDefaultAndNameIt() throws Exception {
    final Schema broken = parse("broken/RawArticle-new-field-without-default.avsc");

    final List<String> violations = SchemaEvolutionGate.violations(broken,
        SchemaEvolutionGate.load(resource("history"), "RawArticle"));

    assertThat(violations).singleElement().satisfies(text -> assertThat(text)
        .contains("cannot read data written with RawArticle/v1.avsc")
        .contains("RawArticle.wordCount")
        .contains("has no default"));
  }

  @Test
  void shouldRejectATypeChangeAndSayFromWhatToWhat() throws Exception {
    final Schema broken = parse("broken/RawArticle-version-became-string.avsc");

    final List<String> violations = SchemaEvolutionGate.violations(broken,
        SchemaEvolutionGate.load(resource("history"), "RawArticle"));

    assertThat(violations).singleElement().satisfies(text -> assertThat(text)
        .contains("RawArticle.version")
        .contains("type changed from 'int' to 'string'"));
  }

  private static Schema parse(final String name) throws IOException, URISyntaxException {
    return new Schema.Parser().parse(resource(name).toFile());
  }
}
