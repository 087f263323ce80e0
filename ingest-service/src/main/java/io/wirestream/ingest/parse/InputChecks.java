package io.wirestream.ingest.parse;

/**
 * The checks every document passes before any parser sees it, cheapest first, so that oversized,
 * empty or binary input is refused without being parsed, and text is read in its charset.
 */
final class InputChecks {

  /** Control bytes in the first this-many bytes decide whether input is binary. */
  private static final int BINARY_SAMPLE_BYTES = 8192;
  /** More than this share of control bytes in the sample means binary. */
  private static final double MAX_CONTROL_SHARE = 0.10;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private InputChecks() {
  }

  /**
   * Size, emptiness, binary content, then the text in its charset ({@link TextDecoding}).
   *
   * @param contentType the HTTP Content-Type the document came with, or null
   * @return the decoded text, without a byte order mark, with what decoding had to assume
   */
  static TextDecoding.Decoded check(final byte[] input, final String origin,
      final long maxDocumentBytes, final String contentType) throws StoryParseException {
    // The length alone decides: a huge input is refused before a single byte is looked at.
    if (input.length > maxDocumentBytes) {
      throw new StoryParseException(RejectReason.TOO_LARGE, origin, "byte " + maxDocumentBytes,
          "document is " + input.length + " bytes, over the limit of " + maxDocumentBytes
              + " bytes");
    }
    if (isBlank(input)) {
      throw new StoryParseException(RejectReason.EMPTY, origin, "byte 0",
          input.length == 0 ? "document is empty" : "document holds only whitespace");
    }
    final String declared = TextDecoding.declaredCharset(input, contentType);
    final boolean wide = !TextDecoding.isAsciiCompatible(declared);
    if (!wide) {
      // UTF-16 text is full of NUL bytes; it is checked as characters once decoded.
      checkNotBinary(input, origin);
    }
    final TextDecoding.Decoded decoded = TextDecoding.decode(input, declared);
    if (wide) {
      checkNotBinary(decoded.text(), origin);
    }
    if (decoded.text().isBlank()) {
      throw new StoryParseException(RejectReason.EMPTY, origin, "byte 0",
          "document holds only whitespace");
    }
    return decoded;
  }

  /** As {@link #check(byte[], String, long, String)} without a Content-Type. */
  static TextDecoding.Decoded check(final byte[] input, final String origin,
      final long maxDocumentBytes) throws StoryParseException {
    return check(input, origin, maxDocumentBytes, null);
  }

  private static boolean isBlank(final byte[] input) {
    final int start = startsWithBom(input) ? UTF8_BOM.length : 0;
    for (int i = start; i < input.length; i++) {
      final byte b = input[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        return false;
      }
    }
    return true;
  }

  private static void checkNotBinary(final byte[] input, final String origin)
      throws StoryParseException {
    int controlBytes = 0;
    final int sample = Math.min(input.length, BINARY_SAMPLE_BYTES);
    for (int i = 0; i < input.length; i++) {
      final int b = input[i] & 0xFF;
      if (b == 0) {
        throw new StoryParseException(RejectReason.BINARY, origin, "byte " + i,
            "binary content: NUL byte at byte " + i + "; expected a text document");
      }
      if (i < sample && isControl(b)) {
        controlBytes++;
      }
    }
    if (controlBytes > sample * MAX_CONTROL_SHARE) {
      throw new StoryParseException(RejectReason.BINARY, origin, "byte 0",
          "binary content: " + controlBytes + " of the first " + sample
              + " bytes are control characters; expected a text document");
    }
  }

  private static void checkNotBinary(final String text, final String origin)
      throws StoryParseException {
    int controls = 0;
    final int sample = Math.min(text.length(), BINARY_SAMPLE_BYTES);
    for (int i = 0; i < text.length(); i++) {
      final char c = text.charAt(i);
      if (c == 0) {
        throw new StoryParseException(RejectReason.BINARY, origin, "character " + i,
            "binary content: NUL character at character " + i + "; expected a text document");
      }
      if (i < sample && isControl(c)) {
        controls++;
      }
    }
    if (controls > sample * MAX_CONTROL_SHARE) {
      throw new StoryParseException(RejectReason.BINARY, origin, "character 0",
          "binary content: " + controls + " of the first " + sample
              + " characters are control characters; expected a text document");
    }
  }

  private static boolean isControl(final int b) {
    return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F;
  }

  private static boolean startsWithBom(final byte[] input) {
    return input.length >= UTF8_BOM.length
        && input[0] == UTF8_BOM[0] && input[1] == UTF8_BOM[1] && input[2] == UTF8_BOM[2];
  }
}
