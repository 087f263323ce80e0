package io.wirestream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.pipeline.RecordingSink;
import io.wirestream.ingest.pipeline.TestFixtures;
import io.wirestream.schemas.avro.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IngestHttpServerTest {

  private static final long ONE_KIB = 1024;
  private static final String TOKEN = "s3cret-desk-token";
  private static final String NINJS = "ninjs/ninjs1-body-text.json";
  private static final String NINJS_ID = "urn:newsml:northwind.example:20190314:nw-0342";
  private static final byte[] JUNK = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0,
      0, '\r', 'I', 'H', 'D', 'R'};
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final RecordingSink sink = new RecordingSink();
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final IngestPipeline pipeline = new IngestPipeline(
      new StoryParsers(ParserConfig.defaults()), new VersionLedger(), sink,
      new IngestMetrics(meters), Clock.fixed(Instant.parse("2024-06-12T10:15:30Z"),
      ZoneOffset.UTC));

  private IngestHttpServer start(final Optional<String> token, final long maxBodyBytes,
      final BooleanSupplier ready) {
    return IngestHttpServer.start(new IngestHttpSettings("127.0.0.1", 0, token, maxBodyBytes),
        pipeline, meters, ready);
  }

  private IngestHttpServer start() {
    return start(Optional.empty(), ParserConfig.DEFAULT_MAX_DOCUMENT_BYTES, () -> true);
  }

  private static URI uri(final IngestHttpServer server, final String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  private static HttpResponse<String> send(final HttpRequest request)
      throws IOException, InterruptedException {
    return CLIENT.send(request, BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(final IngestHttpServer server, final String query,
      final BodyPublisher body, final String... headers) throws IOException, InterruptedException {
    final HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, "/v1/articles" + query))
        .timeout(Duration.ofSeconds(30)).POST(body);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  private static HttpResponse<String> post(final IngestHttpServer server, final byte[] body,
      final String... headers) throws IOException, InterruptedException {
    return post(server, "", BodyPublishers.ofByteArray(body), headers);
  }

  private static HttpResponse<String> get(final IngestHttpServer server, final String path)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(server, path)).timeout(Duration.ofSeconds(30)).GET()
        .build());
  }

  private static JsonNode json(final HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static String error(final HttpResponse<String> response) throws IOException {
    return json(response).path("error").asText();
  }

  /** 8 KiB of text: over the limits used here (1 KiB, 4 KiB). */
  private static byte[] overLimit() {
    final byte[] body = new byte[8192];
    Arrays.fill(body, (byte) 'a');
    return body;
  }

  /** A body publisher that sends no Content-Length: the request is chunked. */
  private static BodyPublisher chunked(final byte[] body) {
    return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
  }

  @Test
  void shouldAnswer202WithIdVersionAndOutcomeOfNinjsStory() throws Exception {
    try (IngestHttpServer server = start()) {
      final HttpResponse<String> response = post(server, TestFixtures.bytes(NINJS),
          "Content-Type", "application/json");

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(json(response)).isEqualTo(JSON.readTree("{\"accepted\": [{\"id\": \""
          + NINJS_ID + "\", \"version\": 3, \"outcome\": \"NEW\"}], \"rejected\": []}"));
      assertThat(sink.published()).extracting(RawArticle::getId).containsExactly(NINJS_ID);
    }
  }

  @Test
  void shouldAnswerUnchangedForSameStoryPostedTwice() throws Exception {
    try (IngestHttpServer server = start()) {
      post(server, TestFixtures.bytes(NINJS));

      final HttpResponse<String> again = post(server, TestFixtures.bytes(NINJS));

      assertThat(again.statusCode()).isEqualTo(202);
      assertThat(json(again).at("/accepted/0/outcome").asText()).isEqualTo("UNCHANGED");
      assertThat(sink.published()).hasSize(1);
    }
  }

  @Test
  void shouldAnswer400BinaryForBinaryJunk() throws Exception {
    try (IngestHttpServer server = start()) {
      final HttpResponse<String> response = post(server, JUNK);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(json(response).path("error").asText()).isEqualTo("BINARY");
      assertThat(json(response).path("position").asText()).isEqualTo("byte 8");
    }
  }

  @Test
  void shouldAnswer400EmptyForEmptyBody() throws Exception {
    try (IngestHttpServer server = start()) {
      final HttpResponse<String> response = post(server, new byte[0]);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(error(response)).isEqualTo("EMPTY");
    }
  }

  @Test
  void shouldAnswer400MalformedJsonForBrokenJson() throws Exception {
    try (IngestHttpServer server = start()) {
      final HttpResponse<String> response = post(server,
          TestFixtures.utf8("{\"uri\": \"urn:lantern:2024:x\", \"headline\": \"Half a story"));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(error(response)).isEqualTo("MALFORMED_JSON");
    }
  }

  @Test
  void shouldAnswer400MalformedXmlForTruncatedXml() throws Exception {
    try (IngestHttpServer server = start()) {
      final HttpResponse<String> response =
          post(server, TestFixtures.bytes("newsml/bad/truncated.xml"));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(error(response)).isEqualTo("MALFORMED_XML");
    }
  }

  @Test
  void shouldAnswer400ForbiddenDtdForXxePayload() throws Exception {
    try (IngestHttpServer server = start()) {
      final HttpResponse<String> response = post(server, TestFixtures.bytes("newsml/bad/xxe.xml"));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(error(response)).isEqualTo("FORBIDDEN_DTD");
      assertThat(response.body()).doesNotContain("root:");
    }
  }

  @Test
  void shouldAnswer400UnknownFormatForBogusFormatParameter() throws Exception {
    try (IngestHttpServer server = start()) {
      final HttpResponse<String> response = post(server, "?format=bogus",
          BodyPublishers.ofByteArray(TestFixtures.bytes(NINJS)));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(error(response)).isEqualTo("UNKNOWN_FORMAT");
      assertThat(sink.published()).isEmpty();
    }
  }

  @Test
  void shouldAnswer401WithBearerChallengeWithoutToken() throws Exception {
    try (IngestHttpServer server = start(Optional.of(TOKEN), ONE_KIB * 64, () -> true)) {
      final HttpResponse<String> response = post(server, TestFixtures.bytes(NINJS));

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      assertThat(error(response)).isEqualTo("UNAUTHORIZED");
      assertThat(sink.published()).isEmpty();
    }
  }

  @Test
  void shouldAnswer401ForWrongToken() throws Exception {
    try (IngestHttpServer server = start(Optional.of(TOKEN), ONE_KIB * 64, () -> true)) {
      final HttpResponse<String> response = post(server, TestFixtures.bytes(NINJS),
          "Authorization", "Bearer not-the-desk-token");

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(sink.published()).isEmpty();
    }
  }

  @Test
  void shouldAnswer202WithRightToken() throws Exception {
    try (IngestHttpServer server = start(Optional.of(TOKEN), ONE_KIB * 64, () -> true)) {
      final HttpResponse<String> response = post(server, TestFixtures.bytes(NINJS),
          "Authorization", "Bearer " + TOKEN);

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(sink.published()).extracting(RawArticle::getId).containsExactly(NINJS_ID);
    }
  }

  @Test
  void shouldAnswer413ForDeclaredLengthOverLimit() throws Exception {
    try (IngestHttpServer server = start(Optional.empty(), ONE_KIB, () -> true)) {
      final HttpResponse<String> response = post(server, overLimit());

      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(error(response)).isEqualTo("TOO_LARGE");
    }
  }

  @Test
  void shouldAnswer413ForChunkedBodyOverLimit() throws Exception {
    try (IngestHttpServer server = start(Optional.empty(), ONE_KIB, () -> true)) {
      final HttpResponse<String> response = post(server, "", chunked(overLimit()));

      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(error(response)).isEqualTo("TOO_LARGE");
    }
  }

  @Test
  void shouldAcceptChunkedBodyUnderLimit() throws Exception {
    try (IngestHttpServer server = start(Optional.empty(), ONE_KIB * 64, () -> true)) {
      final HttpResponse<String> response =
          post(server, "", chunked(TestFixtures.bytes(NINJS)));

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(json(response).at("/accepted/0/id").asText()).isEqualTo(NINJS_ID);
    }
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of(Named.of("binary junk", BodyPublishers.ofByteArray(JUNK)), "", 400),
        Arguments.of(Named.of("empty body", BodyPublishers.noBody()), "", 400),
        Arguments.of(Named.of("malformed JSON",
            BodyPublishers.ofString("{\"uri\": \"urn:x\", \"headline\": ")), "", 400),
        Arguments.of(Named.of("truncated XML",
            BodyPublishers.ofByteArray(TestFixtures.bytes("newsml/bad/truncated.xml"))), "", 400),
        Arguments.of(Named.of("XXE payload",
            BodyPublishers.ofByteArray(TestFixtures.bytes("newsml/bad/xxe.xml"))), "", 400),
        Arguments.of(Named.of("billion laughs",
            BodyPublishers.ofByteArray(TestFixtures.bytes("newsml/bad/billion-laughs.xml"))), "",
            400),
        Arguments.of(Named.of("unknown format parameter",
            BodyPublishers.ofByteArray(TestFixtures.bytes(NINJS))), "?format=bogus", 400),
        Arguments.of(Named.of("declared length over limit",
            BodyPublishers.ofByteArray(overLimit())), "", 413),
        Arguments.of(Named.of("chunked body over limit", chunked(overLimit())), "", 413));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void shouldStillAcceptGoodStoryAfterBadRequest(final BodyPublisher bad, final String query,
      final int expectedStatus) throws Exception {
    try (IngestHttpServer server = start(Optional.empty(), ONE_KIB * 4, () -> true)) {
      final HttpResponse<String> rejected = post(server, query, bad);

      final HttpResponse<String> good = post(server, TestFixtures.bytes(NINJS));

      assertThat(rejected.statusCode()).isEqualTo(expectedStatus);
      assertThat(good.statusCode()).isEqualTo(202);
      assertThat(json(good).at("/accepted/0/id").asText()).isEqualTo(NINJS_ID);
    }
  }

  @Test
  void shouldAnswerLive200() throws Exception {
    try (IngestHttpServer server = start()) {
      final HttpResponse<String> response = get(server, "/health/live");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response)).isEqualTo(JSON.readTree("{\"status\": \"UP\"}"));
    }
  }

  @Test
  void shouldAnswerReady200WhenSinkIsReady() throws Exception {
    try (IngestHttpServer server = start(Optional.empty(), ONE_KIB, () -> true)) {
      final HttpResponse<String> response = get(server, "/health/ready");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response)).isEqualTo(JSON.readTree("{\"status\": \"UP\"}"));
    }
  }

  @Test
  void shouldAnswerReady503WhenSinkIsNotReady() throws Exception {
    try (IngestHttpServer server = start(Optional.empty(), ONE_KIB, () -> false)) {
      final HttpResponse<String> response = get(server, "/health/ready");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(json(response)).isEqualTo(JSON.readTree("{\"status\": \"DOWN\"}"));
    }
  }

  @Test
  void shouldFollowReadinessAsItChanges() throws Exception {
    final AtomicBoolean ready = new AtomicBoolean(false);
    try (IngestHttpServer server = start(Optional.empty(), ONE_KIB, ready::get)) {
      final int before = get(server, "/health/ready").statusCode();
      ready.set(true);

      final int after = get(server, "/health/ready").statusCode();

      assertThat(before).isEqualTo(503);
      assertThat(after).isEqualTo(200);
    }
  }

  @Test
  void shouldExposeStoriesCounterOnMetricsAfterPost() throws Exception {
    try (IngestHttpServer server = start()) {
      post(server, TestFixtures.bytes(NINJS));

      final HttpResponse<String> metrics = get(server, "/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/plain");
      assertThat(metrics.body())
          .contains("wirestream_ingest_stories_total{format=\"ninjs\",outcome=\"new\"} 1.0");
    }
  }

  @Test
  void shouldAnswer503NotAcknowledgedWhenPublishFails() throws Exception {
    sink.failNextPublish(new IllegalStateException("broker down"));
    try (IngestHttpServer server = start()) {
      final HttpResponse<String> response = post(server, TestFixtures.bytes(NINJS));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(error(response)).isEqualTo("NOT_ACKNOWLEDGED");
      assertThat(json(response).path("message").asText()).contains(NINJS_ID);
    }
  }

  @Test
  void shouldAcceptStoryAgainAfterNotAcknowledged() throws Exception {
    sink.failNextPublish(new IllegalStateException("broker down"));
    try (IngestHttpServer server = start()) {
      post(server, TestFixtures.bytes(NINJS));

      final HttpResponse<String> retry = post(server, TestFixtures.bytes(NINJS));

      assertThat(retry.statusCode()).isEqualTo(202);
      assertThat(json(retry).at("/accepted/0/outcome").asText()).isEqualTo("NEW");
    }
  }

  @Test
  void shouldAccept202WithGoodLinesAndRejectedBadLineOfJsonLines() throws Exception {
    try (IngestHttpServer server = start()) {
      final HttpResponse<String> response =
          post(server, TestFixtures.bytes("jsonl/lantern-bay-one-bad-line.jsonl"),
              "Content-Type", "application/x-ndjson");

      assertThat(response.statusCode()).isEqualTo(202);
      final JsonNode body = json(response);
      assertThat(body.path("accepted")).isEqualTo(JSON.readTree("[{\"id\":"
          + " \"urn:lantern:2024:0301\", \"version\": 1, \"outcome\": \"NEW\"}, {\"id\":"
          + " \"urn:lantern:2024:0303\", \"version\": 1, \"outcome\": \"NEW\"}]"));
      assertThat(body.path("rejected")).hasSize(1);
      assertThat(body.at("/rejected/0/error").asText()).isEqualTo("MALFORMED_JSON");
      assertThat(body.at("/rejected/0/position").asText()).isEqualTo("line 2");
    }
  }
}
