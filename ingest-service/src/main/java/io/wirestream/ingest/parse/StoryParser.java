package io.wirestream.ingest.parse;

import io.wirestream.schemas.avro.SourceFormat;
import java.time.ZoneId;
import java.util.List;

/** Reads one input format. Implementations are stateless and thread-safe. */
public interface StoryParser {

  /** The format this parser reads. */
  SourceFormat format();

  /** The zone of timestamps written without one, when the document does not come with one. */
  ZoneId defaultZone();

  /**
   * Every story of a decoded document, and every story of it that was rejected, so that one bad
   * item never hides the good ones and is never silently dropped. Throws when the document as a
   * whole cannot be read.
   */
  ParseOutcome read(SourceText source) throws StoryParseException;

  /**
   * One input document to one or more stories (feeds, JSON lines and ninjs arrays give several).
   * A document holding several stories returns the usable ones and throws only when none is
   * usable; use {@link #parseAll} to also learn which were rejected.
   */
  default List<ParsedStory> parse(final byte[] input, final String origin)
      throws StoryParseException {
    return parseAll(input, origin).storiesOrThrow(origin, "the document");
  }

  /**
   * As {@link #read}, from bytes in the charset they declare (or UTF-8, with a windows-1252
   * fallback); what decoding assumed is on every story as a warning.
   */
  default ParseOutcome parseAll(final byte[] input, final String origin)
      throws StoryParseException {
    final TextDecoding.Decoded decoded =
        TextDecoding.decode(input, TextDecoding.declaredCharset(input, null));
    return read(new SourceText(decoded.text(), origin, defaultZone()))
        .withWarnings(decoded.warnings());
  }
}
