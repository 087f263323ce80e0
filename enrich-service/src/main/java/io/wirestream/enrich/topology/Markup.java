package io.wirestream.enrich.topology;

/**
 * Tells a body that is mostly HTML or XML tags from story text. news.raw.v1 carries plain text
 * (ingest strips markup); a body that is mostly tags, such as 50,000 nested {@code <div>}s, was
 * written by something else and gives the NLP nothing but a huge token run to chew on.
 */
final class Markup {

  /** A tag longer than this is not taken for one (a lone {@code <} in text, then a far {@code >}). */
  private static final int MAX_TAG_CHARS = 256;

  private Markup() {
  }

  /** Characters of {@code text} inside tags ({@code <p>}, {@code </div>}, {@code <!-- -->}). */
  static int tagChars(final String text) {
    int inTags = 0;
    int i = 0;
    while (i < text.length()) {
      final int end = text.charAt(i) == '<' ? tagEnd(text, i) : -1;
      if (end > 0) {
        inTags += end - i + 1;
        i = end + 1;
      } else {
        i++;
      }
    }
    return inTags;
  }

  /** Whether more than half of the text is tags. */
  static boolean isMostlyMarkup(final String text) {
    return !text.isEmpty() && tagChars(text) * 2L > text.length();
  }

  /** The index of the {@code >} closing a tag opened at {@code start}, or -1. */
  private static int tagEnd(final String text, final int start) {
    if (start + 1 >= text.length()) {
      return -1;
    }
    final char first = text.charAt(start + 1);
    if (!Character.isLetter(first) && first != '/' && first != '!' && first != '?') {
      return -1;
    }
    final int limit = Math.min(text.length(), start + MAX_TAG_CHARS);
    for (int i = start + 1; i < limit; i++) {
      final char c = text.charAt(i);
      if (c == '>') {
        return i;
      }
      if (c == '<') {
        return -1;
      }
    }
    return -1;
  }
}
