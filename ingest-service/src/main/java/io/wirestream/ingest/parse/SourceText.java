package io.wirestream.ingest.parse;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One document as a parser reads it: already checked and decoded.
 *
 * @param text the document text, without a byte order mark
 * @param origin where it came from, for messages
 * @param zone the zone of timestamps written without one
 */
public record SourceText(String text, String origin, ZoneId zone) {

  public SourceText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(zone, "zone");
  }
}
