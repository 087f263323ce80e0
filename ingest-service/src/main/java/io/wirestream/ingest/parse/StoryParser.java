package io.wirestream.ingest.parse;

import io.wirestream.schemas.avro.SourceFormat;
import java.util.List;

/** Reads one input format. Implementations are stateless and thread-safe. */
public interface StoryParser {

  /** The format this parser reads. */
  SourceFormat format();

  /**
   * One input document to one or more stories (feeds, JSON lines and ninjs arrays give several).
   * A document holding several stories returns the usable ones and throws only when none is
   * usable; use {@link #parseAll} to also learn which were rejected.
   */
  List<ParsedStory> parse(byte[] input, String origin) throws StoryParseException;

  /**
   * Every story of the document, and every story of it that was rejected, so that one bad item
   * never hides the good ones and is never silently dropped. Throws when the document as a whole
   * cannot be read.
   */
  default ParseOutcome parseAll(final byte[] input, final String origin)
      throws StoryParseException {
    return new ParseOutcome(parse(input, origin), List.of());
  }
}
