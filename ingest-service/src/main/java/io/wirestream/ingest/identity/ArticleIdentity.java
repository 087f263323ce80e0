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

  /**
   * Lower-case hex SHA-256 of the normalized headline and body: the same bytes as
   * {@code normalize(headline) + "\n" + normalize(body)} in UTF-8, fed to the digest as they are
   * produced rather than built into strings first (this runs on every story).
   */
  public static String contentHash(final ParsedStory story) {
    final MessageDigest digest = sha256();
    final Utf8Feed feed = new Utf8Feed(digest, story.headline().length() + story.body().length());
    feed.normalized(story.headline());
    feed.put('\n');
    feed.normalized(story.body());
    feed.flush();
    return HEX.formatHex(digest.digest());
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
    return HEX.formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  /** Normalized text, encoded as UTF-8 into a digest through a small buffer. */
  private static final class Utf8Feed {

    private final MessageDigest digest;
    private final byte[] buffer;
    private int length;

    Utf8Feed(final MessageDigest digest, final int expectedChars) {
      this.digest = digest;
      this.buffer = new byte[Math.min(16 * 1024, Math.max(64, expectedChars * 3))];
    }

    /** What {@link #normalize} would give, encoded. */
    void normalized(final String text) {
      final String composed = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
          : Normalizer.normalize(text, Normalizer.Form.NFKC);
      boolean pendingSpace = false;
      boolean started = false;
      for (int i = 0; i < composed.length(); i++) {
        final char c = composed.charAt(i);
        if (isSpace(c)) {
          pendingSpace = started;
          continue;
        }
        if (pendingSpace) {
          put(' ');
          pendingSpace = false;
        }
        started = true;
        final char folded = fold(c);
        if (Character.isHighSurrogate(folded) && i + 1 < composed.length()
            && Character.isLowSurrogate(composed.charAt(i + 1))) {
          putCodePoint(Character.toCodePoint(folded, composed.charAt(++i)));
        } else if (Character.isSurrogate(folded)) {
          put('?'); // As String.getBytes does for a lone surrogate.
        } else {
          putCodePoint(folded);
        }
      }
    }

    void put(final char ascii) {
      if (length == buffer.length) {
        flush();
      }
      buffer[length++] = (byte) ascii;
    }

    private void putCodePoint(final int cp) {
      if (length + 4 > buffer.length) {
        flush();
      }
      if (cp < 0x80) {
        buffer[length++] = (byte) cp;
      } else if (cp < 0x800) {
        buffer[length++] = (byte) (0xC0 | cp >> 6);
        buffer[length++] = (byte) (0x80 | cp & 0x3F);
      } else if (cp < 0x10000) {
        buffer[length++] = (byte) (0xE0 | cp >> 12);
        buffer[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buffer[length++] = (byte) (0x80 | cp & 0x3F);
      } else {
        buffer[length++] = (byte) (0xF0 | cp >> 18);
        buffer[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
        buffer[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buffer[length++] = (byte) (0x80 | cp & 0x3F);
      }
    }

    void flush() {
      digest.update(buffer, 0, length);
      length = 0;
    }
  }
}
