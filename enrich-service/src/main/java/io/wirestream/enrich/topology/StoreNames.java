package io.wirestream.enrich.topology;

/** Names of the state stores: part of the app's contract (changelog topics, queries). */
public final class StoreNames {

  /** Latest version, content hash and status per article id. */
  public static final String ARTICLE_VERSIONS = "article-version-store";
  /** First article id and time per content hash, for duplicates under another id. */
  public static final String CONTENT_HASHES = "article-hash-store";
  /** Embargoed stories waiting for their time. */
  public static final String EMBARGOED = "embargo-store";
  /** The latest enriched version per article id (tombstones remove it), for queries. */
  public static final String LATEST_ARTICLES = "latest-article-store";
  /** Per-country trends per window. */
  public static final String COUNTRY_TRENDS = "country-trends-store";

  private StoreNames() {
  }
}
