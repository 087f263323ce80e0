package io.wirestream.enrich.topology;

import io.wirestream.schemas.avro.CountryTrend;
import io.wirestream.schemas.avro.EnrichedArticle;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * One trend delta per tagged country, for stories the gate marked as counting (first version, not a
 * duplicate), so an updated or re-sent story is not counted twice in its window.
 */
final class TrendDeltaProcessor implements Processor<String, EnrichedArticle, String, CountryTrend> {

  private ProcessorContext<String, CountryTrend> context;

  @Override
  public void init(final ProcessorContext<String, CountryTrend> context) {
    this.context = context;
  }

  @Override
  public void process(final Record<String, EnrichedArticle> record) {
    if (record.headers().lastHeader(GateProcessor.TREND_HEADER) == null) {
      return;
    }
    for (final KeyValue<String, CountryTrend> delta : Fanout.trendDeltas(record.value())) {
      context.forward(record.withKey(delta.key).withValue(delta.value));
    }
  }
}
