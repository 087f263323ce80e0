package io.wirestream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.registry.MockSchemaRegistryClient;
import io.wirestream.schemas.registry.SubjectNotFoundException;
import io.wirestream.schemas.testing.Stories;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Confluent configuration keys and schema evolution, on the in-memory registry. */
class AvroSerdeConfigurationTest {

  private static final String TOPIC = Topics.RAW.name();
  private final String scope = "serde-config-" + UUID.randomUUID();
  private final String url = "mock://" + scope;

  @AfterEach
  void dropScope() {
    MockSchemaRegistryClient.dropScope(scope);
  }

  private <T extends org.apache.avro.generic.GenericContainer> AvroSerializer<T> serializer(
      final Map<String, Object> extra, final boolean isKey) {
    final Map<String, Object> configs = new java.util.HashMap<>(extra);
    configs.put("schema.registry.url", url);
    final AvroSerializer<T> serializer = new AvroSerializer<>();
    serializer.configure(configs, isKey);
    return serializer;
  }

  @Test
  void withoutAutoRegisterAnUnregisteredSchemaShouldFailAndARegisteredOneShouldWork() {
    final AvroSerializer<RawArticle> serializer =
        serializer(Map.of("auto.register.schemas", "false"), false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, Stories.raw("x")))
        .isInstanceOf(SubjectNotFoundException.class);

    final int id = MockSchemaRegistryClient.forScope(scope)
        .register(Topics.RAW.valueSubject(), RawArticle.getClassSchema());
    assertThat(ByteBuffer.wrap(serializer.serialize(TOPIC, Stories.raw("x")), 1, 4).getInt())
        .isEqualTo(id);
  }

  @Test
  void useLatestVersionShouldWriteUnderTheLatestIdWhenItIsTheRecordsSchema() {
    final int id = MockSchemaRegistryClient.forScope(scope)
        .register(Topics.RAW.valueSubject(), RawArticle.getClassSchema());
    final AvroSerializer<RawArticle> serializer = serializer(Map.of(
        "auto.register.schemas", "false", "use.latest.version", "true"), false);

    final byte[] bytes = serializer.serialize(TOPIC, Stories.raw("x"));

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void useLatestVersionShouldRefuseToScrambleARecordOfAnotherSchema() {
    final Schema other = SchemaBuilder.record("RawArticle").namespace("io.wirestream.schemas.avro")
        .fields().requiredString("id").optionalString("note").endRecord();
    MockSchemaRegistryClient.forScope(scope).register(Topics.RAW.valueSubject(), other);
    final AvroSerializer<RawArticle> serializer = serializer(Map.of(
        "auto.register.schemas", "false", "use.latest.version", "true"), false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, Stories.raw("x")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("use.latest.version")
        .hasMessageContaining("is not the schema of this");
  }

  @Test
  void keysShouldUseTheKeySubject() {
    final AvroSerializer<RawArticle> serializer = serializer(Map.of(), true);

    serializer.serialize(TOPIC, Stories.raw("k"));

    assertThat(MockSchemaRegistryClient.forScope(scope).getSubjects())
        .containsExactly(TOPIC + "-key");
  }

  @Test
  void specificReaderShouldFindTheGeneratedClassByName() {
    final byte[] bytes = serializer(Map.of(), false).serialize(TOPIC, Stories.raw("s"));
    final AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
    deserializer.configure(Map.of("schema.registry.url", url, "specific.avro.reader", "true"),
        false);

    assertThat(deserializer.deserialize(TOPIC, bytes)).isEqualTo(Stories.raw("s"));
  }

  @Test
  void anOlderWriterSchemaShouldResolveToTheCurrentClass() {
    final Schema older = SchemaBuilder.record("RawArticle").namespace("io.wirestream.schemas.avro")
        .fields().requiredString("id").requiredInt("version").requiredString("source")
        .requiredString("headline").requiredString("body").requiredLong("ingestedAt")
        .requiredString("contentHash").endRecord();
    final GenericRecord old = new GenericData.Record(older);
    old.put("id", "old-1");
    old.put("version", 1);
    old.put("source", "Old Wire");
    old.put("headline", "An old story");
    old.put("body", "Written before most fields existed.");
    old.put("ingestedAt", 1_700_000_000_000L);
    old.put("contentHash", "abc");
    final MockSchemaRegistryClient registry = MockSchemaRegistryClient.forScope(scope);
    registry.setCompatibility(Topics.RAW.valueSubject(),
        io.wirestream.schemas.registry.CompatibilityLevel.NONE);
    final byte[] bytes = this.<GenericRecord>serializer(Map.of(), false).serialize(TOPIC, old);

    final RawArticle read = WirestreamSerdes.valueSerde(Topics.RAW, Map.of("schema.registry.url",
        url)).deserializer().deserialize(TOPIC, bytes);

    assertThat(read.getId()).isEqualTo("old-1");
    assertThat(read.getOutlet()).as("new optional field takes its default").isNull();
    assertThat(read.getSubjects()).isEmpty();
    assertThat(read.getStatus()).hasToString("USABLE");
  }

  @Test
  void aWriterSchemaTheClassCannotReadShouldFailWithItsOwnExceptionNamingTheField() {
    final Schema lacking = SchemaBuilder.record("RawArticle")
        .namespace("io.wirestream.schemas.avro").fields().requiredString("id").endRecord();
    final GenericRecord record = new GenericData.Record(lacking);
    record.put("id", "thin");
    final byte[] bytes = this.<GenericRecord>serializer(Map.of(), false).serialize(TOPIC, record);

    assertThatThrownBy(() -> WirestreamSerdes.valueSerde(Topics.RAW, Map.of("schema.registry.url",
        url)).deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(IncompatibleWriterSchemaException.class)
        .hasMessageContaining("RawArticle.version");
  }

  @Test
  void genericAndSpecificRecordsOfOneSchemaShouldShareASerializer() {
    final AvroSerializer<org.apache.avro.generic.GenericContainer> serializer =
        serializer(Map.of(), false);
    final GenericRecord generic = new GenericData.Record(RawArticle.getClassSchema());
    final RawArticle specific = Stories.raw("g");
    RawArticle.getClassSchema().getFields().forEach(f -> generic.put(f.pos(),
        GenericData.get().deepCopy(f.schema(), toGeneric(specific, f))));

    serializer.serialize(TOPIC, generic);
    final byte[] bytes = serializer.serialize(TOPIC, specific);

    assertThat(WirestreamSerdes.valueSerde(Topics.RAW, Map.of("schema.registry.url", url))
        .deserializer().deserialize(TOPIC, bytes)).isEqualTo(specific);
  }

  private static Object toGeneric(final SpecificRecord record, final Schema.Field field) {
    final Object value = record.get(field.pos());
    if (value instanceof java.time.Instant instant) {
      return instant.toEpochMilli();
    }
    if (value instanceof Enum<?> symbol) {
      return new GenericData.EnumSymbol(field.schema(), symbol.name());
    }
    return value;
  }

  @Test
  void shouldSerializeFromManyThreadsAtOnce() throws Exception {
    final AvroSerializer<RawArticle> serializer = serializer(Map.of(), false);
    final SpecificAvroSerde<RawArticle> serde =
        WirestreamSerdes.valueSerde(Topics.RAW, Map.of("schema.registry.url", url));
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      final List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final int thread = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            final RawArticle story = Stories.raw("t" + thread + "-" + i);
            if (!story.equals(serde.deserializer().deserialize(TOPIC,
                serializer.serialize(TOPIC, story)))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (final Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
