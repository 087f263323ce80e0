package io.wirestream.schemas.serde;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serde for {@link GenericRecord}s: read with the writer's own schema. */
public class GenericAvroSerde implements Serde<GenericRecord> {

  private final AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
  private final AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<GenericRecord> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<GenericRecord> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
