package io.wirestream.schemas.serde;

import io.wirestream.schemas.compat.AvroCompatibility;
import io.wirestream.schemas.registry.SchemaRegistryClient;
import io.wirestream.schemas.registry.SchemaRegistryClients;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads values in the Confluent wire format. The writer schema comes from the registry by the id in
 * the header; the reader schema is, in order: the one given to the constructor (a generated class's
 * schema, so older and newer writers resolve to it), the generated class named like the writer
 * schema when {@code specific.avro.reader=true}, or the writer schema itself (generic records).
 *
 * <p>Each kind of bad input fails with its own exception: {@link UnknownMagicByteException},
 * {@link io.wirestream.schemas.registry.UnknownSchemaIdException},
 * {@link MalformedAvroPayloadException} (truncated, corrupt or trailing bytes),
 * {@link IncompatibleWriterSchemaException} (written with a schema this reader cannot resolve).
 *
 * @param <T> record type
 */
public class AvroDeserializer<T> implements Deserializer<T> {

  private final Schema fixedReaderSchema;
  private SchemaRegistryClient registry;
  private boolean ownsRegistry;
  private boolean specificReader;
  private final Map<Integer, Reader<T>> readers = new ConcurrentHashMap<>();
  /**
   * When Avro's length caps are not in force, each value is first skipped through (which reads
   * lengths without allocating them), so a corrupt length claim fails as a short read instead of a
   * 2 GB allocation.
   */
  private boolean prevalidate = !AvroLimits.inForce();

  /** A writer schema and the datum reader that resolves it to the reader schema. */
  private record Reader<T>(Schema writer, DatumReader<T> datumReader) {
  }
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

  /** For Kafka to instantiate; {@link #configure} must follow. */
  public AvroDeserializer() {
    this.fixedReaderSchema = null;
  }

  /**
   * Reads into the given schema (for generated classes: {@code RawArticle.getClassSchema()}).
   *
   * @param readerSchema the schema to resolve every writer schema to; null for the writer's own
   */
  public AvroDeserializer(final Schema readerSchema) {
    this.fixedReaderSchema = readerSchema;
  }

  /** Ready to use with a given registry client. */
  public AvroDeserializer(final SchemaRegistryClient registry, final Schema readerSchema,
      final boolean specificReader) {
    this.fixedReaderSchema = readerSchema;
    this.registry = registry;
    this.specificReader = specificReader;
    AvroLimits.warnIfNotInForce();
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    final AvroSerdeConfig config = AvroSerdeConfig.fromConfigs(configs);
    this.registry = SchemaRegistryClients.create(config.registry());
    this.ownsRegistry = true;
    this.specificReader = config.specificAvroReader();
    AvroLimits.warnIfNotInForce();
  }

  @Override
  public T deserialize(final String topic, final byte[] data) {
    if (data == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException("AvroDeserializer used before configure()");
    }
    final int schemaId = WireFormat.schemaId(topic, data);
    // The header is fine; from here on, the bytes belong to schemaId.
    final Reader<T> reader = reader(topic, schemaId);
    final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
        data.length - WireFormat.HEADER_SIZE, decoders.get());
    decoders.set(decoder);
    final T value;
    try {
      if (prevalidate) {
        GenericDatumReader.skip(reader.writer(), DecoderFactory.get().binaryDecoder(data,
            WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
      }
      value = reader.datumReader().read(null, decoder);
    } catch (final IOException | AvroRuntimeException | IndexOutOfBoundsException
        | NegativeArraySizeException | ClassCastException | UnsupportedOperationException e) {
      throw new MalformedAvroPayloadException(topic, schemaId, "the " + data.length
          + "-byte value does not decode with its writer schema (" + describe(e) + ")", e);
    }
    try {
      if (!decoder.isEnd()) {
        throw new MalformedAvroPayloadException(topic, schemaId, "bytes left over after decoding"
            + " a complete record: the value is corrupt or was written with another schema", null);
      }
    } catch (final IOException e) {
      throw new MalformedAvroPayloadException(topic, schemaId, describe(e), e);
    }
    return value;
  }

  /** The cached reader for a writer schema id; the registry call holds no lock. */
  private Reader<T> reader(final String topic, final int schemaId) {
    final Reader<T> cached = readers.get(schemaId);
    if (cached != null) {
      return cached;
    }
    final Schema writer = registry.getSchemaById(schemaId);
    final Reader<T> created = new Reader<>(writer, newReader(topic, schemaId, writer));
    final Reader<T> raced = readers.putIfAbsent(schemaId, created);
    return raced == null ? created : raced;
  }

  private DatumReader<T> newReader(final String topic, final int schemaId, final Schema writer) {
    if (fixedReaderSchema == null && !specificReader) {
      return new GenericDatumReader<>(writer, writer);
    }
    final Schema reader = fixedReaderSchema != null ? fixedReaderSchema : generatedSchema(writer);
    final List<String> incompatibilities = AvroCompatibility.explain(reader, writer);
    if (!incompatibilities.isEmpty()) {
      throw new IncompatibleWriterSchemaException(topic, schemaId, reader.getFullName(),
          incompatibilities);
    }
    return new SpecificDatumReader<>(writer, reader);
  }

  private static Schema generatedSchema(final Schema writer) {
    final Class<?> generated = SpecificData.get().getClass(writer);
    if (generated == null || generated == Object.class) {
      throw new SerializationException("specific.avro.reader=true but no generated class for "
          + writer.getFullName() + " is on the classpath");
    }
    return SpecificData.get().getSchema(generated);
  }

  private static String describe(final Throwable e) {
    final String message = e.getMessage();
    final String name = e instanceof java.io.EOFException ? "truncated: ended early"
        : e.getClass().getSimpleName();
    return message == null ? name : name + ": " + message;
  }

  /** For tests: validate lengths in a first pass whether or not Avro's caps are in force. */
  void prevalidate(final boolean enabled) {
    this.prevalidate = enabled;
  }

  @Override
  public void close() {
    if (registry != null && ownsRegistry) {
      registry.close();
    }
  }
}
