package io.wirestream.enrich.app;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kafka Streams' client metrics on a Micrometer registry, with the RocksDB store tags made uniform.
 *
 * <p>Streams names the store tag after the store's kind: {@code rocksdb-state-id} for key-value
 * stores, {@code rocksdb-window-state-id} and {@code rocksdb-session-state-id} for the others, on
 * metrics of the same name ({@code kafka.stream.state.estimate.num.keys}, ...). Prometheus wants
 * one set of label keys per metric name, so its registry refused the window store's meters (the
 * trend windows) with a warning in every log. The filter keeps one key, {@code rocksdb.state.id}
 * (the store's name, as before for key-value stores and dashboards), and says the kind in
 * {@code rocksdb.store.type}.
 */
public final class StreamsMeters {

  static final String STATE_ID = "rocksdb.state.id";
  static final String STORE_TYPE = "rocksdb.store.type";
  private static final String METER_PREFIX = "kafka.stream.state.";
  private static final Map<String, String> KIND_OF_TAG = Map.of(
      STATE_ID, "key-value",
      "rocksdb.window.state.id", "window",
      "rocksdb.session.state.id", "session");

  /** The filter, applied to meters registered after it. */
  static final MeterFilter UNIFORM_STORE_TAGS = new MeterFilter() {
    @Override
    public Meter.Id map(final Meter.Id id) {
      if (!id.getName().startsWith(METER_PREFIX)) {
        return id;
      }
      final List<Tag> tags = new ArrayList<>();
      String kind = null;
      for (final Tag tag : id.getTagsAsIterable()) {
        final String tagKind = KIND_OF_TAG.get(tag.getKey());
        if (tagKind != null) {
          kind = tagKind;
          tags.add(Tag.of(STATE_ID, tag.getValue()));
        } else {
          tags.add(tag);
        }
      }
      if (kind == null) {
        return id;
      }
      tags.add(Tag.of(STORE_TYPE, kind));
      return id.replaceTags(tags);
    }
  };

  private StreamsMeters() {
  }

  /**
   * Gives a new registry the store-tag filter; call it before any meter is registered (Micrometer
   * applies a filter only to meters registered after it, and warns otherwise).
   */
  public static <R extends MeterRegistry> R withUniformStoreTags(final R registry) {
    registry.config().meterFilter(UNIFORM_STORE_TAGS);
    return registry;
  }

  /**
   * Binds the client's metrics to {@code registry}, which must have come through
   * {@link #withUniformStoreTags}.
   */
  public static KafkaStreamsMetrics bind(final KafkaStreams streams, final MeterRegistry registry) {
    final KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(registry);
    return metrics;
  }
}
