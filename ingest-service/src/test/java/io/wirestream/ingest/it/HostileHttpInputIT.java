package io.wirestream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.devstack.TopicReader;
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
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile requests against one real HTTP endpoint publishing to news.raw.v1 on the devstack broker
 * and registry: each gets its specific refusal, none ties up the server or puts a record on the
 * topic, and a good story posted after all of them is still accepted and published.
 */
@Tag("integration")
@Timeout(180)
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileHttpInputIT {

  private static final String TOKEN = "hostile-it-" + UUID.randomUUID();
  /** In every story this test sends, so that its records can be told from other tests'. */
  private static final String RUN = "run" + UUID.randomUUID().toString().replace("-", "");
  private static final int MAX_BODY = 64 * 1024;
  private static final Duration IDLE = Duration.ofSeconds(2);
  private static final Duration BODY = Duration.ofSeconds(5);
  /** How long past a timeout the server may take to answer on a loaded machine. */
  private static final Duration SLACK = Duration.ofSeconds(15);

  private final KafkaStack stack;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private KafkaStorySink sink;
  private IngestHttpServer server;

  HostileHttpInputIT(final KafkaStack stack) {
    this.stack = stack;
  }

  @BeforeAll
  void start() {
    final IngestConfig config =
        IngestConfig.of(stack.bootstrapServers(), stack.schemaRegistryUrl());
    assertThat(config.rawTopic()).isEqualTo("news.raw.v1");
    TopicInitializer.ensureTopics(config);
    sink = new KafkaStorySink(config);
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final IngestPipeline pipeline = new IngestPipeline(new StoryParsers(config.parser()),
        new VersionLedger(), sink, new IngestMetrics(meters), Clock.systemUTC());
    server = IngestHttpServer.start(new IngestHttpSettings("127.0.0.1", 0, Optional.of(TOKEN),
        MAX_BODY).withTimeouts(IDLE, BODY), pipeline, meters, sink::ready);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (sink != null) {
      sink.close();
    }
  }

  // ---------------------------------------------------------------- authentication

  @Test
  @Order(1)
  void shouldAnswer401WithoutTokenWithWrongTokenAndWithOtherScheme() throws Exception {
    final byte[] story = ninjs("never published: no token");
    for (final String authorization : new String[] {null, "Bearer wrong-" + TOKEN,
        "Bearer " + TOKEN.toUpperCase(), "Basic " + TOKEN, "Bearer " + TOKEN + "x", "Bearer "}) {
      final HttpResponse<String> response = post(BodyPublishers.ofByteArray(story),
          authorization, null);

      assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
      assertThat(error(response)).isEqualTo("UNAUTHORIZED");
      assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }
  }

  // ---------------------------------------------------------------- size

  @Test
  @Order(2)
  void shouldAnswer413ForDeclaredLengthOverLimit() throws Exception {
    final HttpResponse<String> response =
        post(BodyPublishers.ofByteArray(bigStory(MAX_BODY + 1)), bearer(), null);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(error(response)).isEqualTo("TOO_LARGE");
  }

  @Test
  @Order(3)
  void shouldAnswer413ForChunkedBodyOverLimit() throws Exception {
    final byte[] big = bigStory(4 * MAX_BODY);
    // A stream of unknown length goes out chunked, without Content-Length.
    final HttpResponse<String> response = post(
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), bearer(), null);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(error(response)).isEqualTo("TOO_LARGE");
  }

  @Test
  @Order(4)
  void shouldTreatBodyWithoutLengthOrChunkingAsNoBody() throws Exception {
    try (Socket socket = connect()) {
      final OutputStream out = socket.getOutputStream();
      out.write(head("HTTP/1.0", null, "Connection: close\r\n"));
      // A request without Content-Length or chunking has no body (RFC 9112 6.3), however much
      // follows: none of it is read as the story.
      writeIgnoringClose(out, bigStory(MAX_BODY + 1));

      final RawResponse response = RawResponse.read(socket);

      assertThat(response.status()).as(response.text()).isEqualTo(400);
      assertThat(response.text()).contains("\"EMPTY\"");
    }
  }

  @Test
  @Order(5)
  void shouldAnswer413AtOnceForLyingHugeContentLength() throws Exception {
    try (Socket socket = connect()) {
      final long started = System.nanoTime();
      socket.getOutputStream().write(head("HTTP/1.1", 2_000_000_000L, ""));
      writeIgnoringClose(socket.getOutputStream(), ninjs("a little of the promised 2 GB"));

      final RawResponse response = RawResponse.read(socket);

      assertThat(response.status()).as(response.text()).isEqualTo(413);
      // Refused on the declared length, without waiting for the body.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(IDLE);
    }
  }

  @Test
  @Order(6)
  void shouldReadOnlyDeclaredLengthWhenMoreIsSent() throws Exception {
    final byte[] story = ninjs("never published: cut at its declared length");
    try (Socket socket = connect()) {
      socket.getOutputStream().write(head("HTTP/1.1", 40L, ""));
      socket.getOutputStream().write(story);
      writeIgnoringClose(socket.getOutputStream(), bigStory(MAX_BODY + 1));

      final RawResponse response = RawResponse.read(socket);

      // The first 40 bytes of a JSON story are a JSON document cut short.
      assertThat(response.status()).as(response.text()).isEqualTo(400);
      assertThat(response.text()).contains("MALFORMED_JSON");
    }
  }

  // ---------------------------------------------------------------- slow clients

  @Test
  @Order(7)
  void shouldAnswer408WhenBodyStallsAfterHeaders() throws Exception {
    try (Socket socket = connect()) {
      final long started = System.nanoTime();
      socket.getOutputStream().write(head("HTTP/1.1", 5000L, ""));
      socket.getOutputStream().write("{\"headline\":".getBytes(StandardCharsets.UTF_8));

      final RawResponse response = RawResponse.read(socket);

      final Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(response.status()).as(response.text()).isEqualTo(408);
      assertThat(response.text()).contains("REQUEST_TIMEOUT");
      assertThat(took).isGreaterThanOrEqualTo(IDLE.minusMillis(100)).isLessThan(IDLE.plus(SLACK));
    }
  }

  @Test
  @Order(8)
  void shouldAnswer408WhenBodyTricklesSlowerThanBodyTimeout() throws Exception {
    final byte[] story = ninjs("never published: trickled");
    try (Socket socket = connect()) {
      final long started = System.nanoTime();
      socket.getOutputStream().write(head("HTTP/1.1", (long) story.length, ""));
      // One byte every 500 ms: each beats the 2 s idle timeout, the whole never beats the 5 s
      // body timeout. Bounded: at most 40 bytes (20 s), the server cuts in long before.
      int sent = 0;
      try {
        while (sent < Math.min(40, story.length)) {
          socket.getOutputStream().write(story[sent]);
          socket.getOutputStream().flush();
          sent++;
          Thread.sleep(500);
          if (socket.getInputStream().available() > 0) {
            break;
          }
        }
      } catch (final IOException closedByServer) {
        // the server answered and closed while we were still trickling
      }

      final RawResponse response = RawResponse.read(socket);

      final Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(response.status()).as(response.text()).isEqualTo(408);
      assertThat(response.text()).contains("REQUEST_TIMEOUT").contains("not complete after 5 s");
      assertThat(took).isGreaterThanOrEqualTo(BODY).isLessThan(BODY.plus(IDLE).plus(SLACK));
    }
  }

  @Test
  @Order(9)
  void shouldCloseConnectionThatStallsInItsHeaders() throws Exception {
    try (Socket socket = connect()) {
      final long started = System.nanoTime();
      socket.getOutputStream().write(("POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Le").getBytes(StandardCharsets.US_ASCII));

      try {
        // Returns once the server closes (or answers); never by itself.
        socket.getInputStream().read();
      } catch (final SocketTimeoutException e) {
        throw new AssertionError("the server kept a connection stalled in its headers open", e);
      } catch (final IOException reset) {
        // closed by the server: what is tested
      }

      final Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(took).isGreaterThanOrEqualTo(IDLE.minusMillis(100)).isLessThan(IDLE.plus(SLACK));
    }
  }

  @Test
  @Order(10)
  void shouldServeGoodStoryWhileManyClientsStall() throws Exception {
    final int stalled = 30;
    final List<Socket> sockets = new ArrayList<>();
    final ExecutorService readers = Executors.newFixedThreadPool(stalled);
    try {
      final List<Future<RawResponse>> answers = new ArrayList<>();
      for (int i = 0; i < stalled; i++) {
        final Socket socket = connect();
        sockets.add(socket);
        socket.getOutputStream().write(head("HTTP/1.1", 4000L, ""));
        answers.add(readers.submit(() -> RawResponse.read(socket)));
      }

      final long started = System.nanoTime();
      final HttpResponse<String> good = post(
          BodyPublishers.ofByteArray(ninjs("published while 30 clients stall")), bearer(), null);

      assertThat(good.statusCode()).as(good.body()).isEqualTo(202);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(IDLE.plus(SLACK));
      for (final Future<RawResponse> answer : answers) {
        assertThat(answer.get(IDLE.plus(SLACK).toSeconds(), TimeUnit.SECONDS).status())
            .isEqualTo(408);
      }
    } finally {
      readers.shutdownNow();
      for (final Socket socket : sockets) {
        socket.close();
      }
    }
  }

  // ---------------------------------------------------------------- malformed documents

  @Test
  @Order(11)
  void shouldAnswer400WithSpecificReasonForEachMalformedDocument() throws Exception {
    final Map<String, String> expected = new LinkedHashMap<>();
    expected.put("{\"uri\":\"urn:" + RUN + ":bad\",\"headline\":\"x\",\"body_text\":",
        "MALFORMED_JSON");
    expected.put("{\"uri\": \"urn:" + RUN + "\", \"headline\": 'single quotes' }",
        "MALFORMED_JSON");
    expected.put("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:" + RUN
        + "\"><contentMeta><headline>Truncated", "MALFORMED_XML");
    expected.put("<rss><channel><item><title>Unclosed</title></channel></rss>",
        "MALFORMED_XML");
    expected.put("<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM"
        + " \"file:///etc/passwd\">]>\n<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
        + "<contentMeta><headline>&xxe;</headline></contentMeta></newsItem>", "FORBIDDEN_DTD");
    expected.put("<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;"
        + "&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;"
        + "&c;&c;&c;&c;&c;&c;\">]><rss><channel><item><title>&d;</title><description>&d;"
        + "</description></item></channel></rss>", "FORBIDDEN_DTD");
    expected.put("<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://127.0.0.1:9/x.dtd\"><feed"
        + " xmlns=\"http://www.w3.org/2005/Atom\"/>", "FORBIDDEN_DTD");
    // Found by ParserFuzzTest: a control character inside the DOCTYPE.
    expected.put("<!DOCTYPE x [<!ENTITY\u0002a \"aaaa\">]><rss><channel/></rss>",
        "UNKNOWN_FORMAT");
    expected.put("<html><body><p>a web page, not a story</p></body></html>", "UNKNOWN_FORMAT");
    expected.put("{\"just\": \"some json\"}", "UNSUPPORTED_SHAPE");
    for (final Map.Entry<String, String> bad : expected.entrySet()) {
      final long started = System.nanoTime();
      final HttpResponse<String> response = post(
          BodyPublishers.ofString(bad.getKey()), bearer(), null);

      assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
      assertThat(error(response)).as(bad.getKey()).isEqualTo(bad.getValue());
      assertThat(response.body()).doesNotContain("root:");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SLACK);
    }
  }

  @Test
  @Order(12)
  void shouldAnswer400ForBinaryJunkAndReadLatin1AsTextBeforeJudgingIt() throws Exception {
    final byte[] junk = new byte[4096];
    new Random(6).nextBytes(junk);
    final byte[] latin1 = ("Caf\u00e9 headline\n\nBody in Latin-1 " + RUN)
        .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(error(post(BodyPublishers.ofByteArray(junk), bearer(), null)))
        .isEqualTo("BINARY");
    // Not UTF-8 is no reason to refuse (it is read as windows-1252); two short lines are no story.
    assertThat(error(post(BodyPublishers.ofByteArray(latin1), bearer(), null)))
        .isEqualTo("UNKNOWN_FORMAT");
    assertThat(error(post(BodyPublishers.ofByteArray(new byte[0]), bearer(), null)))
        .isEqualTo("EMPTY");
  }

  // ---------------------------------------------------------------- content type

  @Test
  @Order(13)
  void shouldHonourContentTypeAndRefuseOnesThatCannotBeDocuments() throws Exception {
    final byte[] story = ninjs("never published: wrong content type");

    final HttpResponse<String> xmlAsNinjs = post(BodyPublishers.ofString(
        "<rss><channel><item><title>T " + RUN + "</title><description>B</description></item>"
            + "</channel></rss>"), bearer(), "application/ninjs+json");
    final HttpResponse<String> multipart = post(BodyPublishers.ofString("--xyz\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"s.json\"\r\n\r\n"
        + new String(story, StandardCharsets.UTF_8) + "\r\n--xyz--\r\n"), bearer(),
        "multipart/form-data; boundary=xyz");
    final HttpResponse<String> image =
        post(BodyPublishers.ofByteArray(story), bearer(), "image/png");

    assertThat(xmlAsNinjs.statusCode()).isEqualTo(400);
    assertThat(error(xmlAsNinjs)).isEqualTo("MALFORMED_JSON");
    assertThat(multipart.statusCode()).isEqualTo(415);
    assertThat(error(multipart)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(image.statusCode()).isEqualTo(415);
  }

  // ---------------------------------------------------------------- and still serving

  @Test
  @Order(99)
  void shouldStillAcceptGoodStoryAfterAllOfThatAndPublishOnlyIt() throws Exception {
    // curl --data-binary sends this content type: it must not get in the way.
    final HttpResponse<String> accepted = post(BodyPublishers.ofByteArray(
        ninjs("the good story after the hostile ones")), bearer(),
        "application/x-www-form-urlencoded");

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    final String id = json.readTree(accepted.body()).path("accepted").get(0).path("id").asText();
    assertThat(id).isEqualTo("urn:" + RUN + ":the-good-story-after-the-hostile-ones");
    final List<ConsumerRecord<String, RawArticle>> ours = readOurRecords(id);
    // Only the two good stories of this test made it: no hostile request left a record.
    assertThat(ours).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
        "urn:" + RUN + ":published-while-30-clients-stall", id);
  }

  // ---------------------------------------------------------------- helpers

  private List<ConsumerRecord<String, RawArticle>> readOurRecords(final String lastId) {
    try (SpecificAvroSerde<RawArticle> serde = WirestreamSerdes.valueSerde(Topics.RAW,
        Map.of("schema.registry.url", stack.schemaRegistryUrl()))) {
      final List<ConsumerRecord<String, RawArticle>> all = TopicReader.read(stack, "news.raw.v1",
          serde.deserializer(),
          records -> records.stream().anyMatch(r -> lastId.equals(r.key())),
          Duration.ofSeconds(2), Duration.ofSeconds(60));
      return all.stream().filter(r -> r.key() != null && r.key().contains(RUN)
          || r.value() != null && (String.valueOf(r.value().getHeadline()).contains(RUN)
              || String.valueOf(r.value().getBody()).contains(RUN))).toList();
    }
  }

  /** A ninjs story whose uri and body carry this run's marker. */
  private static byte[] ninjs(final String headline) {
    final String slug = headline.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return ("{\"uri\":\"urn:" + RUN + ":" + slug + "\",\"headline\":\"" + headline + "\","
        + "\"body_text\":\"A story body for " + RUN + ".\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** A plain-text story of at least {@code bytes} bytes. */
  private static byte[] bigStory(final int bytes) {
    final StringBuilder text = new StringBuilder("Big story " + RUN + "\n\n");
    while (text.length() < bytes) {
      text.append("A paragraph that makes the story long enough to be over the limit.\n\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> post(final BodyPublisher body, final String authorization,
      final String contentType) throws Exception {
    final HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/v1/articles"))
        .timeout(Duration.ofSeconds(60)).POST(body);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String error(final HttpResponse<String> response) throws IOException {
    return json.readTree(response.body()).path("error").asText();
  }

  private static String bearer() {
    return "Bearer " + TOKEN;
  }

  private Socket connect() throws IOException {
    final Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    // A read that the server never ends fails the test instead of hanging it.
    socket.setSoTimeout((int) IDLE.plus(BODY).plus(SLACK).toMillis());
    return socket;
  }

  /** Writes what the server still takes; it may close the connection once it has answered. */
  private static void writeIgnoringClose(final OutputStream out, final byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (final IOException closedByServer) {
      // the server answered without reading all of it, as it should
    }
  }

  private static byte[] head(final String version, final Long contentLength,
      final String extraHeaders) {
    return ("POST /v1/articles " + version + "\r\nHost: 127.0.0.1\r\n"
        + "Authorization: Bearer " + TOKEN + "\r\n"
        + (contentLength == null ? "" : "Content-Length: " + contentLength + "\r\n")
        + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** The status and text of the first response on a raw socket. */
  private record RawResponse(int status, String text) {

    private static final Pattern CONTENT_LENGTH =
        Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    static RawResponse read(final Socket socket) throws IOException {
      final InputStream in = socket.getInputStream();
      final StringBuilder text = new StringBuilder();
      final byte[] buffer = new byte[4096];
      try {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
          if (complete(text)) {
            break;
          }
        }
      } catch (final SocketTimeoutException e) {
        throw new AssertionError("no answer within the socket timeout; got: " + text, e);
      } catch (final IOException reset) {
        // a reset after the answer: what was read is the answer
        if (text.length() == 0) {
          throw reset;
        }
      }
      final String all = text.toString();
      assertThat(all).as("an HTTP response").startsWith("HTTP/1.");
      return new RawResponse(Integer.parseInt(all.substring(9, 12)), all);
    }

    /** Headers and as much body as Content-Length says have arrived. */
    private static boolean complete(final CharSequence text) {
      final String all = text.toString();
      final int end = all.indexOf("\r\n\r\n");
      if (end < 0) {
        return false;
      }
      final Matcher length = CONTENT_LENGTH.matcher(all.substring(0, end));
      if (length.find()) {
        return all.length() - end - 4 >= Integer.parseInt(length.group(1));
      }
      return all.endsWith("\r\n0\r\n\r\n");
    }
  }
}
