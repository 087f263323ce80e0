package io.wirestream.schemas.serde;

import io.wirestream.schemas.registry.SchemaRegistryClient;
import io.wirestream.schemas.registry.SchemaRegistryClients;
import java.io.IOException;
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
 * {@link MalformedAvroPayloadException} (truncated, corrupt or trailing bytes).
 *
 * @param <T> record type
 */
public class AvroDeserializer<T> implements Deserializer<T> {

  static {
    AvroLimits.applyDefaults();
  }

  private final Schema fixedReaderSchema;
  private SchemaRegistryClient registry;
  private boolean specificReader;
  private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
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
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    final AvroSerdeConfig config = AvroSerdeConfig.fromConfigs(configs);
    this.registry = SchemaRegistryClients.create(config.registry());
    this.specificReader = config.specificAvroReader() || fixedReaderSchema != null;
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
    final DatumReader<T> reader = readers.computeIfAbsent(schemaId, this::newReader);
    final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
        data.length - WireFormat.HEADER_SIZE, decoders.get());
    decoders.set(decoder);
    final T value;
    try {
      value = reader.read(null, decoder);
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

  private DatumReader<T> newReader(final int schemaId) {
    final Schema writer = registry.getSchemaById(schemaId);
    if (!specificReader) {
      return new GenericDatumReader<>(writer, writer);
    }
    final Schema reader = fixedReaderSchema != null ? fixedReaderSchema : generatedSchema(writer);
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

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
