package io.wirestream.ingest.parse;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bytes to text the way feed readers do it: a byte order mark decides; else the XML declaration
 * (ROME's {@link XmlReader}, which also applies the HTTP {@code Content-Type} charset of a fetched
 * feed or a push, RFC 3023); else UTF-8. Text that is not valid in its charset is never refused
 * whole: UTF-8 that is not UTF-8 at all is read as windows-1252 (what an undeclared Latin-1 or
 * windows-1252 file is), stray bad sequences in otherwise valid UTF-8 are read as windows-1252
 * one by one, and either way the document carries a warning naming what was done.
 */
final class TextDecoding {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** windows-1252 as a table: each byte's character (the five unassigned bytes as U+FFFD). */
  private static final char[] WINDOWS_1252_CHARS = windows1252Table();

  /**
   * Decoded text.
   *
   * @param text the document, without a byte order mark
   * @param charset the charset it was read in
   * @param warnings what was assumed or repaired, as {@code code: detail}; empty when nothing was
   */
  record Decoded(String text, Charset charset, List<String> warnings) {

    Decoded {
      warnings = List.copyOf(warnings);
    }
  }

  private TextDecoding() {
  }

  /**
   * The charset the document declares: its byte order mark, then its XML declaration, then the
   * {@code Content-Type} charset; {@code null} when none declares one (the caller reads UTF-8).
   */
  static String declaredCharset(final byte[] input, final String contentType) {
    final String bom = bomCharset(input);
    if (bom != null) {
      return bom;
    }
    final boolean declaresXml = startsWithXmlDeclaration(input);
    final boolean contentTypeCharset = contentType != null
        && contentType.toLowerCase(Locale.ROOT).contains("charset=");
    if (!declaresXml && !contentTypeCharset) {
      return null;
    }
    // ROME's lenient detection: the XML declaration first, then the Content-Type charset.
    try (XmlReader reader = contentTypeCharset
        ? new XmlReader(new ByteArrayInputStream(input), contentType, true, "UTF-8")
        : new XmlReader(new ByteArrayInputStream(input), true, "UTF-8")) {
      return reader.getEncoding();
    } catch (final UnsupportedEncodingException e) {
      // A charset the JDK does not know: its name, so that decoding can say what it ignored.
      return e.getMessage();
    } catch (final IOException e) {
      // No '>' in the first 4 KB of something starting "<?xml": it declares nothing usable.
      return null;
    }
  }

  /**
   * The text of {@code input} in the charset it declares, or UTF-8.
   *
   * @param declared what {@link #declaredCharset} found, or null
   */
  static Decoded decode(final byte[] input, final String declared) {
    final List<String> warnings = new ArrayList<>();
    Charset charset = StandardCharsets.UTF_8;
    if (declared != null) {
      try {
        charset = Charset.forName(declared);
      } catch (final IllegalCharsetNameException | UnsupportedCharsetException e) {
        warnings.add("charset-unknown: the declared charset '" + declared
            + "' is not known; read as UTF-8");
      }
    }
    if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
      // As browsers do (WHATWG Encoding): these labels mean windows-1252, of which both are a
      // subset for text, and bytes 0x80-0x9F are its typographic quotes and dashes, never the
      // C1 controls they would be in ISO-8859-1. ASCII that is in truth UTF-8 stays UTF-8.
      if (charset.equals(StandardCharsets.US_ASCII) && isUtf8(input)) {
        return new Decoded(strict(input, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
            warnings);
      }
      return new Decoded(windows1252(input, 0), WINDOWS_1252, warnings);
    }
    if (charset.equals(StandardCharsets.UTF_8)) {
      return utf8(input, declared != null, warnings);
    }
    final String text = strict(input, charset);
    if (text != null) {
      return new Decoded(Text.stripBom(text), charset, warnings);
    }
    final String replaced = Text.stripBom(new String(input, charset));
    warnings.add("charset-repaired: the text is not valid " + charset.name()
        + "; unreadable sequences were replaced with U+FFFD");
    return new Decoded(replaced, charset, warnings);
  }

