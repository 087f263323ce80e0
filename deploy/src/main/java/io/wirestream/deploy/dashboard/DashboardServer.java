package io.wirestream.deploy.dashboard;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.util.function.LongSupplier;

/**
 * Serves the live page: static assets bundled in the jar (no CDN: the page works offline) and
 * {@code GET /api/dashboard}, the current {@link DashboardSnapshot} as JSON, which the page polls.
 */
public final class DashboardServer implements AutoCloseable {

  static final String ASSETS = "/io/wirestream/deploy/dashboard";

  private final Javalin app;

  private DashboardServer(final DashboardState state, final LongSupplier clock) {
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.staticFiles.add(ASSETS, Location.CLASSPATH);
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
