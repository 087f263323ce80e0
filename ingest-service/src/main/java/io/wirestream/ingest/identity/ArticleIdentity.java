package io.wirestream.ingest.identity;

import io.wirestream.ingest.parse.ParsedStory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Who a story is and what it says. The id is stable across versions: the agency's guid or uri
 * when given, otherwise a hash of source, headline and body (so a story without a guid is a new id
 * when its text changes; agencies that send updates give guids). The content hash changes exactly
 * when the normalized headline or body does, so a re-send with other whitespace, Unicode form or
 * quote style is recognized as unchanged.
 */
public final class ArticleIdentity {

  /** Prefix of ids derived from content, so they cannot collide with an agency guid. */
  public static final String DERIVED_ID_PREFIX = "ws-";

  private static final HexFormat HEX = HexFormat.of();

  private ArticleIdentity() {
  }

  /** The article id: the source guid, or {@code ws-} and 20 hex digits of a content hash. */
  public static String articleId(final ParsedStory story) {
    if (story.sourceGuid() != null && !story.sourceGuid().isBlank()) {
      return story.sourceGuid().strip();
    }
    final String source = story.source() == null ? "" : normalize(story.source());
    final String key = source.toLowerCase(Locale.ROOT) + '\n'
        + normalize(story.headline()).toLowerCase(Locale.ROOT) + '\n'
        + normalize(story.body()).toLowerCase(Locale.ROOT);
    return DERIVED_ID_PREFIX + sha256Hex(key).substring(0, 20);
  }

  /** Lower-case hex SHA-256 of the normalized headline and body. */
  public static String contentHash(final ParsedStory story) {
    return sha256Hex(normalize(story.headline()) + '\n' + normalize(story.body()));
  }

  /**
   * NFKC, typographic quotes and dashes folded to ASCII, whitespace runs collapsed to one space:
   * differences that feeds introduce without changing what a story says.
   */
  static String normalize(final String text) {
    // Each step first checks whether it has anything to do: most wire text is plain ASCII.
    final String composed = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
        : Normalizer.normalize(text, Normalizer.Form.NFKC);
    final char[] folded = new char[composed.length()];
    int length = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < composed.length(); i++) {
      final char c = composed.charAt(i);
      if (isSpace(c)) {
        pendingSpace = length > 0;
        continue;
      }
      if (pendingSpace) {
        folded[length++] = ' ';
        pendingSpace = false;
      }
      folded[length++] = fold(c);
    }
    return new String(folded, 0, length);
  }

  private static boolean isSpace(final char c) {
    if (c < 128) {
      return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static char fold(final char c) {
    return switch (c) {
      case '\u2018', '\u2019' -> '\'';
      case '\u201C', '\u201D' -> '"';
      case '\u2013', '\u2014' -> '-';
      default -> c;
    };
  }

  private static String sha256Hex(final String text) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
