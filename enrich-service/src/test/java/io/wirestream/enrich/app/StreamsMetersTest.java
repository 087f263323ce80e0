package io.wirestream.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class StreamsMetersTest {

  private static void register(final PrometheusMeterRegistry registry, final String name,
      final String storeTag, final String store, final double value) {
    Gauge.builder(name, () -> value)
        .tags(Tags.of("kafka.version", "4.3.1", storeTag, store, "task.id", "1_5",
            "thread.id", "app-StreamThread-1"))
        .register(registry);
  }

  @Test
  void shouldExportTheWindowStoreBesideTheKeyValueStoreUnderOneTagKey() {
    final PrometheusMeterRegistry registry = StreamsMeters.withUniformStoreTags(
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    register(registry, "kafka.stream.state.estimate.num.keys", "rocksdb.state.id",
        "latest-article-store", 12);
    register(registry, "kafka.stream.state.estimate.num.keys", "rocksdb.window.state.id",
        "country-trends-store", 34);
    register(registry, "kafka.stream.state.estimate.num.keys", "rocksdb.session.state.id",
        "some-session-store", 56);

    final String scrape = registry.scrape();

    assertThat(scrape)
        .contains("rocksdb_state_id=\"latest-article-store\"", "rocksdb_store_type=\"key-value\"")
        .contains("rocksdb_state_id=\"country-trends-store\"", "rocksdb_store_type=\"window\"")
        .contains("rocksdb_state_id=\"some-session-store\"", "rocksdb_store_type=\"session\"")
        .doesNotContain("rocksdb_window_state_id", "rocksdb_session_state_id");
    assertThat(registry.find("kafka.stream.state.estimate.num.keys").gauges()).hasSize(3);
  }

  @Test
  void withoutTheFilterPrometheusRefusesTheWindowStore() {
    // The failure the filter is there for: if this starts to pass, the filter may be dropped.
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    register(registry, "kafka.stream.state.estimate.num.keys", "rocksdb.state.id",
        "latest-article-store", 12);
    register(registry, "kafka.stream.state.estimate.num.keys", "rocksdb.window.state.id",
        "country-trends-store", 34);

    assertThat(registry.scrape()).doesNotContain("country-trends-store");
  }

  @Test
  void shouldLeaveOtherMetersAlone() {
    final PrometheusMeterRegistry registry = StreamsMeters.withUniformStoreTags(
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    register(registry, "kafka.stream.thread.poll.rate", "rocksdb.window.state.id", "x", 1);

    assertThat(registry.scrape()).contains("rocksdb_window_state_id=\"x\"")
        .doesNotContain("rocksdb_store_type");
  }
}
