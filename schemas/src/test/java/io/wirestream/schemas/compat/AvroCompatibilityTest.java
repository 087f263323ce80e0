package io.wirestream.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schemas.avro.EnrichedArticle;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class AvroCompatibilityTest {

  @Test
  void shouldNameNestedFieldsBehindAJsonPointer() {
    final Schema schema = EnrichedArticle.getClassSchema();
    final int tone = schema.getField("tone").pos();

    // tone is ["null", Tone]: the pointer walks into branch 1, then the Tone record's 'score'.
    assertThat(AvroCompatibility.fieldPath(schema, "/fields/" + tone + "/type/1/fields/0"))
        .isEqualTo("EnrichedArticle.tone.score");
  }

  @Test
  void shouldFindNothingWhenAFieldIsAddedWithADefault() {
    final Schema v1 = SchemaBuilder.record("Story").fields().requiredString("id").endRecord();
    final Schema v2 = SchemaBuilder.record("Story").fields().requiredString("id")
        .name("lang").type().nullable().stringType().stringDefault(null).endRecord();

    assertThat(AvroCompatibility.explain(v2, v1)).isEmpty();
  }

  @Test
  void shouldExplainARemovedEnumSymbol() {
    final Schema v1 = SchemaBuilder.record("Story").fields().name("status").type()
        .enumeration("Status").symbols("USABLE", "CANCELED").noDefault().endRecord();
    final Schema v2 = SchemaBuilder.record("Story").fields().name("status").type()
        .enumeration("Status").symbols("USABLE").noDefault().endRecord();

    assertThat(AvroCompatibility.explain(v2, v1)).singleElement().asString()
        .contains("Story.status").contains("enum symbols").contains("CANCELED");
  }
}
