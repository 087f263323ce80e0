package io.wirestream.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Whitespace normalization shared by every parser, so equal stories compare equal. Hand-written
 * loops rather than regular expressions: this runs on every line of every story.
 */
final class Text {

  private Text() {
  }

  /** Single spaces, trimmed; null stays null. */
  static String normalize(final String text) {
    if (text == null || isNormalized(text)) {
      // Most text already is: checking is a read-only scan, rebuilding would copy every story.
      return text;
    }
    final String stripped = text.strip();
    if (isNormalized(stripped)) {
      // The next most common case: only a trailing or leading space.
      return stripped;
    }
    final char[] normalized = new char[text.length()];
    int length = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      final char c = text.charAt(i);
      if (isSpace(c)) {
        pendingSpace = length > 0;
      } else {
        if (pendingSpace) {
          normalized[length++] = ' ';
          pendingSpace = false;
        }
        normalized[length++] = c;
      }
    }
    return new String(normalized, 0, length);
  }

  /** True when the text has no leading, trailing, doubled or non-space whitespace. */
  static boolean isNormalized(final String text) {
    if (text.isEmpty()) {
      return true;
    }
    if (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ' || text.contains("  ")) {
      return false;
    }
    // One cheap comparison per character; only control characters, spaces and non-ASCII
    // characters need a closer look (String.contains above is a vectorized intrinsic).
    for (int i = 0; i < text.length(); i++) {
      final char c = text.charAt(i);
      if ((c < ' ' || c > '~') && isSpace(c)) {
        return false;
      }
    }
    return true;
  }

  /** As {@link #normalize}, but blank text becomes null. */
  static String normalizeOrNull(final String text) {
    final String normalized = normalize(text);
    return normalized == null || normalized.isEmpty() ? null : normalized;
  }

  /**
   * Plain text to paragraphs: every non-blank line is a paragraph. Wire plain-text bodies put one
   * paragraph per line (with or without blank lines between), so a line break is a paragraph end.
   */
  static List<String> plainParagraphs(final String text) {
    final List<String> paragraphs = new ArrayList<>();
    if (text == null) {
      return paragraphs;
    }
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      final int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      final String line = normalize(text.substring(start, lineEnd));
      if (!line.isEmpty()) {
        paragraphs.add(line);
      }
      start = end + 1;
    }
    return paragraphs;
  }

  /** The number of space-separated words, counting no further than {@code limit}. */
  static int countWords(final String text, final int limit) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length() && words < limit; i++) {
      final boolean space = isSpace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /** Whether the text ends a sentence: with '.', '!' or '?'. */
  static boolean endsSentence(final String text) {
    if (text.isEmpty()) {
      return false;
    }
    final char last = text.charAt(text.length() - 1);
    return last == '.' || last == '!' || last == '?';
  }

  /** Drops a leading byte order mark, which some editors write even in UTF-8. */
  static String stripBom(final String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Whitespace, including the no-break and typographic spaces agencies use. */
  static boolean isSpace(final char c) {
    if (c < 128) {
      // ASCII first: the Unicode tables cost more than the rest of the scan on wire copy.
      return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF'
        || c == '\u200B';
  }
}
