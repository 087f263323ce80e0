package io.wirestream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.wirestream.schemas.avro.RawArticle;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedPollerRegressionTest {

  private final RecordingSink sink = new RecordingSink();
  private final IngestPipeline pipeline = new IngestPipeline(
      new StoryParsers(ParserConfig.defaults()), new VersionLedger(), sink,
      new IngestMetrics(new SimpleMeterRegistry()),
      Clock.fixed(Instant.parse("2024-06-12T10:15:30Z"), ZoneOffset.UTC));

  @Test
  void shouldPublishItemOnNextPollAfterItsPublishFailed() throws Exception {
    final byte[] feed = TestFixtures.bytes("feeds/lantern-bay-ledger.rss");
    final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/lantern-bay.rss", exchange -> {
      if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
        exchange.close();
        return;
      }
      exchange.getResponseHeaders().add("ETag", "\"v1\"");
      exchange.sendResponseHeaders(200, feed.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(feed);
      }
    });
    server.start();
    final URI uri =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/lantern-bay.rss");
    try (FeedPoller poller = FeedPoller.manual(List.of(uri), pipeline, 1 << 20)) {
      sink.failNextPublish(new IllegalStateException("broker down"));
      poller.poll(uri);

      final PollOutcome retry = poller.poll(uri);

      assertThat(retry).isEqualTo(PollOutcome.FETCHED);
      assertThat(sink.published()).extracting(RawArticle::getId).containsExactlyInAnyOrder(
          "lbl-2024-0609-mill", "lbl-2024-0610-slipway", "lbl-2024-0610-kayakers");
    } finally {
      server.stop(0);
    }
  }
}
