package io.wirestream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.registry.MockSchemaRegistryClient;
import io.wirestream.schemas.registry.UnknownSchemaIdException;
import io.wirestream.schemas.testing.Stories;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Serde logic on the in-memory registry; the same paths run against Apicurio in the ITs. */
class AvroSerdeTest {

  private static final String TOPIC = Topics.RAW.name();
  private String scope;
  private SpecificAvroSerde<RawArticle> serde;

  @BeforeEach
  void setUp() {
    scope = "serde-test-" + UUID.randomUUID();
    serde = WirestreamSerdes.valueSerde(Topics.RAW, Map.of("schema.registry.url", "mock://" + scope));
  }

  @AfterEach
  void tearDown() {
    serde.close();
    MockSchemaRegistryClient.dropScope(scope);
  }

  @Test
  void shouldRoundTripASpecificRecordInTheWireFormat() {
    final RawArticle story = Stories.raw("a-1");

    final byte[] bytes = serde.serializer().serialize(TOPIC, story);

    final int registeredId = MockSchemaRegistryClient.forScope(scope)
        .getId(Topics.RAW.valueSubject(), RawArticle.getClassSchema());
    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
    assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(story);
  }

  @Test
  void shouldPassTombstonesThrough() {
    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Test
  void shouldReadGenericRecordsWithTheWriterSchema() {
    final byte[] bytes = serde.serializer().serialize(TOPIC, Stories.raw("a-2"));
    try (GenericAvroSerde generic = new GenericAvroSerde()) {
      generic.configure(Map.of("schema.registry.url", "mock://" + scope), false);

      final GenericRecord record = generic.deserializer().deserialize(TOPIC, bytes);

      assertThat(record.getSchema().getFullName()).isEqualTo(RawArticle.getClassSchema().getFullName());
      assertThat(record.get("id")).hasToString("a-2");
    }
  }

  @Test
  void shouldRejectAWrongMagicByte() {
    final byte[] bytes = serde.serializer().serialize(TOPIC, Stories.raw("a-3"));
    bytes[0] = 7;

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(UnknownMagicByteException.class)
        .hasMessageContaining("Unknown magic byte 0x07")
        .hasMessageContaining(TOPIC);
  }

  @Test
  void shouldRejectPlainTextThatIsNotTheWireFormat() {
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, "{\"id\":1}".getBytes()))
        .isInstanceOf(UnknownMagicByteException.class);
  }

  @Test
  void shouldRejectAValueShorterThanTheHeader() {
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
        .isInstanceOf(MalformedAvroPayloadException.class)
        .hasMessageContaining("shorter than the 5-byte header");
  }

  @Test
  void shouldRejectAnUnknownSchemaId() {
    final byte[] bytes = serde.serializer().serialize(TOPIC, Stories.raw("a-4"));
    ByteBuffer.wrap(bytes, 1, 4).putInt(987_654);

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(UnknownSchemaIdException.class)
        .hasMessageContaining("Schema id 987654");
  }

  @Test
  void shouldRejectTruncatedAvro() {
    final byte[] bytes = serde.serializer().serialize(TOPIC, Stories.raw("a-5"));
    final byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
        .isInstanceOf(MalformedAvroPayloadException.class)
        .hasMessageContaining("does not decode with its writer schema");
  }

  @Test
  void shouldRejectTrailingBytes() {
    final byte[] bytes = serde.serializer().serialize(TOPIC, Stories.raw("a-6"));
    final byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, longer))
        .isInstanceOf(MalformedAvroPayloadException.class)
        .hasMessageContaining("bytes left over");
  }

  /** The first field is the id string: its zig-zag length overwritten with about 1 GB. */
  private byte[] hugeLengthClaim() {
    final byte[] bytes = serde.serializer().serialize(TOPIC, Stories.raw("a-7"));
    final byte[] corrupt = Arrays.copyOf(bytes, 20);
    corrupt[5] = (byte) 0xfe;
    corrupt[6] = (byte) 0xff;
    corrupt[7] = (byte) 0xff;
    corrupt[8] = (byte) 0xff;
    corrupt[9] = (byte) 0x07;
    return corrupt;
  }

  @Test
  void shouldRejectAHugeLengthClaimWhicheverWayTheLimitsAreEnforced() {
    final byte[] corrupt = hugeLengthClaim();

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, corrupt))
        .isInstanceOf(MalformedAvroPayloadException.class);
  }

  @Test
  void shouldRejectAHugeLengthClaimInTheValidationPassWithoutAllocatingIt() {
    final byte[] corrupt = hugeLengthClaim();
    final AvroDeserializer<RawArticle> deserializer = (AvroDeserializer<RawArticle>) serde.deserializer();
    deserializer.prevalidate(true);

    // The skip pass reads the length and finds the 15 bytes that follow too short: no allocation.
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, corrupt))
        .isInstanceOf(MalformedAvroPayloadException.class)
        .hasMessageContaining("truncated");
  }
}
