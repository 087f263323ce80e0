package io.wirestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

  private static TextDecoding.Decoded decode(final byte[] input, final String contentType) {
    return TextDecoding.decode(input, TextDecoding.declaredCharset(input, contentType));
  }

  private static byte[] concat(final byte[]... parts) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (final byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void validUtf8ShouldBeReadWithoutAWarningAndWithoutItsBom() {
    final byte[] input = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "Grève à Lyon".getBytes(StandardCharsets.UTF_8));

    final TextDecoding.Decoded decoded = decode(input, null);

    assertThat(decoded.text()).isEqualTo("Grève à Lyon");
    assertThat(decoded.warnings()).isEmpty();
  }

  @Test
  void aUtf16ByteOrderMarkShouldDecide() {
    final byte[] input = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        "{\"headline\": \"Łódź\"}".getBytes(StandardCharsets.UTF_16LE));

    final TextDecoding.Decoded decoded = decode(input, "application/json; charset=ISO-8859-1");

    assertThat(decoded.text()).isEqualTo("{\"headline\": \"Łódź\"}");
    assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_16LE);
  }

  @Test
  void strayBytesInUtf8ShouldBeReadAsWindows1252OneByOne() {
    final byte[] input = concat("Zürich: ".getBytes(StandardCharsets.UTF_8),
        "café ".getBytes(StandardCharsets.ISO_8859_1),
        "und Straße".getBytes(StandardCharsets.UTF_8));

    final TextDecoding.Decoded decoded = decode(input, null);

    assertThat(decoded.text()).isEqualTo("Zürich: café und Straße");
    assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(decoded.warnings()).containsExactly(
        "charset-repaired: 1 byte(s) that are not valid UTF-8 were read as windows-1252");
  }

  @Test
  void latin1DeclaredAsUtf8ShouldFallBackAndSaySo() {
    final byte[] input = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>Pâte</rss>"
        .getBytes(StandardCharsets.ISO_8859_1);

    final TextDecoding.Decoded decoded = decode(input, null);

    assertThat(decoded.text()).endsWith("<rss>Pâte</rss>");
    assertThat(decoded.warnings()).containsExactly("charset-fallback: the bytes are not UTF-8"
        + " although UTF-8 was declared and no other charset is declared; read as windows-1252");
  }

  @Test
  void iso88591ShouldBeReadAsWindows1252SoItsQuotesAreQuotes() {
    final byte[] input = concat("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><p>".getBytes(
        StandardCharsets.US_ASCII), new byte[] {(byte) 0x93, 'a', (byte) 0x94, ' ', (byte) 0xE9},
        "</p>".getBytes(StandardCharsets.US_ASCII));

    final TextDecoding.Decoded decoded = decode(input, null);

    assertThat(decoded.text()).endsWith("<p>\u201Ca\u201D é</p>");
    assertThat(decoded.warnings()).isEmpty();
  }

  @Test
  void theXmlDeclarationShouldWinOverTheContentTypeWhichWinsOverNothing() {
    final byte[] cyrillic = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>Москва</t>"
        .getBytes(Charset.forName("windows-1251"));
    final byte[] json = "{\"headline\": \"Kraków\"}".getBytes(Charset.forName("ISO-8859-2"));

    assertThat(decode(cyrillic, "text/xml; charset=UTF-8").text()).endsWith("<t>Москва</t>");
    assertThat(decode(json, "application/json; charset=ISO-8859-2").text())
        .isEqualTo("{\"headline\": \"Kraków\"}");
  }

  @Test
  void anUnknownCharsetShouldBeNamedAndUtf8Read() {
    final byte[] input = "<?xml version=\"1.0\" encoding=\"x-made-up\"?><t>ok</t>"
        .getBytes(StandardCharsets.US_ASCII);

    final TextDecoding.Decoded decoded = decode(input, null);

    assertThat(decoded.text()).endsWith("<t>ok</t>");
    assertThat(decoded.warnings()).containsExactly(
        "charset-unknown: the declared charset 'X-MADE-UP' is not known; read as UTF-8");
  }
}
