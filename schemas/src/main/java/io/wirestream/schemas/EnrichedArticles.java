package io.wirestream.schemas;

import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.RawArticle;

/** The one place that says which fields of a story carry over into its enriched record. */
public final class EnrichedArticles {

  private EnrichedArticles() {
  }

  /**
   * A builder holding the raw story's own fields; the caller adds language, entities, tone,
   * countries and provenance.
   */
  public static EnrichedArticle.Builder from(final RawArticle raw) {
    return EnrichedArticle.newBuilder()
        .setId(raw.getId())
        .setVersion(raw.getVersion())
        .setSource(raw.getSource())
        .setOutlet(raw.getOutlet())
        .setSourceGuid(raw.getSourceGuid())
        .setUrl(raw.getUrl())
        .setHeadline(raw.getHeadline())
        .setByline(raw.getByline())
        .setDateline(raw.getDateline())
        .setSection(raw.getSection())
        .setBody(raw.getBody())
        .setSubjects(raw.getSubjects())
        .setPublishedAt(raw.getPublishedAt())
        .setIngestedAt(raw.getIngestedAt())
        .setContentHash(raw.getContentHash())
        .setStatus(raw.getStatus())
        .setFormat(raw.getFormat())
        .setWarnings(raw.getWarnings());
  }
}
