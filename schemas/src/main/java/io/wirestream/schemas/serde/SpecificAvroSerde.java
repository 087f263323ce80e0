package io.wirestream.schemas.serde;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for a generated Avro class: values written by older or newer schemas are resolved to the
 * class's own schema on read.
 *
 * @param <T> generated class
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;

  /** @param schema the generated class's schema, e.g. {@code RawArticle.getClassSchema()} */
  public SpecificAvroSerde(final Schema schema) {
    this.serializer = new AvroSerializer<>();
    this.deserializer = new AvroDeserializer<>(schema);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
