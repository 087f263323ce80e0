package io.wirestream.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The checks every document passes before any parser sees it, cheapest first, so that oversized,
 * empty, binary or mis-encoded input is refused without being parsed.
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
   * Size, emptiness, binary content, then UTF-8 validity.
   *
   * @return the decoded text, without a byte order mark
   */
  static String check(final byte[] input, final String origin, final long maxDocumentBytes)
      throws StoryParseException {
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
    checkNotBinary(input, origin);
    return decodeUtf8(input, origin);
  }

  /**
   * Strict UTF-8 decoding: the first malformed or unmappable sequence is an error naming its byte
   * offset, never a silently substituted character.
   */
  static String decodeUtf8(final byte[] input, final String origin) throws StoryParseException {
    final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    final ByteBuffer in = ByteBuffer.wrap(input);
    // UTF-8 never decodes to more chars than it has bytes.
    final CharBuffer out = CharBuffer.allocate(input.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      final int offset = in.position();
      throw new StoryParseException(RejectReason.INVALID_UTF8, origin, "byte " + offset,
          "invalid UTF-8: " + describeBytes(input, offset, result.length()) + " at byte " + offset
              + " (line " + lineOf(input, offset) + ") is not a valid UTF-8 sequence");
    }
    out.flip();
    return Text.stripBom(out.toString());
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
            "binary content: NUL byte at byte " + i + "; expected a UTF-8 text document");
      }
      if (i < sample && isControl(b)) {
        controlBytes++;
      }
    }
    if (controlBytes > sample * MAX_CONTROL_SHARE) {
      throw new StoryParseException(RejectReason.BINARY, origin, "byte 0",
          "binary content: " + controlBytes + " of the first " + sample
              + " bytes are control characters; expected a UTF-8 text document");
    }
  }

  private static boolean isControl(final int b) {
    return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F;
  }

  private static boolean startsWithBom(final byte[] input) {
    return input.length >= UTF8_BOM.length
        && input[0] == UTF8_BOM[0] && input[1] == UTF8_BOM[1] && input[2] == UTF8_BOM[2];
  }

  private static String describeBytes(final byte[] input, final int offset, final int length) {
    final StringBuilder hex = new StringBuilder();
    for (int i = offset; i < Math.min(input.length, offset + Math.max(1, length)); i++) {
      hex.append(hex.length() == 0 ? "" : " ").append(String.format("0x%02X", input[i] & 0xFF));
    }
    return "byte sequence " + hex;
  }

  private static int lineOf(final byte[] input, final int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (input[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
