package io.wirestream.ingest.pipeline;

import io.wirestream.ingest.parse.ParsedStory;
import io.wirestream.schemas.avro.RawArticle;
import java.time.Instant;

/** Turns a parsed story with its identity into the {@code news.raw.v1} contract. */
final class RawArticles {

  /** Source recorded when the input names neither a source nor an outlet. */
  static final String UNKNOWN_SOURCE = "unknown";

  private RawArticles() {
  }

  static RawArticle of(final ParsedStory story, final String id, final int version,
      final String contentHash, final Instant ingestedAt) {
    final String source = story.source() != null ? story.source()
        : story.outlet() != null ? story.outlet() : UNKNOWN_SOURCE;
    return RawArticle.newBuilder()
        .setId(id)
        .setVersion(version)
        .setSource(source)
        .setOutlet(story.outlet())
        .setSourceGuid(story.sourceGuid())
        .setUrl(story.url())
        .setHeadline(story.headline())
        .setByline(story.byline())
        .setDateline(story.dateline())
        .setSection(story.section())
        .setLanguage(story.language())
        .setBody(story.body())
        .setSubjects(story.subjects())
        .setUrgency(story.urgency())
        .setPublishedAt(story.publishedAt())
        .setIngestedAt(ingestedAt)
        .setContentHash(contentHash)
        .setEmbargoUntil(story.embargoUntil())
        .setStatus(story.status())
        .setFormat(story.format())
        .setAttributes(story.attributes())
        .setWarnings(story.warnings())
        .build();
  }
}
