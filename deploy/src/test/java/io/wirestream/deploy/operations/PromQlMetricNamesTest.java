package io.wirestream.deploy.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

  @Test
  void shouldFindTheMetricsButNotFunctionsLabelsRangesOrKeywords() {
    assertThat(PromQlMetricNames.of("histogram_quantile(0.99, sum by (le) (rate("
        + "wirestream_enrich_end_to_end_latency_seconds_bucket{job=~\"wire.*\"}[$__rate_interval])))"))
        .containsExactly("wirestream_enrich_end_to_end_latency_seconds_bucket");
    assertThat(PromQlMetricNames.of("sum(rate(a_total[5m])) / on() group_left (x) "
        + "sum without (instance) (b_total offset 5m) > 0.5 and c:recorded:sum"))
        .containsExactly("a_total", "b_total", "c:recorded:sum");
    assertThat(PromQlMetricNames.of("up{job=\"sum(fake_metric)\"} == 0")).containsExactly("up");
    assertThat(PromQlMetricNames.of("deriv(lag:sum[10m]) > 1e3")).containsExactly("lag:sum");
  }

  @Test
  void shouldReadTheMetricOfALabelValuesVariable() {
    assertThat(PromQlMetricNames.ofVariableQuery("label_values(x_total, country)"))
        .containsExactly("x_total");
    assertThatThrownBy(() -> PromQlMetricNames.ofVariableQuery("query_result(up)"))
        .hasMessageContaining("label_values");
  }
}
