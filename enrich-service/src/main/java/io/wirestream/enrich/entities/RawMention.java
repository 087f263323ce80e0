package io.wirestream.enrich.entities;

import io.wirestream.schemas.avro.EntityType;
import java.util.Objects;

/**
 * One CRF mention before merging: its type and where it sits in the text it was found in.
 *
 * <p>Offsets are Java string (UTF-16) indices into that text, {@code start} inclusive and
 * {@code end} exclusive, so {@code text.equals(fieldText.substring(start, end))}.
 *
 * @param type entity class as tagged by the CRF
 * @param start start offset, inclusive
 * @param end end offset, exclusive
 * @param text the surface text between {@code start} and {@code end}
 * @param confidence how sure the tagger is, in [0, 1]: for the CRF, the lowest marginal
 *     probability of the mention's label over its tokens
 * @param byLine whether the type comes from the shape of the line the mention is in (a dateline,
 *     a results line), not from the tagger: such a mention neither votes on nor takes the type
 *     other mentions of its surface have, because a dateline's city and the club named after it
 *     are different things
 */
public record RawMention(EntityType type, int start, int end, String text, double confidence,
    boolean byLine) {

  /** Checks that the offsets are a non-empty span and agree with the length of {@code text}. */
  public RawMention {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("Bad mention span [" + start + ", " + end + ") for '" + text + "'");
    }
    if (end - start != text.length()) {
      throw new IllegalArgumentException("Mention span [" + start + ", " + end + ") does not fit text '" + text
          + "' of length " + text.length());
    }
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("Mention confidence " + confidence + " of '" + text
          + "' is not in [0, 1]");
    }
  }

  /** A tagger's mention. */
  public RawMention(final EntityType type, final int start, final int end, final String text,
      final double confidence) {
    this(type, start, end, text, confidence, false);
  }

  /** A mention that a caller asserts outright (confidence 1). */
  public RawMention(final EntityType type, final int start, final int end, final String text) {
    this(type, start, end, text, 1.0);
  }

  /** The same span with another type and confidence. */
  public RawMention withType(final EntityType newType, final double newConfidence) {
    return new RawMention(newType, start, end, text, newConfidence, byLine);
  }

  /** The same span typed by its line (see {@link #byLine()}). */
  public RawMention typedByLine(final EntityType lineType) {
    return new RawMention(lineType, start, end, text, confidence, true);
  }
}
