package io.wirestream.ingest.pipeline;

import io.wirestream.schemas.avro.SourceFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Format names as users write them: plain-text, ninjs, newsml-g2, rss, atom, json-lines. */
public final class Formats {

  /** The names accepted, for messages. */
  public static final String NAMES = "plain-text, ninjs, newsml-g2, rss, atom, json-lines";

  private Formats() {
  }

  /** The format with this name (case and - or _ do not matter), if any. */
  public static Optional<SourceFormat> fromName(final String name) {
    final String wanted = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(SourceFormat.values())
        .filter(format -> format != SourceFormat.UNKNOWN && format.name().equals(wanted))
        .findFirst();
  }

  /** The format a media type names unambiguously, if any (others are detected from content). */
  public static Optional<SourceFormat> fromMediaType(final String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    final String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/rss+xml" -> Optional.of(SourceFormat.RSS);
      case "application/atom+xml" -> Optional.of(SourceFormat.ATOM);
      case "application/x-ndjson", "application/jsonl", "application/x-jsonlines" ->
          Optional.of(SourceFormat.JSON_LINES);
      case "application/ninjs+json", "application/vnd.iptc.ninjs+json" ->
          Optional.of(SourceFormat.NINJS);
      case "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml" ->
          Optional.of(SourceFormat.NEWSML_G2);
      default -> Optional.empty();
    };
  }
}