  /** The Unicode byte order mark's charset, or null. */
  static String bomCharset(final byte[] input) {
    if (input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB
        && (input[2] & 0xFF) == 0xBF) {
      return "UTF-8";
    }
    if (input.length >= 2 && (input[0] & 0xFF) == 0xFE && (input[1] & 0xFF) == 0xFF) {
      return "UTF-16BE";
    }
    if (input.length >= 2 && (input[0] & 0xFF) == 0xFF && (input[1] & 0xFF) == 0xFE) {
      return "UTF-16LE";
    }
    return null;
  }

  /** Whether the charset puts ASCII text in single bytes, so byte-level checks apply. */
  static boolean isAsciiCompatible(final String charsetName) {
    if (charsetName == null) {
      return true;
    }
    final String name = charsetName.toUpperCase(Locale.ROOT);
    return !name.startsWith("UTF-16") && !name.startsWith("UTF-32") && !name.equals("UCS-2")
        && !name.startsWith("CP1047") && !name.startsWith("IBM");
  }

  private static boolean startsWithXmlDeclaration(final byte[] input) {
    return input.length >= 5 && input[0] == '<' && input[1] == '?' && input[2] == 'x'
        && input[3] == 'm' && input[4] == 'l';
  }

  private static Decoded utf8(final byte[] input, final boolean declared,
      final List<String> warnings) {
    final String text = strict(input, StandardCharsets.UTF_8);
    if (text != null) {
      return new Decoded(Text.stripBom(text), StandardCharsets.UTF_8, warnings);
    }
    final int[] repaired = new int[1];
    final String mixed = Text.stripBom(utf8Repairing(input, repaired));
    final int nonAscii = nonAsciiBytes(input);
    final String said = declared ? " although UTF-8 was declared" : "";
    if (repaired[0] == nonAscii) {
      // Not one valid UTF-8 sequence: the whole file is in a single-byte charset.
      warnings.add("charset-fallback: the bytes are not UTF-8" + said
          + " and no other charset is declared; read as windows-1252");
      return new Decoded(mixed, WINDOWS_1252, warnings);
    }
    warnings.add("charset-repaired: " + repaired[0] + " byte(s) that are not valid UTF-8" + said
        + " were read as windows-1252");
    return new Decoded(mixed, StandardCharsets.UTF_8, warnings);
  }

  /** The text, or null at the first malformed or unmappable sequence. */
  private static String strict(final byte[] input, final Charset charset) {
    final CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    final CharBuffer out = CharBuffer.allocate(
        (int) Math.ceil(input.length * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(ByteBuffer.wrap(input), out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      return null;
    }
    out.flip();
    return out.toString();
  }

  private static boolean isUtf8(final byte[] input) {
    return strict(input, StandardCharsets.UTF_8) != null;
  }

  /** UTF-8, where each malformed sequence's bytes are read as windows-1252 characters. */
  private static String utf8Repairing(final byte[] input, final int[] repairedBytes) {
    final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    final ByteBuffer in = ByteBuffer.wrap(input);
    // UTF-8 never gives more chars than bytes, nor does windows-1252.
    final CharBuffer out = CharBuffer.allocate(input.length + 1);
    while (true) {
      final CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          out.put(WINDOWS_1252_CHARS[in.get() & 0xFF]);
        }
        repairedBytes[0] += result.length();
      } else {
        decoder.flush(out);
        break;
      }
    }
    out.flip();
    return out.toString();
  }

  private static String windows1252(final byte[] input, final int from) {
    final char[] chars = new char[input.length - from];
    for (int i = from; i < input.length; i++) {
      chars[i - from] = WINDOWS_1252_CHARS[input[i] & 0xFF];
    }
    return new String(chars);
  }

  private static int nonAsciiBytes(final byte[] input) {
    int count = 0;
    for (final byte b : input) {
      if (b < 0) {
        count++;
      }
    }
    return count;
  }

  private static char[] windows1252Table() {
    final byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    // The JDK's decoder makes the table; its replacement covers the five unassigned bytes.
    final String decoded = new String(all, WINDOWS_1252);
    return decoded.toCharArray();
  }
}
