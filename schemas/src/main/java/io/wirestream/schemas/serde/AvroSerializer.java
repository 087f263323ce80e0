package io.wirestream.schemas.serde;

import io.wirestream.schemas.Subjects;
import io.wirestream.schemas.registry.SchemaRegistryClient;
import io.wirestream.schemas.registry.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated classes or {@code GenericRecord}) in the Confluent wire format,
 * with the schema id from the registry under the TopicNameStrategy subject. Ids are resolved once
 * per (topic, schema) and cached; the hot path is one identity comparison and the Avro encoding.
 *
 * @param <T> record type
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

  private SchemaRegistryClient registry;
  private AvroSerdeConfig config;
  private boolean isKey;

  /** Resolved ids and writer schemas per (topic, record schema). */
  private final Map<String, Map<Schema, Target>> targets = new ConcurrentHashMap<>();
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
  /** The last hit, compared by identity: one producer usually writes one schema to one topic. */
  private volatile LastHit lastHit;
  private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();

  /** Where records of one schema go: the id on the wire and the schema they are encoded with. */
  private record Target(int schemaId, Schema writerSchema) {
  }

  private record LastHit(String topic, Schema schema, Target target) {
  }

  /** For Kafka to instantiate; {@link #configure} must follow. */
  public AvroSerializer() {
  }

  /** Ready to use with a given registry client, e.g. one shared by several serdes. */
  public AvroSerializer(final SchemaRegistryClient registry, final AvroSerdeConfig config,
      final boolean isKey) {
    this.registry = registry;
    this.config = config;
    this.isKey = isKey;
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    this.config = AvroSerdeConfig.fromConfigs(configs);
    this.registry = SchemaRegistryClients.create(config.registry());
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(final String topic, final T record) {
    if (record == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException("AvroSerializer used before configure()");
    }
    final Schema schema = record.getSchema();
    final Target target = target(topic, schema);
    final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(WireFormat.MAGIC_BYTE);
    out.write(target.schemaId() >>> 24);
    out.write(target.schemaId() >>> 16);
    out.write(target.schemaId() >>> 8);
    out.write(target.schemaId());
    final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, encoders.get());
    encoders.set(encoder);
    try {
      writer(target.writerSchema(), record).write(record, encoder);
      encoder.flush();
    } catch (final IOException | RuntimeException e) {
      throw new SerializationException("Cannot encode " + schema.getFullName() + " for topic '"
          + topic + "' with schema id " + target.schemaId() + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private Target target(final String topic, final Schema schema) {
    final LastHit hit = lastHit;
    if (hit != null && hit.schema() == schema && hit.topic().equals(topic)) {
      return hit.target();
    }
    final Target target = targets.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(schema, s -> resolve(Subjects.subject(topic, isKey), s));
    lastHit = new LastHit(topic, schema, target);
    return target;
  }

  private Target resolve(final String subject, final Schema schema) {
    if (config.useLatestVersion()) {
      final var latest = registry.getLatest(subject);
      return new Target(latest.id(), latest.schema());
    }
    final int id = config.autoRegisterSchemas() ? registry.register(subject, schema)
        : registry.getId(subject, schema);
    return new Target(id, schema);
  }

  @SuppressWarnings("unchecked")
  private DatumWriter<Object> writer(final Schema writerSchema, final T record) {
    return writers.computeIfAbsent(writerSchema, s -> record instanceof SpecificRecord
        ? (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(s)
        : new GenericDatumWriter<>(s));
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
