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
 */
public record RawMention(EntityType type, int start, int end, String text) {

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
  }
}
