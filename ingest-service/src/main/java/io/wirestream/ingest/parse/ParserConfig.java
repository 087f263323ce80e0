package io.wirestream.ingest.parse;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Settings of the parsers. Immutable: derive changed copies with the {@code with...} methods.
 *
 * @param maxDocumentBytes larger inputs are rejected with {@link RejectReason#TOO_LARGE}
 * @param defaultZone the zone of timestamps written without an offset or zone
 */
public record ParserConfig(long maxDocumentBytes, ZoneId defaultZone) {

  /** 10 MiB: far above any single story or feed, small enough to hold in memory per request. */
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

  public ParserConfig {
    if (maxDocumentBytes <= 0) {
      throw new IllegalArgumentException("maxDocumentBytes must be positive: " + maxDocumentBytes);
    }
    Objects.requireNonNull(defaultZone, "defaultZone");
  }

  /** 10 MiB documents, UTC for timestamps without an offset. */
  public static ParserConfig defaults() {
    return new ParserConfig(DEFAULT_MAX_DOCUMENT_BYTES, ZoneOffset.UTC);
  }

  public ParserConfig withDefaultZone(final ZoneId zone) {
    return new ParserConfig(maxDocumentBytes, zone);
  }

  public ParserConfig withMaxDocumentBytes(final long bytes) {
    return new ParserConfig(bytes, defaultZone);
  }
}
