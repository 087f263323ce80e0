package io.wirestream.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schemas.TopicSpec;
import io.wirestream.schemas.Topics;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conventions that keep the contracts evolvable and readable: every field documented, every enum
 * with a default symbol, every optional field defaulting to null.
 */
class AvroContractConventionsTest {

  static Stream<TopicSpec<?>> topics() {
    return Topics.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void everyFieldShouldBeDocumentedAndEvolvable(final TopicSpec<?> topic) {
    final List<String> problems = new ArrayList<>();
    walk(topic.valueSchema(), topic.valueSchema().getName(), problems, new IdentityHashMap<>());
    assertThat(problems).as("contract problems in %s", topic.name()).isEmpty();
  }

  private static void walk(final Schema schema, final String path, final List<String> problems,
      final Map<Schema, Boolean> seen) {
    if (seen.put(schema, Boolean.TRUE) != null) {
      return;
    }
    switch (schema.getType()) {
      case RECORD -> {
        if (isBlank(schema.getDoc())) {
          problems.add(path + ": record " + schema.getName() + " has no doc");
        }
        for (final Schema.Field field : schema.getFields()) {
          final String fieldPath = path + "." + field.name();
          if (isBlank(field.doc())) {
            problems.add(fieldPath + ": no doc");
          }
          if (isOptional(field.schema()) && field.defaultVal() != JsonProperties.NULL_VALUE) {
            problems.add(fieldPath + ": optional but does not default to null");
          }
          walk(field.schema(), fieldPath, problems, seen);
        }
      }
      case ENUM -> {
        if (schema.getEnumDefault() == null) {
          problems.add(path + ": enum " + schema.getName() + " has no default symbol");
        }
      }
      case ARRAY -> walk(schema.getElementType(), path + "[]", problems, seen);
      case MAP -> walk(schema.getValueType(), path + "{}", problems, seen);
      case UNION -> schema.getTypes().forEach(branch -> walk(branch, path, problems, seen));
      default -> {
        // Primitive types carry nothing to check.
      }
    }
  }

  private static boolean isOptional(final Schema schema) {
    return schema.getType() == Schema.Type.UNION
        && schema.getTypes().stream().anyMatch(branch -> branch.getType() == Schema.Type.NULL);
  }

  private static boolean isBlank(final String text) {
    return text == null || text.isBlank();
  }
}
