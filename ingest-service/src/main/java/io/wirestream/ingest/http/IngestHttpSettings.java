package io.wirestream.ingest.http;

import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP endpoint is served.
 *
 * @param host interface to bind (127.0.0.1 unless told otherwise)
 * @param port port, 0 for any free one
 * @param token when present, POST needs {@code Authorization: Bearer <token>}
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 */
public record IngestHttpSettings(String host, int port, Optional<String> token,
    long maxBodyBytes) {

  public IngestHttpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
  }
}
