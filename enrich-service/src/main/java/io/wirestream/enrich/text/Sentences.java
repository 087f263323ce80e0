package io.wirestream.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small, fast rule-based sentence splitter for English wire copy (a single scan, no regex).
 *
 * <p>A sentence ends at a paragraph break (a blank line), or after {@code .}, {@code !}, {@code ?}
 * or an ellipsis (with any closing quotes or brackets after it) that is followed by whitespace and
 * then an upper-case letter, an opening quote or bracket, or a line break. A period does not end a
 * sentence after a title or month abbreviation ("Mr.", "Gen.", "Jan.") or an initial ("J. Smith");
 * after a dotted acronym or company suffix ("U.S.", "p.m.", "Inc.") it does only when a line break
 * or a typical sentence opener ("The", "He", "But", ...) follows. Decimals ("3.5") and dotted names
 * ("U.S.-led") never split, as no whitespace follows the period.
 *
 * <p>Offsets are Java string indices into the text (UTF-16 units), end exclusive; spans are trimmed
 * of surrounding whitespace, never empty, in text order and non-overlapping.
 */
public final class Sentences {

  /** Abbreviations after which a period never ends a sentence (lower case, without the dot). */
  private static final Set<String> ALWAYS_ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "rev", "hon", "fr", "sra",
      "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig", "cdr",
      "gov", "sen", "rep", "pres", "supt", "det", "insp", "amb", "atty", "sec",
      "st", "mt", "ft", "ave", "blvd", "rd", "vol", "fig", "vs", "approx",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "e.g", "i.e", "cf");

  /** Abbreviations that often end a sentence too: split only before a line or a typical opener. */
  private static final Set<String> AMBIGUOUS_ABBREVIATIONS = Set.of(
      "inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "al");

  /** Words that typically open a sentence; after "U.S." they mean a new sentence. */
  private static final Set<String> SENTENCE_OPENERS = Set.of(
      "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
      "those", "his", "her", "its", "their", "our", "there", "but", "and", "yet", "so", "in",
      "on", "at", "for", "after", "before", "when", "while", "if", "as", "some", "many", "most",
      "meanwhile", "however", "earlier", "later", "according", "both", "no", "one", "officials",
      "police", "what", "why", "how", "who", "where", "asked", "since", "despite", "still", "also",
      "under", "with", "without", "during", "last", "next", "other", "such", "each", "every");

  private Sentences() {
  }

  /**
   * One sentence: {@code text.substring(start, end)}.
   *
   * @param start index of the first character (inclusive)
   * @param end   index after the last character (exclusive)
   */
  public record Span(int start, int end) {

    /** Validates the offsets. */
    public Span {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
      }
    }

    /** The sentence text in the text it was split from. */
    public String text(final String source) {
      return source.substring(start, end);
    }

    /** Length in characters. */
    public int length() {
      return end - start;
    }

    /** Whether the offset lies within this sentence. */
    public boolean contains(final int offset) {
      return offset >= start && offset < end;
    }

    /** Whether {@code [from, to)} lies within this sentence. */
    public boolean contains(final int from, final int to) {
      return from >= start && to <= end;
    }
  }

  /** Splits {@code text} into sentences; an empty list for null or blank text. */
  public static List<Span> split(final String text) {
    final List<Span> spans = new ArrayList<>();
    if (text == null) {
      return spans;
    }
    final int n = text.length();
    int start = 0;
    int pos = 0;
    while (pos < n) {
      final char c = text.charAt(pos);
      if (c == '\n') {
        int k = pos + 1;
        while (k < n && isHorizontalSpace(text.charAt(k))) {
          k++;
        }
        if (k < n && text.charAt(k) == '\n') {
          // Paragraph break.
          emit(text, start, pos, spans);
          start = k + 1;
          pos = k + 1;
          continue;
        }
        pos++;
        continue;
      }
      if (!isTerminator(c)) {
        pos++;
        continue;
      }
      int k = pos;
      while (k < n && isTerminator(text.charAt(k))) {
        k++;
      }
      final int termEnd = k;
      while (k < n && isCloser(text.charAt(k))) {
        k++;
      }
      final int sentenceEnd = k;
      if (k >= n || !Character.isWhitespace(text.charAt(k))) {
        pos = Math.max(termEnd, pos + 1);
        continue;
      }
      int m = k;
      int newlines = 0;
      while (m < n && Character.isWhitespace(text.charAt(m))) {
        if (text.charAt(m) == '\n') {
          newlines++;
        }
        m++;
      }
      if (m >= n) {
        break;
      }
      if (newlines >= 2 || endsSentence(text, pos, termEnd, m, newlines > 0)) {
        emit(text, start, sentenceEnd, spans);
        start = m;
        pos = m;
      } else {
        pos = m;
      }
    }
    emit(text, start, n, spans);
    return spans;
  }

  /**
   * Whether the terminator run {@code text[pos, termEnd)} ends a sentence, given that whitespace
   * (with a line break when {@code newline}) and then {@code text[next]} follow it.
   */
  private static boolean endsSentence(final String text, final int pos, final int termEnd,
      final int next, final boolean newline) {
    final char following = text.charAt(next);
    if (!newline && !Character.isUpperCase(following) && !Character.isTitleCase(following)
        && !isOpener(following)) {
      return false;
    }
    if (text.charAt(pos) != '.' || termEnd - pos != 1) {
      return true;
    }
    // A single period: look at the word before it.
    int ws = pos;
    while (ws > 0 && isWordChar(text.charAt(ws - 1))) {
      ws--;
    }
    if (ws == pos) {
      return true;
    }
    final String word = text.substring(ws, pos);
    final String lower = word.toLowerCase(Locale.ROOT);
    if (ALWAYS_ABBREVIATIONS.contains(lower)) {
      return false;
    }
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      // An initial ("J. Smith"), unless the line ends there.
      return newline;
    }
    if (isDottedAcronym(word) || AMBIGUOUS_ABBREVIATIONS.contains(lower)) {
      return newline || SENTENCE_OPENERS.contains(nextWord(text, next));
    }
    return true;
  }

  /** Letters with inner periods ("U.S", "a.m", "Ph.D"), not a number such as "3.5". */
  private static boolean isDottedAcronym(final String word) {
    if (word.indexOf('.') < 0) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      final char c = word.charAt(i);
      if (c != '.' && !Character.isLetter(c)) {
        return false;
      }
    }
    return true;
  }

  /** The lower-case word starting at {@code from} (letters only, after an opening quote). */
  private static String nextWord(final String text, final int from) {
    int s = from;
    while (s < text.length() && isOpener(text.charAt(s))) {
      s++;
    }
    int e = s;
    while (e < text.length() && Character.isLetter(text.charAt(e))) {
      e++;
    }
    return text.substring(s, e).toLowerCase(Locale.ROOT);
  }

  private static void emit(final String text, final int from, final int to,
      final List<Span> spans) {
    int s = from;
    int e = to;
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e > s) {
      spans.add(new Span(s, e));
    }
  }

  private static boolean isTerminator(final char c) {
    return c == '.' || c == '!' || c == '?' || c == '\u2026';
  }

  private static boolean isCloser(final char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019'
        || c == '\u00BB';
  }

  private static boolean isOpener(final char c) {
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == '\u201C' || c == '\u2018'
        || c == '\u00AB';
  }

  /** Characters of a word or dotted abbreviation before a period ("U.S", "Mr", "3.5"). */
  private static boolean isWordChar(final char c) {
    return Character.isLetterOrDigit(c) || c == '.';
  }

  private static boolean isHorizontalSpace(final char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\u00A0' || c == '\f';
  }
}
