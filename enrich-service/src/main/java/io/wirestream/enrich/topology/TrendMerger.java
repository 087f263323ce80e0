package io.wirestream.enrich.topology;

import io.wirestream.schemas.avro.CountryTrend;
import io.wirestream.schemas.avro.EntityCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges two trend aggregates of one country and window: counts and tone sums add up, entity
 * counts add up and the top {@link #TOP_ENTITIES} are kept (so the top list is exact while an
 * entity stays in it, approximate at the cut-off, and the aggregate stays small).
 */
final class TrendMerger {

  /** Entities kept per country and window. */
  static final int TOP_ENTITIES = 20;

  private TrendMerger() {
  }

  static CountryTrend merge(final CountryTrend a, final CountryTrend b) {
    final long toned = a.getTonedStoryCount() + b.getTonedStoryCount();
    final double toneSum = a.getToneSum() + b.getToneSum();
    return CountryTrend.newBuilder(a)
        .setStoryCount(a.getStoryCount() + b.getStoryCount())
        .setToneSum(toneSum)
        .setTonedStoryCount(toned)
        .setMeanTone(toned == 0 ? null : toneSum / toned)
        .setTopEntities(mergeEntities(a.getTopEntities(), b.getTopEntities()))
        .setUpdatedAt(later(a.getUpdatedAt(), b.getUpdatedAt()))
        .build();
  }

  private static List<EntityCount> mergeEntities(final List<EntityCount> a,
      final List<EntityCount> b) {
    final Map<String, EntityCount> byKey = new LinkedHashMap<>();
    for (final List<EntityCount> list : List.of(a, b)) {
      for (final EntityCount entity : list) {
        byKey.merge(entity.getType() + ":" + entity.getName(), entity, (x, y) ->
            new EntityCount(x.getType(), x.getName(), x.getStories() + y.getStories()));
      }
    }
    final List<EntityCount> merged = new ArrayList<>(byKey.values());
    merged.sort(Comparator.comparingLong(EntityCount::getStories).reversed()
        .thenComparing(EntityCount::getName));
    return merged.size() > TOP_ENTITIES ? new ArrayList<>(merged.subList(0, TOP_ENTITIES))
        : merged;
  }

  private static Instant later(final Instant a, final Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
