package io.wirestream.schemas.serde;

/**
 * The Confluent wire format: byte 0 is the magic byte 0, bytes 1-4 the schema id (big-endian
 * int), then the Avro binary encoding of the value. Any Confluent-compatible client reads it.
 */
public final class WireFormat {

  /** The only magic byte defined. */
  public static final byte MAGIC_BYTE = 0;
  /** Magic byte plus schema id. */
  public static final int HEADER_SIZE = 5;

  private WireFormat() {
  }

  /**
   * Validates the header and returns the schema id.
   *
   * @throws UnknownMagicByteException when byte 0 is not 0
   * @throws MalformedAvroPayloadException when there are fewer than 5 bytes
   */
  public static int schemaId(final String topic, final byte[] data) {
    if (data.length == 0) {
      throw new MalformedAvroPayloadException(topic, -1,
          "empty value (0 bytes): not in the Confluent wire format", null);
    }
    if (data[0] != MAGIC_BYTE) {
      throw new UnknownMagicByteException(topic, data[0], data.length);
    }
    if (data.length < HEADER_SIZE) {
      throw new MalformedAvroPayloadException(topic, -1, "value of " + data.length
          + " bytes is shorter than the 5-byte header (magic byte + schema id)", null);
    }
    return ((data[1] & 0xFF) << 24) | ((data[2] & 0xFF) << 16) | ((data[3] & 0xFF) << 8)
        | (data[4] & 0xFF);
  }

  /** Writes the 5-byte header into the start of {@code target}. */
  public static void writeHeader(final int schemaId, final byte[] target) {
    target[0] = MAGIC_BYTE;
    target[1] = (byte) (schemaId >>> 24);
    target[2] = (byte) (schemaId >>> 16);
    target[3] = (byte) (schemaId >>> 8);
    target[4] = (byte) schemaId;
  }
}
