package io.wirestream.ingest.feed;

import io.wirestream.ingest.parse.DocumentContext;
import io.wirestream.ingest.pipeline.Acknowledgements;
import io.wirestream.ingest.pipeline.DocumentResult;
import io.wirestream.ingest.pipeline.IngestPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS/Atom feeds on an interval with conditional GETs (ETag / Last-Modified), so an unchanged
 * feed costs one 304. Each item is published once: a re-fetched item is an unchanged re-send to the
 * ledger; an edited one is a new version. Unreadable feeds go to the dead-letter topic.
 */
public final class FeedPoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ACK_TIMEOUT = Duration.ofMinutes(2);

  private final List<URI> feeds;
  private final Map<URI, ZoneId> zones;
  private final IngestPipeline pipeline;
  private final long maxBytes;
  private final HttpClient http;
  private final Map<URI, Validators> validators = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;

  /** What the server said last time, to ask "changed since?". */
  private record Validators(String etag, String lastModified) {
  }

  /** The result of one poll of one feed. */
  public enum PollOutcome {
    /** The feed was fetched and ingested. */
    FETCHED,
    /** The server said 304 Not Modified. */
    NOT_MODIFIED,
    /** The server answered with an error, or could not be reached. */
    FAILED
  }

  private FeedPoller(final List<URI> feeds, final Map<URI, ZoneId> zones,
      final IngestPipeline pipeline, final long maxBytes) {
    feeds.forEach(FeedPoller::requireHttp);
    this.feeds = List.copyOf(feeds);
    this.zones = Map.copyOf(zones);
    this.pipeline = pipeline;
    this.maxBytes = maxBytes;
    this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      final Thread thread = new Thread(runnable, "feed-poller");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A poller that does not run by itself: call {@link #poll} (for tests and one-shot runs). */
  public static FeedPoller manual(final List<URI> feeds, final IngestPipeline pipeline,
      final long maxBytes) {
    return manual(feeds, Map.of(), pipeline, maxBytes);
  }

  /**
   * As {@link #manual(List, IngestPipeline, long)}, each feed in {@code zones} having its
   * zone-less timestamps read in its own zone.
   */
  public static FeedPoller manual(final List<URI> feeds, final Map<URI, ZoneId> zones,
      final IngestPipeline pipeline, final long maxBytes) {
    return new FeedPoller(feeds, zones, pipeline, maxBytes);
  }

  /**
   * Polls every feed now and then every {@code interval}; a feed in {@code zones} has its
   * zone-less timestamps read in its own zone, the others in the configured default.
   */
  public static FeedPoller start(final List<URI> feeds, final Map<URI, ZoneId> zones,
      final Duration interval, final IngestPipeline pipeline, final long maxBytes) {
    final FeedPoller poller = new FeedPoller(feeds, zones, pipeline, maxBytes);
    poller.scheduler.scheduleWithFixedDelay(poller::pollAll, 0, interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return poller;
  }

  private void pollAll() {
    for (final URI feed : feeds) {
      poll(feed);
    }
  }

  private static void requireHttp(final URI feed) {
    if (!"http".equals(feed.getScheme()) && !"https".equals(feed.getScheme())) {
      throw new IllegalArgumentException("--feed takes http(s) URLs; read files as PATH: " + feed);
    }
  }

  /**
   * Polls one feed once. Never throws for what the network or the feed does: a failure is logged
   * and tried again next time.
   *
   * @throws IllegalArgumentException when the URI is not http(s)
   */
  public PollOutcome poll(final URI feed) {
    requireHttp(feed);
    try {
      final HttpRequest.Builder request = HttpRequest.newBuilder(feed).timeout(REQUEST_TIMEOUT)
          .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9");
      final Validators previous = validators.get(feed);
      if (previous != null && previous.etag() != null) {
        request.header("If-None-Match", previous.etag());
      }
      if (previous != null && previous.lastModified() != null) {
        request.header("If-Modified-Since", previous.lastModified());
      }
      final HttpResponse<InputStream> response =
          http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() == 304) {
        response.body().close();
        return PollOutcome.NOT_MODIFIED;
      }
      final byte[] body;
      try (InputStream in = response.body()) {
        // One byte over the limit is enough for the parser to reject it as too large.
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
      if (response.statusCode() != 200) {
        LOG.warn("Feed {} answered HTTP {}; trying again next interval", feed,
            response.statusCode());
        return PollOutcome.FAILED;
      }
      // The Content-Type's charset counts when the feed itself declares none.
      final DocumentContext context = new DocumentContext(
          response.headers().firstValue("Content-Type").orElse(null), zones.get(feed));
      final DocumentResult result =
          pipeline.ingest(body, feed.toString(), Optional.empty(), true, context);
      if (Acknowledgements.allAcknowledged(result, ACK_TIMEOUT)) {
        // Only now may the next poll say "unchanged since": a story that failed must come again.
        validators.put(feed, new Validators(response.headers().firstValue("ETag").orElse(null),
            response.headers().firstValue("Last-Modified").orElse(null)));
      } else {
        validators.remove(feed);
        LOG.warn("Feed {}: some items were not acknowledged; the whole feed is read again next"
            + " interval", feed);
      }
      LOG.info("Feed {}: {} item(s), {} rejected", feed, result.stories().size(),
          result.rejections().size());
      return PollOutcome.FETCHED;
    } catch (final IOException e) {
      LOG.warn("Feed {} could not be fetched: {}; trying again next interval", feed, e.toString());
      return PollOutcome.FAILED;
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      return PollOutcome.FAILED;
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
