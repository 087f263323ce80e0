package io.wirestream.schemas.serde;

import io.wirestream.schemas.Subjects;
import io.wirestream.schemas.compat.AvroCompatibility;
import io.wirestream.schemas.registry.RegisteredSchema;
import io.wirestream.schemas.registry.SchemaRegistryClient;
import io.wirestream.schemas.registry.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
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
  private boolean ownsRegistry;
  private AvroSerdeConfig config;
  private boolean isKey;

  /** Resolved ids and writer schemas per (topic, record schema). */
  private final Map<String, Map<Schema, Target>> targets = new ConcurrentHashMap<>();
  /** Writers per schema, apart for generated classes and generic records (they differ in types). */
  private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
  private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();
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
    this.ownsRegistry = true;
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
    WireFormat.writeHeader(target.schemaId(), out);
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
    final Map<Schema, Target> bySchema =
        targets.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
    Target target = bySchema.get(schema);
    if (target == null) {
      // Resolved outside any map lock: it may call the registry.
      target = resolve(topic, Subjects.subject(topic, isKey), schema);
      final Target raced = bySchema.putIfAbsent(schema, target);
      target = raced == null ? target : raced;
    }
    lastHit = new LastHit(topic, schema, target);
    return target;
  }

  private Target resolve(final String topic, final String subject, final Schema schema) {
    if (config.useLatestVersion()) {
      final RegisteredSchema latest = registry.getLatest(subject);
      // Avro writes fields by position: encoding a record with another schema than its own would
      // silently scramble it. Only the same schema (docs aside) may be written under the latest id.
      if (SchemaNormalization.parsingFingerprint64(latest.schema())
          != SchemaNormalization.parsingFingerprint64(schema)) {
        throw new SerializationException("use.latest.version: the latest schema of subject '"
            + subject + "' (id " + latest.id() + ", version " + latest.version()
            + ") is not the schema of this " + schema.getFullName() + " record, so it cannot be"
            + " written under that id for topic '" + topic + "'; differences: "
            + differences(latest.schema(), schema));
      }
      return new Target(latest.id(), schema);
    }
    final int id = config.autoRegisterSchemas() ? registry.register(subject, schema)
        : registry.getId(subject, schema);
    return new Target(id, schema);
  }

  private static String differences(final Schema latest, final Schema record) {
    final List<String> lines = AvroCompatibility.explain(latest, record);
    return lines.isEmpty() ? "field order or names differ" : String.join("; ", lines);
  }

  @SuppressWarnings("unchecked")
  private DatumWriter<Object> writer(final Schema writerSchema, final T record) {
    return record instanceof SpecificRecord
        ? specificWriters.computeIfAbsent(writerSchema,
            s -> (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(s))
        : genericWriters.computeIfAbsent(writerSchema, GenericDatumWriter::new);
  }

  @Override
  public void close() {
    if (registry != null && ownsRegistry) {
      registry.close();
    }
  }
}
