package io.wirestream.enrich.topology;

import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.RawArticle;

/**
 * What the gate last let through for an article id, as kept in
 * {@link StoreNames#ARTICLE_VERSIONS}: {@code version|contentHash|status}.
 */
record SeenVersion(int version, String contentHash, ArticleStatus status) {

  static SeenVersion of(final RawArticle article) {
    return new SeenVersion(article.getVersion(), article.getContentHash(), article.getStatus());
  }

  /** The stored form parsed; null for null. */
  static SeenVersion parse(final String stored) {
    if (stored == null) {
      return null;
    }
    final String[] parts = stored.split("\\|", 3);
    return new SeenVersion(Integer.parseInt(parts[0]), parts[1], ArticleStatus.valueOf(parts[2]));
  }

  String format() {
    return version + "|" + contentHash + "|" + status;
  }
}
