package io.wirestream.enrich;

import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.RawArticle;

/**
 * Turns one story into its enriched form: entities, tone, countries, language, provenance.
 * Implementations are thread-safe and shared by every stream thread. A failure for one story is
 * thrown as a {@link RuntimeException} with a specific message; the topology dead-letters it.
 */
@FunctionalInterface
public interface Enricher {

  /** Enriches one story version. */
  EnrichedArticle enrich(RawArticle article);
}
