package io.wirestream.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * BACKWARD compatibility in words a person can act on: which field, and why. Avro's
 * {@link SchemaCompatibility} finds the incompatibilities; this names the field behind each JSON
 * pointer and says what to do about it.
 */
public final class AvroCompatibility {

  private AvroCompatibility() {
  }

  /**
   * Checks that {@code reader} (the new schema) can read data written with {@code writer} (an older
   * one), which is what BACKWARD compatibility means.
   *
   * @return one line per incompatibility; empty when compatible
   */
  public static List<String> explain(final Schema reader, final Schema writer) {
    final List<String> lines = new ArrayList<>();
    for (final Incompatibility incompatibility : SchemaCompatibility
        .checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()) {
      lines.add(describe(reader, incompatibility));
    }
    return lines;
  }

  private static String describe(final Schema reader, final Incompatibility incompatibility) {
    final String where = fieldPath(reader, incompatibility.getLocation());
    return where + ": " + reason(incompatibility) + " [" + incompatibility.getType() + " at "
        + incompatibility.getLocation() + "]";
  }

  private static String reason(final Incompatibility incompatibility) {
    final SchemaIncompatibilityType type = incompatibility.getType();
    return switch (type) {
      case READER_FIELD_MISSING_DEFAULT_VALUE -> "field '" + incompatibility.getMessage()
          + "' is new but has no default, so records written before it cannot be read;"
          + " give it a default (null for an optional field)";
      case TYPE_MISMATCH -> "type changed from " + brief(incompatibility.getWriterFragment())
          + " to " + brief(incompatibility.getReaderFragment())
          + ", which Avro cannot promote; add a new field instead";
      case MISSING_ENUM_SYMBOLS -> "enum symbols " + incompatibility.getMessage()
          + " were removed but old records may hold them; keep them, or give the enum a default";
      case MISSING_UNION_BRANCH -> "union lost a branch that old records may use ("
          + incompatibility.getMessage() + ")";
      case NAME_MISMATCH -> "named type was renamed (" + incompatibility.getMessage()
          + "); add an alias with the old name";
      case FIXED_SIZE_MISMATCH -> "fixed size changed (" + incompatibility.getMessage() + ")";
      default -> incompatibility.getMessage();
    };
  }

  private static String brief(final Schema schema) {
    if (schema == null) {
      return "?";
    }
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getFullName();
      case UNION -> schema.getTypes().stream().map(AvroCompatibility::brief).toList().toString();
      default -> "'" + schema.getType().getName() + "'";
    };
  }

  /**
   * Turns a JSON pointer such as {@code /fields/3/type/fields/0} into a dotted path of record and
   * field names such as {@code RawArticle.tone.score}, walking the reader schema.
   */
  static String fieldPath(final Schema root, final String pointer) {
    final StringBuilder path = new StringBuilder(root.getName());
    Schema current = root;
    final String[] steps = pointer.split("/");
    for (int i = 1; i < steps.length && current != null; i++) {
      final String step = steps[i];
      switch (step) {
        case "fields" -> {
          if (i + 1 < steps.length && current.getType() == Schema.Type.RECORD) {
            final int index = Integer.parseInt(steps[++i]);
            final Schema.Field field = current.getFields().get(index);
            path.append('.').append(field.name());
            current = field.schema();
          }
        }
        case "items" -> current = current.getType() == Schema.Type.ARRAY ? current.getElementType()
            : current;
        case "values" -> current = current.getType() == Schema.Type.MAP ? current.getValueType()
            : current;
        case "type", "name", "symbols", "size" -> {
          // Pointer steps into the same schema node; nothing to name.
        }
        default -> {
          if (current.getType() == Schema.Type.UNION && step.chars().allMatch(Character::isDigit)) {
            current = current.getTypes().get(Integer.parseInt(step));
          }
        }
      }
      current = unwrapNullable(current);
    }
    return path.toString();
  }

  private static Schema unwrapNullable(final Schema schema) {
    if (schema != null && schema.getType() == Schema.Type.UNION && schema.getTypes().size() == 2
        && schema.getTypes().get(0).getType() == Schema.Type.NULL) {
      return schema.getTypes().get(1);
    }
    return schema;
  }
}
