package io.wirestream.ingest.parse;

import java.time.ZoneId;

/**
 * What the way in knows about a document besides its bytes.
 *
 * @param contentType the HTTP Content-Type it came with (a fetched feed, a push); null if none.
 *     Its charset is used when neither a byte order mark nor an XML declaration says otherwise.
 * @param zone the zone of timestamps the document writes without one (a feed's own zone); null
 *     for the configured default
 */
public record DocumentContext(String contentType, ZoneId zone) {

  /** Nothing known: a file. */
  public static final DocumentContext NONE = new DocumentContext(null, null);

  /** A document that came with this Content-Type. */
  public static DocumentContext ofContentType(final String contentType) {
    return new DocumentContext(contentType, null);
  }

  /** This context, its timestamps without a zone read in {@code value}. */
  public DocumentContext withZone(final ZoneId value) {
    return new DocumentContext(contentType, value);
  }
}
