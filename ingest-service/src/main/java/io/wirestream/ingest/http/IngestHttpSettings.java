package io.wirestream.ingest.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP endpoint is served, including the timeouts that keep a slow or stalled client from
 * holding a request thread.
 *
 * @param host interface to bind (127.0.0.1 unless told otherwise)
 * @param port port, 0 for any free one
 * @param token when present, POST needs {@code Authorization: Bearer <token>}
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param idleTimeout a connection on which nothing arrives for this long is closed (a request
 *     whose body stalls gets 408 first)
 * @param bodyTimeout the whole request body must arrive within this time, or 408: a client
 *     trickling bytes just often enough to beat the idle timeout is cut off too
 */
public record IngestHttpSettings(String host, int port, Optional<String> token,
    long maxBodyBytes, Duration idleTimeout, Duration bodyTimeout) {

  /** 30 s, Jetty's own default, now stated. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /** 60 s: a 10 MiB document at under 200 KB/s still makes it. */
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(60);

  public IngestHttpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
    requirePositive(idleTimeout, "idleTimeout");
    requirePositive(bodyTimeout, "bodyTimeout");
  }

  /** With the default timeouts. */
  public IngestHttpSettings(final String host, final int port, final Optional<String> token,
      final long maxBodyBytes) {
    this(host, port, token, maxBodyBytes, DEFAULT_IDLE_TIMEOUT, DEFAULT_BODY_TIMEOUT);
  }

  public IngestHttpSettings withTimeouts(final Duration idle, final Duration body) {
    return new IngestHttpSettings(host, port, token, maxBodyBytes, idle, body);
  }

  private static void requirePositive(final Duration duration, final String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
