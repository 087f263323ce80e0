package io.wirestream.deploy.dashboard;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Serves the live page: static assets bundled in the jar (no CDN: the page works offline) and
 * {@code GET /api/dashboard}, the current {@link DashboardSnapshot} as JSON, which the page polls.
 * The three assets are read once at start and served by explicit routes: Jetty's classpath
 * directory resources inside a jar proved unreliable when other servers shared the JVM.
 */
public final class DashboardServer implements AutoCloseable {

  static final String ASSETS = "/io/wirestream/deploy/dashboard/";
  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "index.html", "text/html; charset=utf-8",
      "dashboard.js", "text/javascript; charset=utf-8",
      "dashboard.css", "text/css; charset=utf-8");

  private final Javalin app;

  private DashboardServer(final DashboardState state, final LongSupplier clock) {
    this.app = Javalin.create(config -> config.showJavalinBanner = false);
    CONTENT_TYPES.forEach((name, type) -> {
      final byte[] asset = asset(name);
      app.get(name.equals("index.html") ? "/" : "/" + name, ctx -> ctx.contentType(type)
          .header("Cache-Control", "no-cache").result(asset));
    });
    app.get("/api/dashboard", ctx -> ctx.header("Cache-Control", "no-store")
        .json(state.snapshot(clock.getAsLong())));
  }

  /** Starts serving on host:port (port 0: any free one). */
  public static DashboardServer start(final String host, final int port,
      final DashboardState state, final LongSupplier clock) {
    final DashboardServer server = new DashboardServer(state, clock);
    server.app.start(host, port);
    return server;
  }

  private static byte[] asset(final String name) {
    try (InputStream in = DashboardServer.class.getResourceAsStream(ASSETS + name)) {
      if (in == null) {
        throw new IllegalStateException("Dashboard asset " + ASSETS + name + " is not in the jar");
      }
      return in.readAllBytes();
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot read dashboard asset " + name, e);
    }
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  @Override
  public String toString() {
    return "dashboard on port " + port();
  }
}
