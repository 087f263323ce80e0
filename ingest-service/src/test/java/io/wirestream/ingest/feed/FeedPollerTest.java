package io.wirestream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.ingest.feed.FeedPoller.PollOutcome;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.pipeline.RecordingSink;
import io.wirestream.ingest.pipeline.TestFixtures;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.RawArticle;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FeedPollerTest {

  private static final String FEED = "feeds/lantern-bay-ledger.rss";
  private static final String EDITED_FEED = "feeds/lantern-bay-ledger-edited.rss";
  private static final List<String> GUIDS = List.of("lbl-2024-0609-mill", "lbl-2024-0610-slipway",
      "lbl-2024-0610-kayakers");

  private final RecordingSink sink = new RecordingSink();
  private final IngestPipeline pipeline = new IngestPipeline(
      new StoryParsers(ParserConfig.defaults()), new VersionLedger(), sink,
      new IngestMetrics(new SimpleMeterRegistry()),
      Clock.fixed(Instant.parse("2024-06-12T10:15:30Z"), ZoneOffset.UTC));

  /** What the feed server answers: status, validators and body. */
  private record Answer(int status, String etag, String lastModified, byte[] body) {

    static Answer ok(final String etag, final byte[] body) {
      return new Answer(200, etag, null, body);
    }
  }

  /**
   * A feed on the JDK's HTTP server, bound to 127.0.0.1 on a free port. Answers 304 when the
   * request's If-None-Match or If-Modified-Since matches the current answer, and records the
   * conditional headers of every request.
   */
  private static final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<Answer> answer;
    private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    private final List<String> ifModifiedSince = new CopyOnWriteArrayList<>();

    FeedServer(final Answer first) throws IOException {
      this.answer = new AtomicReference<>(first);
      this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/lantern-bay.rss", this::handle);
      server.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/lantern-bay.rss");
    }

    void answer(final Answer next) {
      answer.set(next);
    }

    private void handle(final HttpExchange exchange) throws IOException {
      final String etagAsked = exchange.getRequestHeaders().getFirst("If-None-Match");
      final String sinceAsked = exchange.getRequestHeaders().getFirst("If-Modified-Since");
      ifNoneMatch.add(String.valueOf(etagAsked));
      ifModifiedSince.add(String.valueOf(sinceAsked));
      final Answer current = answer.get();
      if (current.status() == 200 && (current.etag() != null && current.etag().equals(etagAsked)
          || current.lastModified() != null && current.lastModified().equals(sinceAsked))) {
        exchange.sendResponseHeaders(304, -1);
        exchange.close();
        return;
      }
      if (current.etag() != null) {
        exchange.getResponseHeaders().add("ETag", current.etag());
      }
      if (current.lastModified() != null) {
        exchange.getResponseHeaders().add("Last-Modified", current.lastModified());
      }
      exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
      exchange.sendResponseHeaders(current.status(), current.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(current.body());
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private FeedPoller poller(final URI feed) {
    return FeedPoller.manual(List.of(feed), pipeline, ParserConfig.DEFAULT_MAX_DOCUMENT_BYTES);
  }

  @Test
  void shouldFetchAndPublishEveryItemOnFirstPoll() throws Exception {
    try (FeedServer server = new FeedServer(Answer.ok("\"v1\"", TestFixtures.bytes(FEED)));
        FeedPoller poller = poller(server.uri())) {
      final PollOutcome outcome = poller.poll(server.uri());

      assertThat(outcome).isEqualTo(PollOutcome.FETCHED);
      assertThat(sink.published()).extracting(RawArticle::getId, RawArticle::getVersion)
          .containsExactly(tuple(GUIDS.get(0), 1), tuple(GUIDS.get(1), 1),
              tuple(GUIDS.get(2), 1));
      assertThat(sink.published()).extracting(RawArticle::getSource)
          .containsOnly("Lantern Bay Ledger");
    }
  }

  @Test
  void shouldSendNoValidatorsOnFirstPoll() throws Exception {
    try (FeedServer server = new FeedServer(Answer.ok("\"v1\"", TestFixtures.bytes(FEED)));
        FeedPoller poller = poller(server.uri())) {
      poller.poll(server.uri());

      assertThat(server.ifNoneMatch).containsExactly("null");
      assertThat(server.ifModifiedSince).containsExactly("null");
    }
  }

  @Test
  void shouldSendIfNoneMatchAndReportNotModifiedOnSecondPoll() throws Exception {
    try (FeedServer server = new FeedServer(Answer.ok("\"v1\"", TestFixtures.bytes(FEED)));
        FeedPoller poller = poller(server.uri())) {
      poller.poll(server.uri());

      final PollOutcome second = poller.poll(server.uri());

      assertThat(second).isEqualTo(PollOutcome.NOT_MODIFIED);
      assertThat(server.ifNoneMatch).containsExactly("null", "\"v1\"");
      assertThat(sink.published()).hasSize(3);
    }
  }

  @Test
  void shouldSendIfModifiedSinceWhenServerGaveLastModified() throws Exception {
    final String lastModified = "Mon, 10 Jun 2024 17:00:00 GMT";
    try (FeedServer server = new FeedServer(
            new Answer(200, null, lastModified, TestFixtures.bytes(FEED)));
        FeedPoller poller = poller(server.uri())) {
      poller.poll(server.uri());

      final PollOutcome second = poller.poll(server.uri());

      assertThat(second).isEqualTo(PollOutcome.NOT_MODIFIED);
      assertThat(server.ifModifiedSince).containsExactly("null", lastModified);
      assertThat(server.ifNoneMatch).containsExactly("null", "null");
    }
  }

  @Test
  void shouldRepublishOnlyEditedItemWhenFeedChanges() throws Exception {
    try (FeedServer server = new FeedServer(Answer.ok("\"v1\"", TestFixtures.bytes(FEED)));
        FeedPoller poller = poller(server.uri())) {
      poller.poll(server.uri());
      server.answer(Answer.ok("\"v2\"", TestFixtures.bytes(EDITED_FEED)));

      final PollOutcome changed = poller.poll(server.uri());

      assertThat(changed).isEqualTo(PollOutcome.FETCHED);
      assertThat(server.ifNoneMatch).containsExactly("null", "\"v1\"");
      assertThat(sink.published()).hasSize(4);
      assertThat(sink.published().get(3)).satisfies(article -> {
        assertThat(article.getId()).isEqualTo("lbl-2024-0610-slipway");
        assertThat(article.getVersion()).isEqualTo(2);
        assertThat(article.getBody()).isEqualTo("The harbour council approved a second slipway"
            + " for small fishing boats on Monday by seven votes to two.");
      });
    }
  }

  @Test
  void shouldAskWithNewEtagAfterFeedChanged() throws Exception {
    try (FeedServer server = new FeedServer(Answer.ok("\"v1\"", TestFixtures.bytes(FEED)));
        FeedPoller poller = poller(server.uri())) {
      poller.poll(server.uri());
      server.answer(Answer.ok("\"v2\"", TestFixtures.bytes(EDITED_FEED)));
      poller.poll(server.uri());

      final PollOutcome third = poller.poll(server.uri());

      assertThat(third).isEqualTo(PollOutcome.NOT_MODIFIED);
      assertThat(server.ifNoneMatch).containsExactly("null", "\"v1\"", "\"v2\"");
      assertThat(sink.published()).hasSize(4);
    }
  }

  @Test
  void shouldReportFailedAndPublishNothingOnServerError() throws Exception {
    try (FeedServer server = new FeedServer(
            new Answer(500, null, null, TestFixtures.bytes(FEED)));
        FeedPoller poller = poller(server.uri())) {
      final PollOutcome outcome = poller.poll(server.uri());

      assertThat(outcome).isEqualTo(PollOutcome.FAILED);
      assertThat(sink.published()).isEmpty();
      assertThat(sink.deadLetters()).isEmpty();
    }
  }

  @Test
  void shouldFetchAgainWithoutValidatorsAfterServerError() throws Exception {
    try (FeedServer server = new FeedServer(
            new Answer(500, "\"v1\"", null, TestFixtures.bytes(FEED)));
        FeedPoller poller = poller(server.uri())) {
      poller.poll(server.uri());
      server.answer(Answer.ok("\"v1\"", TestFixtures.bytes(FEED)));

      final PollOutcome recovered = poller.poll(server.uri());

      assertThat(recovered).isEqualTo(PollOutcome.FETCHED);
      assertThat(server.ifNoneMatch).containsExactly("null", "null");
      assertThat(sink.published()).hasSize(3);
    }
  }

  @Test
  void shouldReportFailedWhenFeedIsUnreachable() throws Exception {
    final URI gone;
    try (FeedServer server = new FeedServer(Answer.ok("\"v1\"", TestFixtures.bytes(FEED)))) {
      gone = server.uri();
    }
    try (FeedPoller poller = poller(gone)) {
      assertThat(poller.poll(gone)).isEqualTo(PollOutcome.FAILED);
      assertThat(sink.published()).isEmpty();
    }
  }

  @Test
  void shouldRefuseNonHttpUri() {
    final URI file = URI.create("file:///srv/feeds/lantern-bay.rss");

    assertThatThrownBy(() -> FeedPoller.manual(List.of(file), pipeline, 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file:///srv/feeds/lantern-bay.rss");
  }

  @Test
  void shouldDeadLetterUnreadableFeedBody() throws Exception {
    final byte[] truncated = TestFixtures.utf8("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
        + "<channel><title>Lantern Bay Ledger</title><item><title>Half an item");
    try (FeedServer server = new FeedServer(Answer.ok("\"broken\"", truncated));
        FeedPoller poller = poller(server.uri())) {
      final PollOutcome outcome = poller.poll(server.uri());

      assertThat(outcome).isEqualTo(PollOutcome.FETCHED);
      assertThat(sink.published()).isEmpty();
      assertThat(sink.deadLetters()).extracting(DeadLetter::getStage, DeadLetter::getOrigin,
              DeadLetter::getErrorClass)
          .containsExactly(tuple(DeadLetterStage.INGEST, server.uri().toString(),
              "io.wirestream.ingest.parse.StoryParseException/MALFORMED_XML"));
    }
  }
}
