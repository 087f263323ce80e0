package io.wirestream.benchmarks;

import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackOptions;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.serde.AvroDeserializer;
import io.wirestream.schemas.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our Confluent-wire-format serializer and deserializer, against a real Apicurio registry, beside
 * plain Avro binary encoding and decoding of the same records (the baseline: no header, no
 * registry). After the first call the schema id is cached, so the difference is the per-record
 * overhead of the wire format.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SerdeBenchmark {

  private static final String RAW_TOPIC = Topics.RAW.name();
  private static final String ENRICHED_TOPIC = Topics.ENRICHED.name();

  private DevStack registry;
  private RawArticle raw;
  private EnrichedArticle enriched;
  private AvroSerializer<RawArticle> rawSerializer;
  private AvroSerializer<EnrichedArticle> enrichedSerializer;
  private AvroDeserializer<RawArticle> rawDeserializer;
  private byte[] rawWire;
  private byte[] rawPlain;

  private final SpecificDatumWriter<RawArticle> plainRawWriter =
      new SpecificDatumWriter<>(RawArticle.getClassSchema());
  private final SpecificDatumWriter<EnrichedArticle> plainEnrichedWriter =
      new SpecificDatumWriter<>(EnrichedArticle.getClassSchema());
  private final SpecificDatumReader<RawArticle> plainRawReader =
      new SpecificDatumReader<>(RawArticle.getClassSchema());
  private BinaryEncoder plainEncoder;
  private BinaryDecoder plainDecoder;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    registry = DevStack.start(DevStackOptions.registryOnly());
    final Map<String, Object> config = Map.of("schema.registry.url", registry.schemaRegistryUrl());
    final SplittableRandom random = new SplittableRandom(42);
    raw = BenchmarkStories.raw(random, 1);
    enriched = BenchmarkStories.enriched(random, 2);
    rawSerializer = new AvroSerializer<>();
    rawSerializer.configure(config, false);
    enrichedSerializer = new AvroSerializer<>();
    enrichedSerializer.configure(config, false);
    rawDeserializer = new AvroDeserializer<>(RawArticle.getClassSchema());
    rawDeserializer.configure(config, false);
    // First calls register the schemas and warm the id caches.
    rawWire = rawSerializer.serialize(RAW_TOPIC, raw);
    enrichedSerializer.serialize(ENRICHED_TOPIC, enriched);
    rawDeserializer.deserialize(RAW_TOPIC, rawWire);
    rawPlain = plainRaw();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    rawSerializer.close();
    enrichedSerializer.close();
    rawDeserializer.close();
    registry.close();
  }

  @Benchmark
  public byte[] plainRaw() throws IOException {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    plainEncoder = EncoderFactory.get().binaryEncoder(out, plainEncoder);
    plainRawWriter.write(raw, plainEncoder);
    plainEncoder.flush();
    return out.toByteArray();
  }

  @Benchmark
  public byte[] wirestreamRaw() {
    return rawSerializer.serialize(RAW_TOPIC, raw);
  }

  @Benchmark
  public byte[] plainEnriched() throws IOException {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    plainEncoder = EncoderFactory.get().binaryEncoder(out, plainEncoder);
    plainEnrichedWriter.write(enriched, plainEncoder);
    plainEncoder.flush();
    return out.toByteArray();
  }

  @Benchmark
  public byte[] wirestreamEnriched() {
    return enrichedSerializer.serialize(ENRICHED_TOPIC, enriched);
  }

  @Benchmark
  public RawArticle plainDecodeRaw() throws IOException {
    plainDecoder = DecoderFactory.get().binaryDecoder(rawPlain, plainDecoder);
    return plainRawReader.read(null, plainDecoder);
  }

  @Benchmark
  public RawArticle wirestreamDecodeRaw() {
    return rawDeserializer.deserialize(RAW_TOPIC, rawWire);
  }
}
