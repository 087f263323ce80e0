package io.wirestream.ingest.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fixtures under {@code src/test/resources/fixtures}, for tests outside the parse package. */
public final class TestFixtures {

  private TestFixtures() {
  }

  /** The bytes of {@code fixtures/<path>}. */
  public static byte[] bytes(final String path) {
    try (InputStream in = TestFixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture as UTF-8 text. */
  public static String text(final String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  /** Text as UTF-8 bytes. */
  public static byte[] utf8(final String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
