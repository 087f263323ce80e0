package io.wirestream.enrich.topology;

import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.RawArticle;

/**
 * What the gate last let through for an article id, as kept in
 * {@link StoreNames#ARTICLE_VERSIONS}: {@code version|contentHash|status|counted}.
 *
 * @param counted whether the story has been counted in the trends already (once per story, not
 *     per version)
 */
record SeenVersion(int version, String contentHash, ArticleStatus status, boolean counted) {

  static SeenVersion of(final RawArticle article, final boolean counted) {
    return new SeenVersion(article.getVersion(), article.getContentHash(), article.getStatus(),
        counted);
  }

  /** The stored form parsed; null for null. */
  static SeenVersion parse(final String stored) {
    if (stored == null) {
      return null;
    }
    final String[] parts = stored.split("\\|", 4);
    return new SeenVersion(Integer.parseInt(parts[0]), parts[1], ArticleStatus.valueOf(parts[2]),
        parts.length > 3 && Boolean.parseBoolean(parts[3]));
  }

  /** True when this is the same version, content and status as the article. */
  boolean sameAs(final RawArticle article) {
    return version == article.getVersion() && contentHash.equals(article.getContentHash())
        && status == article.getStatus();
  }

  SeenVersion countedNow() {
    return new SeenVersion(version, contentHash, status, true);
  }

  String format() {
    return version + "|" + contentHash + "|" + status + "|" + counted;
  }
}
