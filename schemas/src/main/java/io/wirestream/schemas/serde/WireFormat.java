package io.wirestream.schemas.serde;

import java.io.ByteArrayOutputStream;

/**
 * The Confluent wire format: byte 0 is the magic byte 0, bytes 1-4 the schema id (big-endian
 * int), then the Avro binary encoding of the value. Any Confluent-compatible client reads it.
 */
public final class WireFormat {

  /** The only magic byte defined. */
  public static final byte MAGIC_BYTE = 0;
  /** Magic byte plus schema id. */
  public static final int HEADER_SIZE = 5;

  static {
    // Every serde path goes through here before Avro first encodes or decodes.
    AvroLimits.applyDefaults();
  }

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
    final int id = ((data[1] & 0xFF) << 24) | ((data[2] & 0xFF) << 16) | ((data[3] & 0xFF) << 8)
        | (data[4] & 0xFF);
    if (id < 0) {
      throw new MalformedAvroPayloadException(topic, id, "negative schema id " + id
          + " in the header: registries never assign one", null);
    }
    return id;
  }

  /** Writes the 5-byte header. */
  public static void writeHeader(final int schemaId, final ByteArrayOutputStream out) {
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }
}
