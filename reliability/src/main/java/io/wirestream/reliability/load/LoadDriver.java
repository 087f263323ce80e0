package io.wirestream.reliability.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts one new story at a time to the ingest HTTP endpoint at a steady rate (each id exactly once,
 * never retried, so any story in the output twice is a duplicate), with a bounded number of
 * requests in flight, and records what the endpoint said about each: 202 means the brokers
 * acknowledged it and it must come out enriched.
 */
public final class LoadDriver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_IN_FLIGHT = 128;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

  private final URI endpoint;
  private final StoryFactory stories;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
      runnable -> {
        final Thread thread = new Thread(runnable, "load-driver");
        thread.setDaemon(true);
        return thread;
      });
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicLong next;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong maxLatencyMs = new AtomicLong();
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
  private final List<String> refusedIds = Collections.synchronizedList(new ArrayList<>());
  private final long startedNanos = System.nanoTime();
  private ScheduledFuture<?> schedule;

  private LoadDriver(final URI endpoint, final StoryFactory stories, final long firstIndex) {
    this.endpoint = endpoint;
    this.stories = stories;
    this.next = new AtomicLong(firstIndex);
  }

  /** Starts posting to {@code endpoint} ({@code http://host:port/v1/articles}) at {@code perSecond}. */
  public static LoadDriver start(final URI endpoint, final StoryFactory stories,
      final long firstIndex, final double perSecond) {
    final LoadDriver driver = new LoadDriver(endpoint, stories, firstIndex);
    driver.setRate(perSecond);
    return driver;
  }

  /** Changes the rate from now on. */
  public synchronized void setRate(final double perSecond) {
    if (schedule != null) {
      schedule.cancel(false);
    }
    final long periodMicros = Math.max(1, Math.round(1_000_000 / perSecond));
    schedule = ticker.scheduleAtFixedRate(this::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
  }

  /** Ids accepted so far. */
  public int acceptedSoFar() {
    return accepted.size();
  }

  /** The index the next story will get. */
  public long nextIndex() {
    return next.get();
  }

  /** Stops sending, waits (bounded) for the answers in flight, and reports. */
  public LoadReport stop() throws InterruptedException {
    synchronized (this) {
      if (schedule != null) {
        schedule.cancel(false);
      }
    }
    ticker.shutdown();
    ticker.awaitTermination(5, TimeUnit.SECONDS);
    final long seconds = System.nanoTime() - startedNanos;
    if (inFlight.tryAcquire(MAX_IN_FLIGHT, REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
      inFlight.release(MAX_IN_FLIGHT);
    }
    final Map<String, Long> refusedCounts = new TreeMap<>();
    refused.forEach((status, count) -> refusedCounts.put(status, count.get()));
    synchronized (refusedIds) {
      return new LoadReport(sent.get(), Set.copyOf(accepted), refusedCounts,
          List.copyOf(refusedIds), skipped.get(), maxLatencyMs.get(), seconds / 1e9);
    }
  }

  /** Stops sending if {@link #stop()} was not called; the report is dropped. */
  @Override
  public void close() {
    if (!ticker.isShutdown()) {
      try {
        stop();
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void tick() {
    if (!inFlight.tryAcquire()) {
      skipped.incrementAndGet();
      return;
    }
    final long n = next.getAndIncrement();
    final String id = stories.id(n);
    final HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(stories.story(n))).build();
    final long started = System.nanoTime();
    sent.incrementAndGet();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
      try {
        maxLatencyMs.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
        if (error != null) {
          refuse(id, "error: " + rootCause(error).getClass().getSimpleName());
        } else if (response.statusCode() == 202) {
          acceptedIds(response.body(), id).forEach(accepted::add);
        } else {
          refuse(id, Integer.toString(response.statusCode()));
        }
      } finally {
        inFlight.release();
      }
    });
  }

  private void refuse(final String id, final String status) {
    refused.computeIfAbsent(status, key -> new AtomicLong()).incrementAndGet();
    refusedIds.add(id);
  }

  /** The ids in a 202 body ({@code {"accepted":[{"id":...}]}}); the sent id if it has none. */
  private static List<String> acceptedIds(final String body, final String sentId) {
    try {
      final JsonNode items = JSON.readTree(body).path("accepted");
      final List<String> ids = new ArrayList<>();
      items.forEach(item -> ids.add(item.path("id").asText(sentId)));
      return ids.isEmpty() ? List.of(sentId) : ids;
    } catch (final IOException e) {
      return List.of(sentId);
    }
  }

  private static Throwable rootCause(final Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
