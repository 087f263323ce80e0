package io.wirestream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.ingest.feed.FeedPoller;
import io.wirestream.ingest.http.IngestHttpServer;
import io.wirestream.ingest.http.IngestHttpSettings;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.publish.IngestConfig;
import io.wirestream.ingest.publish.KafkaStorySink;
import io.wirestream.ingest.publish.TopicInitializer;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP endpoint and the feed poller publishing to the real devstack broker and registry. */
@Tag("integration")
@Timeout(120)
@ExtendWith(DevStackExtension.class)
class IngestEndpointsIT {

  private static final String TOKEN = "it-token-" + UUID.randomUUID();
  private final KafkaStack stack;
  private final HttpClient http = HttpClient.newHttpClient();
  private IngestConfig config;
  private KafkaStorySink sink;
  private IngestPipeline pipeline;

  IngestEndpointsIT(final KafkaStack stack) {
    this.stack = stack;
  }

  @BeforeEach
  void start() {
    final String suffix = UUID.randomUUID().toString();
    config = IngestConfig.of(stack.bootstrapServers(), stack.schemaRegistryUrl())
        .withTopics("it-raw-" + suffix, "it-dlq-" + suffix);
    TopicInitializer.ensureTopics(config);
    sink = new KafkaStorySink(config);
    pipeline = new IngestPipeline(new StoryParsers(config.parser()), new VersionLedger(), sink,
        new IngestMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)),
        Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    sink.close();
  }

  private static byte[] fixture(final String name) throws IOException {
    try (InputStream in = IngestEndpointsIT.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    }
  }

  private HttpResponse<String> post(final int port, final byte[] body, final String token)
      throws Exception {
    final HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/v1/articles"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void postedStoriesShouldBeAcknowledgedOnlyOnceTheyAreOnTheTopic() throws Exception {
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (IngestHttpServer server = IngestHttpServer.start(new IngestHttpSettings("127.0.0.1", 0,
        Optional.of(TOKEN), 1024 * 1024), pipeline, meters, sink::ready)) {
      assertThat(post(server.port(), fixture("ninjs/ninjs1-body-text.json"), null).statusCode())
          .isEqualTo(401);
      final HttpResponse<String> junk = post(server.port(), new byte[] {0, 1, 2, 0}, TOKEN);
      assertThat(junk.statusCode()).isEqualTo(400);
      assertThat(junk.body()).contains("\"error\":\"BINARY\"");

      final HttpResponse<String> accepted =
          post(server.port(), fixture("ninjs/ninjs1-body-text.json"), TOKEN);

      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      final JsonNode item = new ObjectMapper().readTree(accepted.body()).path("accepted").get(0);
      assertThat(item.path("id").asText()).isEqualTo("urn:newsml:northwind.example:20190314:nw-0342");
      assertThat(item.path("version").asInt()).isEqualTo(3);
      final List<ConsumerRecord<String, RawArticle>> records =
          ContractReader.read(stack, config.rawTopic(), Topics.RAW, 1);
      assertThat(records).singleElement().satisfies(r -> {
        assertThat(r.key()).isEqualTo(item.path("id").asText());
        assertThat(r.value().getVersion()).isEqualTo(3);
      });
      final HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + server.port() + "/health/ready")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aPolledFeedShouldPublishEachItemOnce() throws Exception {
    final byte[] feed = fixture("feeds/northwind-wire.atom");
    final HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/feed.atom", exchange -> {
      exchange.getRequestBody().readAllBytes();
      // No validators: the server sends the whole feed every time, the ledger still dedupes.
      exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
      exchange.sendResponseHeaders(200, feed.length);
      exchange.getResponseBody().write(feed);
      exchange.close();
    });
    server.start();
    try (FeedPoller poller = FeedPoller.manual(List.of(), pipeline, 1024 * 1024)) {
      final URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.atom");
      assertThat(poller.poll(url)).isEqualTo(FeedPoller.PollOutcome.FETCHED);
      assertThat(poller.poll(url)).isEqualTo(FeedPoller.PollOutcome.FETCHED);
    } finally {
      server.stop(0);
    }
    sink.flush();

    assertThat(ContractReader.read(stack, config.rawTopic(), Topics.RAW, 2))
        .extracting(r -> r.value().getHeadline())
        .containsExactlyInAnyOrder("Rates held at 3.5% & outlook unchanged",
            "Harbour cranes idle as wind gusts top 90 km/h");
  }
}
