package io.wirestream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.pipeline.RecordingSink;
import io.wirestream.ingest.pipeline.TestFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestHttpServerRegressionTest {

  private static final String TOKEN = "s3cret-desk-token";
  private static final String EMPTY_FEED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<rss version=\"2.0\"><channel><title>Lantern Bay Ledger</title>"
      + "<link>https://ledger.example/lantern-bay</link><description>Quiet day</description>"
      + "</channel></rss>";
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final RecordingSink sink = new RecordingSink();
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final IngestPipeline pipeline = new IngestPipeline(
      new StoryParsers(ParserConfig.defaults()), new VersionLedger(), sink,
      new IngestMetrics(meters), Clock.fixed(Instant.parse("2024-06-12T10:15:30Z"),
      ZoneOffset.UTC));

  private IngestHttpServer start(final Optional<String> token) {
    return IngestHttpServer.start(new IngestHttpSettings("127.0.0.1", 0, token,
        ParserConfig.DEFAULT_MAX_DOCUMENT_BYTES), pipeline, meters, () -> true);
  }

  private static HttpResponse<String> post(final IngestHttpServer server, final byte[] body,
      final String... headers) throws Exception {
    final HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/v1/articles"))
        .timeout(Duration.ofSeconds(30)).POST(BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }

  @Test
  void shouldAnswer400ForFeedWithoutItems() throws Exception {
    try (IngestHttpServer server = start(Optional.empty())) {
      final HttpResponse<String> response = post(server, TestFixtures.utf8(EMPTY_FEED));

      assertThat(response.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void shouldAnswer401ForTokenDifferingOnlyInCaseAfterRightTokenOnSameConnection()
      throws Exception {
    try (IngestHttpServer server = start(Optional.of(TOKEN))) {
      final HttpResponse<String> right = post(server,
          TestFixtures.bytes("ninjs/ninjs1-body-text.json"), "Authorization", "Bearer " + TOKEN);

      final HttpResponse<String> wrongCase = post(server,
          TestFixtures.bytes("ninjs/ninjs1-body-html.json"), "Authorization",
          "Bearer S3CRET-DESK-TOKEN");

      assertThat(right.statusCode()).isEqualTo(202);
      assertThat(wrongCase.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void shouldAcceptBearerSchemeInAnyCase() throws Exception {
    try (IngestHttpServer server = start(Optional.of(TOKEN))) {
      final HttpResponse<String> response = post(server,
          TestFixtures.bytes("ninjs/ninjs1-body-text.json"), "Authorization", "bearer " + TOKEN);

      assertThat(response.statusCode()).isEqualTo(202);
    }
  }
}
