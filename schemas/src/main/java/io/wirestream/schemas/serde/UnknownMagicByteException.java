package io.wirestream.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The first byte of a value is not the Confluent magic byte 0. */
public class UnknownMagicByteException extends SerializationException {

  private final byte magicByte;

  public UnknownMagicByteException(final String topic, final byte magicByte, final int length) {
    super(String.format("Unknown magic byte 0x%02x in a %d-byte value on topic '%s': expected 0x00;"
        + " the value was not written by a Confluent-compatible Avro serializer", magicByte, length,
        topic));
    this.magicByte = magicByte;
  }

  public byte magicByte() {
    return magicByte;
  }
}
