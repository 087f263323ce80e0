package io.wirestream.enrich.countries;

import java.util.List;
import java.util.Locale;

/**
 * One surface form of the gazetteer, pre-split into tokens so that matching a text is a few
 * region comparisons, never a regular expression. An entry without cues is a stop phrase: it
 * wins the longest match and yields nothing ("Indian Ocean" is not India).
 *
 * <p>Case rules: an exact-case entry (acronyms, all-caps forms) matches only as written ("US",
 * never "us" or "Us"). Other entries match a token written as stored, in ALL CAPS ("GENEVA"),
 * or, for a stored lower-case word such as "of", capitalized ("Republic Of Korea"); never in
 * lower case ("china").
 */
final class Entry {

  private final String surface;
  private final String[] tokens;
  private final boolean[] lowerTokens;
  private final String[] separators;
  private final String suffix;
  private final boolean exactCase;
  private final List<Gazetteer.Cue> cues;

  private Entry(final String surface, final String[] tokens, final String[] separators,
      final String suffix, final boolean exactCase, final List<Gazetteer.Cue> cues) {
    this.surface = surface;
    this.tokens = tokens;
    this.separators = separators;
    this.suffix = suffix;
    this.exactCase = exactCase;
    this.cues = List.copyOf(cues);
    this.lowerTokens = new boolean[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      lowerTokens[i] = tokens[i].equals(tokens[i].toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Splits a surface form into an entry; null when it has no token or does not start with one
   * (such a form could never be matched at a word start).
   */
  static Entry parse(final String surface, final List<Gazetteer.Cue> cues,
      final boolean exactCase) {
    final Tokens t = Tokens.of(surface);
    if (t.size() == 0 || t.start(0) != 0) {
      return null;
    }
    final String[] tokens = new String[t.size()];
    final String[] separators = new String[t.size() - 1];
    for (int i = 0; i < t.size(); i++) {
      tokens[i] = surface.substring(t.start(i), t.end(i));
      if (i > 0) {
        separators[i - 1] = Tokens.normalizeSeparator(surface, t.end(i - 1), t.start(i));
      }
    }
    final String suffix = surface.substring(t.end(t.size() - 1)).strip();
    return new Entry(surface, tokens, separators, suffix, exactCase, cues);
  }

  /** Index key: the first token in lower case. */
  String key() {
    return tokens[0].toLowerCase(Locale.ROOT);
  }

  String surface() {
    return surface;
  }

  int tokenCount() {
    return tokens.length;
  }

  int suffixLength() {
    return suffix.length();
  }

  boolean startsLowerCase() {
    return Character.isLowerCase(tokens[0].charAt(0));
  }

  List<Gazetteer.Cue> cues() {
    return cues;
  }

  /** End offset (exclusive) of this entry matched at token {@code index} of {@code text}, or -1. */
  int matchAt(final String text, final Tokens t, final int index) {
    if (index + tokens.length > t.size()) {
      return -1;
    }
    for (int j = 0; j < tokens.length; j++) {
      final int start = t.start(index + j);
      if (!tokenMatches(text, start, t.end(index + j), j)) {
        return -1;
      }
      if (j > 0 && !separators[j - 1].equals(
          Tokens.normalizeSeparator(text, t.end(index + j - 1), start))) {
        return -1;
      }
    }
    int end = t.end(index + tokens.length - 1);
    if (!suffix.isEmpty()) {
      if (!text.startsWith(suffix, end)) {
        return -1;
      }
      end += suffix.length();
      if (!Tokens.isBoundary(text, end)) {
        return -1;
      }
    }
    return end;
  }

  private boolean tokenMatches(final String text, final int start, final int end, final int j) {
    final String token = tokens[j];
    final int length = token.length();
    if (end - start != length) {
      return false;
    }
    if (text.regionMatches(false, start, token, 0, length)) {
      return true;
    }
    if (exactCase || !text.regionMatches(true, start, token, 0, length)) {
      return false;
    }
    if (hasNoLowerCase(text, start, end)) {
      return true; // ALL CAPS: datelines, shouted headlines
    }
    return lowerTokens[j] && Character.isUpperCase(text.charAt(start))
        && text.regionMatches(false, start + 1, token, 1, length - 1);
  }

  private static boolean hasNoLowerCase(final String text, final int start, final int end) {
    for (int i = start; i < end; i++) {
      if (Character.isLowerCase(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return surface + cues;
  }
}
