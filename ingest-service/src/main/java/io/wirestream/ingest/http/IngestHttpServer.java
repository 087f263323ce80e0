package io.wirestream.ingest.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.ingest.parse.DocumentContext;
import io.wirestream.ingest.parse.RejectReason;
import io.wirestream.ingest.pipeline.DocumentResult;
import io.wirestream.ingest.pipeline.Formats;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.pipeline.Rejection;
import io.wirestream.ingest.pipeline.StoryResult;
import io.wirestream.schemas.avro.SourceFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP way in. {@code POST /v1/articles} takes any supported format (one story, a batch or a
 * feed; {@code ?format=} or an unambiguous Content-Type forces one) and answers 202 with the ids and
 * versions once the broker acknowledged them; 400 with the specific reason when nothing could be
 * read; 401 without the token when one is configured; 413 over the size limit; 503 when the broker
 * did not acknowledge; 408 when the body does not arrive within the body timeout or stalls past
 * the idle timeout; 415 for media types that cannot hold a story document (a multipart form
 * upload, an image). Also {@code GET /health/live}, {@code GET /health/ready} and
 * {@code GET /metrics} (Prometheus text format).
 */
public final class IngestHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestHttpServer.class);
  private static final long ACK_TIMEOUT_SECONDS = 30;

  private final Javalin app;
  private final IngestHttpSettings settings;
  private final IngestPipeline pipeline;

  private IngestHttpServer(final IngestHttpSettings settings, final IngestPipeline pipeline,
      final PrometheusMeterRegistry meters, final BooleanSupplier ready) {
    this.settings = settings;
    this.pipeline = pipeline;
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      // The body is read here with our own bound; Javalin's must not cut in first.
      config.http.maxRequestSize = Long.MAX_VALUE;
      // Jetty reuses header values per connection matching them case-insensitively, which would
      // let a token that differs only in case through on a kept-alive connection.
      config.jetty.modifyHttpConfiguration(http -> {
        http.setHeaderCacheCaseSensitive(true);
        // Bounds each blocking read of a request body: a stalled upload ends in 408.
        http.setIdleTimeout(settings.idleTimeout().toMillis());
      });
      // Bounds a connection on which nothing arrives, e.g. one that sent half its headers.
      // Connectors are only all there when the server starts.
      config.jetty.modifyServer(server -> server.addEventListener(new LifeCycle.Listener() {
        @Override
        public void lifeCycleStarting(final LifeCycle event) {
          for (final Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector bounded) {
              bounded.setIdleTimeout(settings.idleTimeout().toMillis());
            }
          }
        }
      }));
    });
    app.post("/v1/articles", this::postArticles);
    app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
    app.get("/health/ready", ctx -> {
      final boolean up = ready.getAsBoolean();
      ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
          .json(Map.of("status", up ? "UP" : "DOWN"));
    });
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(meters.scrape()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
      ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
          .json(error("INTERNAL", "unexpected error: " + e.getClass().getSimpleName(), ""));
    });
  }

  /** Starts serving; {@link #port()} tells the port when 0 was asked for. */
  public static IngestHttpServer start(final IngestHttpSettings settings,
      final IngestPipeline pipeline, final PrometheusMeterRegistry meters,
      final BooleanSupplier ready) {
    final IngestHttpServer server = new IngestHttpServer(settings, pipeline, meters, ready);
    server.app.start(settings.host(), settings.port());
    LOG.info("Ingest HTTP endpoint on http://{}:{}", settings.host(), server.port());
    return server;
  }

  /** The port served. */
  public int port() {
    return app.port();
  }

  private void postArticles(final Context ctx) throws IOException {
    if (!authorized(ctx)) {
      ctx.header("WWW-Authenticate", "Bearer")
          .status(HttpStatus.UNAUTHORIZED)
          .json(error("UNAUTHORIZED", "missing or wrong bearer token", ""));
      return;
    }
    if (isNeverADocument(ctx.contentType())) {
      ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).json(error("UNSUPPORTED_MEDIA_TYPE",
          "Content-Type " + ctx.contentType() + " cannot hold a story document; send the document"
              + " itself (e.g. curl --data-binary @story.xml), not a form upload", ""));
      return;
    }
    final Optional<byte[]> body;
    try {
      body = boundedBody(ctx);
    } catch (final BodyTimeoutException e) {
      LOG.warn("Request body from {} not received in time: {}", ctx.ip(), e.getMessage());
      ctx.status(HttpStatus.REQUEST_TIMEOUT).json(error("REQUEST_TIMEOUT", e.getMessage(), ""));
      return;
    }
    if (body.isEmpty()) {
      ctx.status(HttpStatus.CONTENT_TOO_LARGE).json(error(RejectReason.TOO_LARGE.name(),
          "request body is over the limit of " + settings.maxBodyBytes() + " bytes", ""));
      return;
    }
    final Optional<SourceFormat> format;
    final String formatParam = ctx.queryParam("format");
    if (formatParam != null) {
      format = Formats.fromName(formatParam);
      if (format.isEmpty()) {
        ctx.status(HttpStatus.BAD_REQUEST).json(error("UNKNOWN_FORMAT", "unknown format '"
            + formatParam + "'; one of " + Formats.NAMES, ""));
        return;
      }
    } else {
      format = Formats.fromMediaType(ctx.contentType());
    }
    final DocumentResult result =
        pipeline.ingest(body.get(), "http:" + ctx.ip(), format, false,
            DocumentContext.ofContentType(ctx.contentType()));
    if (result.stories().isEmpty()) {
      final Rejection first = result.rejections().get(0);
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of(
          "error", first.reason().name(), "message", first.message(),
          "position", first.position(), "rejected", rejections(result)));
      return;
    }
    respondAccepted(ctx, result);
  }

  private void respondAccepted(final Context ctx, final DocumentResult result) {
    final List<Map<String, Object>> accepted = new ArrayList<>();
    for (final StoryResult story : result.stories()) {
      try {
        story.acknowledged().get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (final ExecutionException | TimeoutException e) {
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(error("NOT_ACKNOWLEDGED",
            "story " + story.id() + " was not acknowledged by Kafka: " + e, ""));
        return;
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(error("INTERRUPTED", "interrupted", ""));
        return;
      }
      final Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", story.id());
      item.put("version", story.version());
      item.put("outcome", story.outcome().name());
      accepted.add(item);
    }
    ctx.status(HttpStatus.ACCEPTED).json(Map.of("accepted", accepted,
        "rejected", rejections(result)));
  }

  private boolean authorized(final Context ctx) {
    if (settings.token().isEmpty()) {
      return true;
    }
    final String header = ctx.header("Authorization");
    // The scheme name is case-insensitive (RFC 7235); the token is not.
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    // Constant-time comparison: the time taken must not reveal how much of the token matched.
    return MessageDigest.isEqual(settings.token().get().getBytes(StandardCharsets.UTF_8),
        header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The body, or empty when it is over the limit (checked before reading when it is declared).
   *
   * @throws BodyTimeoutException when the body stalls past the idle timeout or is not complete
   *     within the body timeout
   */
  private Optional<byte[]> boundedBody(final Context ctx) throws BodyTimeoutException {
    final long declared = ctx.req().getContentLengthLong();
    if (declared > settings.maxBodyBytes()) {
      return Optional.empty();
    }
    final long limit = Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1);
    final long deadline = System.nanoTime() + settings.bodyTimeout().toNanos();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    final byte[] buffer = new byte[8192];
    try (InputStream in = ctx.bodyInputStream()) {
      while (body.size() < limit) {
        // Each read blocks at most the idle timeout (Jetty's); the loop at most the body timeout.
        final int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - body.size()));
        if (read < 0) {
          break;
        }
        body.write(buffer, 0, read);
        if (System.nanoTime() - deadline > 0) {
          throw new BodyTimeoutException("request body not complete after "
              + settings.bodyTimeout().toSeconds() + " s (" + body.size() + " bytes received)");
        }
      }
    } catch (final IOException e) {
      throw new BodyTimeoutException("request body stalled or broke off after " + body.size()
          + " bytes (idle timeout " + settings.idleTimeout().toSeconds() + " s): " + e);
    }
    return body.size() > settings.maxBodyBytes()
        ? Optional.empty() : Optional.of(body.toByteArray());
  }

  /** Media types that are never a story document: a form upload wraps it, the rest are media. */
  private static boolean isNeverADocument(final String contentType) {
    if (contentType == null) {
      return false;
    }
    final String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("multipart/") || type.startsWith("image/")
        || type.startsWith("audio/") || type.startsWith("video/") || type.startsWith("font/");
  }

  /** The request body did not arrive in time. */
  private static final class BodyTimeoutException extends Exception {
    BodyTimeoutException(final String message) {
      super(message);
    }
  }

  private static List<Map<String, String>> rejections(final DocumentResult result) {
    return result.rejections().stream().map(r -> error(r.reason().name(), r.message(),
        r.position())).toList();
  }

  private static Map<String, String> error(final String reason, final String message,
      final String position) {
    final Map<String, String> body = new LinkedHashMap<>();
    body.put("error", reason);
    body.put("message", message);
    body.put("position", position);
    return body;
  }

  @Override
  public void close() {
    app.stop();
  }

  @Override
  public String toString() {
    return "IngestHttpServer[" + settings.host() + ":" + port() + "]";
  }
}
