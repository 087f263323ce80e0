package io.wirestream.enrich.api;

import io.wirestream.enrich.topology.StoreNames;
import io.wirestream.schemas.avro.CountryTrend;
import io.wirestream.schemas.avro.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** What this instance's own state stores hold (its partitions only). */
final class LocalStores {

  private final KafkaStreams streams;
  private final Duration windowSize;

  LocalStores(final KafkaStreams streams, final Duration windowSize) {
    this.streams = streams;
    this.windowSize = windowSize;
  }

  Optional<EnrichedArticle> article(final String id) {
    final ReadOnlyKeyValueStore<String, EnrichedArticle> store = streams.store(
        StoreQueryParameters.fromNameAndType(StoreNames.LATEST_ARTICLES,
            QueryableStoreTypes.keyValueStore()));
    return Optional.ofNullable(store.get(id));
  }

  /** Every country's trend of the window starting at {@code windowStart}. */
  List<CountryTrend> trends(final Instant windowStart) {
    final List<CountryTrend> trends = new ArrayList<>();
    try (KeyValueIterator<Windowed<String>, CountryTrend> all =
        windows().fetchAll(windowStart, windowStart)) {
      all.forEachRemaining(entry -> trends.add(bounded(entry)));
    }
    return trends;
  }

  /** One country's trend of the window starting at {@code windowStart}. */
  Optional<CountryTrend> trend(final String country, final Instant windowStart) {
    try (WindowStoreIterator<CountryTrend> found = windows().fetch(country, windowStart,
        windowStart)) {
      if (!found.hasNext()) {
        return Optional.empty();
      }
      final KeyValue<Long, CountryTrend> entry = found.next();
      return Optional.of(CountryTrend.newBuilder(entry.value)
          .setWindowStart(Instant.ofEpochMilli(entry.key))
          .setWindowEnd(Instant.ofEpochMilli(entry.key).plus(windowSize))
          .build());
    }
  }

  private ReadOnlyWindowStore<String, CountryTrend> windows() {
    return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.COUNTRY_TRENDS,
        QueryableStoreTypes.windowStore()));
  }

  private static CountryTrend bounded(final KeyValue<Windowed<String>, CountryTrend> entry) {
    return CountryTrend.newBuilder(entry.value)
        .setWindowStart(entry.key.window().startTime())
        .setWindowEnd(entry.key.window().endTime())
        .build();
  }
}
