package io.wirestream.schemas.serde;

import io.wirestream.schemas.TopicSpec;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Configured value serdes for the pipeline's topics. */
public final class WirestreamSerdes {

  private WirestreamSerdes() {
  }

  /**
   * A value serde for the topic's contract, configured with the given registry settings
   * ({@code schema.registry.url} and friends).
   */
  public static <V extends SpecificRecord> SpecificAvroSerde<V> valueSerde(final TopicSpec<V> topic,
      final Map<String, ?> registryConfig) {
    final SpecificAvroSerde<V> serde = new SpecificAvroSerde<>(topic.valueSchema());
    serde.configure(registryConfig, false);
    return serde;
  }
}
