package io.wirestream.enrich.countries;

import java.util.Arrays;

/**
 * Word tokens of a text: maximal runs of letters, digits and combining marks, as UTF-16 offsets.
 * Everything else (spaces, punctuation, apostrophes, hyphens) separates tokens, so a token
 * boundary is always a word boundary: "Oman" is never found inside "Romania", "Iran" not inside
 * "Irani", but "Iran" is found in "Iran-backed" and "China" in "China's".
 */
final class Tokens {

  private static final Tokens EMPTY = new Tokens(new int[0], new int[0], 0);

  private final int[] starts;
  private final int[] ends;
  private final int size;

  private Tokens(final int[] starts, final int[] ends, final int size) {
    this.starts = starts;
    this.ends = ends;
    this.size = size;
  }

  /** Tokenizes {@code text}. */
  static Tokens of(final String text) {
    if (text == null || text.isEmpty()) {
      return EMPTY;
    }
    int[] starts = new int[Math.max(8, text.length() / 5)];
    int[] ends = new int[starts.length];
    int size = 0;
    int i = 0;
    final int length = text.length();
    while (i < length) {
      final int cp = text.codePointAt(i);
      if (!isTokenChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      final int start = i;
      i += Character.charCount(cp);
      while (i < length) {
        final int next = text.codePointAt(i);
        if (!isTokenChar(next)) {
          break;
        }
        i += Character.charCount(next);
      }
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      starts[size] = start;
      ends[size] = i;
      size++;
    }
    return new Tokens(starts, ends, size);
  }

  /** Whether a code point belongs to a word token. */
  static boolean isTokenChar(final int codePoint) {
    if (Character.isLetterOrDigit(codePoint)) {
      return true;
    }
    final int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Whether {@code offset} is a word end: past the end of the text or not a token char. */
  static boolean isBoundary(final String text, final int offset) {
    return offset >= text.length() || !isTokenChar(text.codePointAt(offset));
  }

  /**
   * Canonical form of the text between two tokens: whitespace runs become one space, curly
   * apostrophes a straight one, dashes a hyphen; a lone space or hyphen becomes {@code "~"} so
   * that "Guinea Bissau" and "Guinea-Bissau" compare equal.
   */
  static String normalizeSeparator(final CharSequence text, final int from, final int to) {
    final StringBuilder out = new StringBuilder(to - from);
    boolean space = false;
    for (int i = from; i < to; i++) {
      final char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (!space) {
          out.append(' ');
        }
        space = true;
        continue;
      }
      space = false;
      out.append(normalizeChar(c));
    }
    final String sep = out.toString();
    return " ".equals(sep) || "-".equals(sep) ? "~" : sep;
  }

  private static char normalizeChar(final char c) {
    switch (c) {
      case '\u2019':
      case '\u2018':
      case '\u02BC':
      case '`':
        return '\'';
      case '\u2010':
      case '\u2011':
      case '\u2012':
      case '\u2013':
      case '\u2014':
        return '-';
      default:
        return c;
    }
  }

  int size() {
    return size;
  }

  int start(final int index) {
    return starts[index];
  }

  int end(final int index) {
    return ends[index];
  }
}
