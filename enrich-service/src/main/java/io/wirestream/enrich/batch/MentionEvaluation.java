package io.wirestream.enrich.batch;

import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.TextField;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Mention-level entity scores as the CoNLL evaluation counts them: a predicted mention is right
 * when its start, end and type are exactly a gold span's. PERSON, ORGANIZATION and LOCATION body
 * mentions are scored; MISC is not (the held-out benchmarks do not score it either).
 */
public final class MentionEvaluation {

  /** The types scored. */
  public static final List<EntityType> TYPES =
      List.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION);

  private MentionEvaluation() {
  }

  /** Scores per type of {@code entities} on every document. */
  public static Map<EntityType, Scores> score(final List<NerCorpus.Document> documents,
      final Function<NerCorpus.Document, List<Entity>> entities) {
    final Map<EntityType, Scores> byType = new EnumMap<>(EntityType.class);
    for (final EntityType type : TYPES) {
      byType.put(type, new Scores(0, 0, 0));
    }
    for (final NerCorpus.Document document : documents) {
      final Set<String> gold = new HashSet<>();
      for (final NerCorpus.Span span : document.bodyGold()) {
        if (TYPES.contains(span.type())) {
          gold.add(key(span.type(), span.start(), span.end()));
        }
      }
      final Set<String> predicted = new HashSet<>();
      for (final Entity entity : entities.apply(document)) {
        if (!TYPES.contains(entity.getType())) {
          continue;
        }
        for (final Mention mention : entity.getMentions()) {
          if (mention.getField() == TextField.BODY) {
            predicted.add(key(entity.getType(), mention.getStart(), mention.getEnd()));
          }
        }
      }
      for (final EntityType type : TYPES) {
        final String prefix = type.name() + ':';
        final Set<String> g = filter(gold, prefix);
        final Set<String> p = filter(predicted, prefix);
        byType.merge(type, GoldEvaluation.compare(g, p), Scores::plus);
      }
    }
    return byType;
  }

  /** All types together, micro-averaged. */
  public static Scores micro(final Map<EntityType, Scores> byType) {
    return byType.values().stream().reduce(new Scores(0, 0, 0), Scores::plus);
  }

  private static Set<String> filter(final Set<String> keys, final String prefix) {
    final Set<String> result = new HashSet<>();
    for (final String key : keys) {
      if (key.startsWith(prefix)) {
        result.add(key);
      }
    }
    return result;
  }

  private static String key(final EntityType type, final int start, final int end) {
    return type.name() + ':' + start + ':' + end;
  }
}
