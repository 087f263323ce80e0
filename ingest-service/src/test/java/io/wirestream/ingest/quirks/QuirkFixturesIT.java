package io.wirestream.ingest.quirks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.devstack.TopicReader;
import io.wirestream.ingest.cli.IngestCommand;
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
import io.wirestream.schemas.TopicSpec;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every quirk of {@link QuirkCases} through the real ingest paths into the devstack broker and
 * registry, read back as Avro: the files with {@code wirestream ingest}, the fixture whose charset
 * only its Content-Type gives as a polled feed ({@code --feed}) and as an HTTP push. The items that
 * are no story reach the dead-letter topic with their reason.
 */
@Tag("integration")
@Timeout(240)
@ExtendWith(DevStackExtension.class)
class QuirkFixturesIT {

  private final KafkaStack stack;
  @TempDir
  Path inbox;

  QuirkFixturesIT(final KafkaStack stack) {
    this.stack = stack;
  }

  private static <V extends SpecificRecord> List<ConsumerRecord<String, V>> read(
      final KafkaStack stack, final String topic, final TopicSpec<V> contract,
      final int expected) {
    try (SpecificAvroSerde<V> serde = WirestreamSerdes.valueSerde(contract,
        Map.of("schema.registry.url", stack.schemaRegistryUrl()))) {
      return TopicReader.read(stack, topic, serde.deserializer(),
          records -> records.size() >= expected, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
  }

  private static void assertStory(final SoftAssertions soft, final RawArticle actual,
      final QuirkCases.Story expected) {
    final String which = expected.headline();
    soft.assertThat(actual).as("story %s on the topic", which).isNotNull();
    if (actual == null) {
      return;
    }
    soft.assertThat(actual.getSourceGuid()).as("guid of %s", which).isEqualTo(expected.guid());
    soft.assertThat(actual.getVersion()).as("version of %s", which)
        .isEqualTo(expected.version() == null ? 1 : expected.version());
    soft.assertThat(actual.getHeadline()).as("headline").isEqualTo(expected.headline());
    soft.assertThat(actual.getPublishedAt()).as("published of %s", which)
        .isEqualTo(expected.published());
    soft.assertThat(actual.getBody()).as("body of %s", which).startsWith(expected.bodyStart())
        .endsWith(expected.bodyEnd());
    if (expected.bodyStart().isEmpty()) {
      soft.assertThat(actual.getBody()).as("body of %s", which).isEmpty();
    }
    for (final String furniture : expected.notInBody()) {
      soft.assertThat(actual.getBody()).as("body of %s", which).doesNotContain(furniture);
    }
    soft.assertThat(actual.getByline()).as("byline of %s", which).isEqualTo(expected.byline());
    soft.assertThat(actual.getLanguage()).as("language of %s", which)
        .isEqualTo(expected.language());
    soft.assertThat(actual.getWarnings().stream().map(QuirkCases::code).toList())
        .as("warnings of %s: %s", which, actual.getWarnings())
        .isEqualTo(expected.warningCodes());
  }

  @Test
  void everyQuirkyFileShouldLandOnTheTopicWithEveryField() throws Exception {
    final List<QuirkCases.Case> files = QuirkCases.all().stream()
        .filter(quirk -> quirk.contentType() == null).toList();
    for (final QuirkCases.Case quirk : files) {
      Files.write(inbox.resolve(quirk.fixture()), QuirkCases.bytes(quirk));
    }
    final String rawTopic = "it-raw-" + UUID.randomUUID();
    final StringWriter err = new StringWriter();
    final CommandLine cli = new CommandLine(new IngestCommand());
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));

    final int exit = cli.execute("--bootstrap-servers", stack.bootstrapServers(),
        "--schema-registry-url", stack.schemaRegistryUrl(), "--output-topic", rawTopic,
        "--error-topic", "it-dlq-" + UUID.randomUUID(), "--no-progress", "--keep-going",
        inbox.toString());

    final int expected = files.stream().mapToInt(quirk -> quirk.stories().size()).sum();
    final int rejected = files.stream().mapToInt(QuirkCases.Case::rejected).sum();
    assertThat(exit).as(err.toString()).isEqualTo(rejected > 0 ? 1 : 0);
    assertThat(err.toString()).contains(files.size() + " document(s): " + expected
        + " published").contains(rejected + " rejected");
    final Map<String, RawArticle> byHeadline = read(stack, rawTopic, Topics.RAW, expected)
        .stream().map(ConsumerRecord::value)
        .collect(Collectors.toMap(RawArticle::getHeadline, Function.identity()));
    assertThat(byHeadline).hasSize(expected);
    final SoftAssertions soft = new SoftAssertions();
    for (final QuirkCases.Case quirk : files) {
      for (final QuirkCases.Story story : quirk.stories()) {
        assertStory(soft, byHeadline.get(story.headline()), story);
      }
    }
    soft.assertAll();
  }

  @Test
  void aFeedAndAPushShouldBeReadInTheCharsetOfTheirContentTypeAndBadItemsDeadLettered()
      throws Exception {
    final QuirkCases.Case polish = QuirkCases.all().stream()
        .filter(quirk -> quirk.contentType() != null).findFirst().orElseThrow();
    final QuirkCases.Case flashes = QuirkCases.all().stream()
        .filter(quirk -> quirk.fixture().equals("ninjs-flash-description.json")).findFirst()
        .orElseThrow();
    final IngestConfig config = IngestConfig.of(stack.bootstrapServers(),
        stack.schemaRegistryUrl()).withTopics("it-raw-" + UUID.randomUUID(),
        "it-dlq-" + UUID.randomUUID());
    TopicInitializer.ensureTopics(config);
    final HttpServer feeds =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    for (final QuirkCases.Case served : List.of(polish, flashes)) {
      final byte[] body = QuirkCases.bytes(served);
      feeds.createContext("/" + served.fixture(), exchange -> {
        exchange.getRequestBody().readAllBytes();
        if (served.contentType() != null) {
          exchange.getResponseHeaders().add("Content-Type", served.contentType());
        }
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
    }
    feeds.start();
    try (KafkaStorySink sink = new KafkaStorySink(config)) {
      final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      final IngestPipeline pipeline = new IngestPipeline(new StoryParsers(config.parser()),
          new VersionLedger(), sink, new IngestMetrics(meters), Clock.systemUTC());
      final String base = "http://127.0.0.1:" + feeds.getAddress().getPort() + "/";
      try (FeedPoller poller = FeedPoller.manual(List.of(), pipeline, 1024 * 1024)) {
        assertThat(poller.poll(URI.create(base + polish.fixture())))
            .isEqualTo(FeedPoller.PollOutcome.FETCHED);
        assertThat(poller.poll(URI.create(base + flashes.fixture())))
            .isEqualTo(FeedPoller.PollOutcome.FETCHED);
      }
      try (IngestHttpServer server = IngestHttpServer.start(new IngestHttpSettings("127.0.0.1",
          0, Optional.empty(), 1024 * 1024), pipeline, meters, sink::ready)) {
        // The same story pushed again, with its charset in the Content-Type: an unchanged
        // re-send, which only the right decoding makes it.
        final HttpResponse<String> pushed = HttpClient.newHttpClient().send(HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/articles"))
            .header("Content-Type", polish.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(QuirkCases.bytes(polish))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
        assertThat(pushed.body()).contains("\"outcome\":\"UNCHANGED\"");
      }
      sink.flush();
    } finally {
      feeds.stop(0);
    }

    final int expected = polish.stories().size() + flashes.stories().size();
    final Map<String, RawArticle> byHeadline = read(stack, config.rawTopic(), Topics.RAW,
        expected).stream().map(ConsumerRecord::value)
        .collect(Collectors.toMap(RawArticle::getHeadline, Function.identity()));
    assertThat(byHeadline).hasSize(expected);
    final SoftAssertions soft = new SoftAssertions();
    for (final QuirkCases.Story story : polish.stories()) {
      assertStory(soft, byHeadline.get(story.headline()), story);
    }
    for (final QuirkCases.Story story : flashes.stories()) {
      assertStory(soft, byHeadline.get(story.headline()), story);
    }
    soft.assertAll();
    final List<ConsumerRecord<String, DeadLetter>> dead =
        read(stack, config.deadLetterTopic(), Topics.DLQ, 1);
    assertThat(dead).singleElement().satisfies(letter -> {
      assertThat(letter.value().getStage()).isEqualTo(DeadLetterStage.INGEST);
      assertThat(letter.value().getErrorClass()).endsWith("/UNSUPPORTED_SHAPE");
      assertThat(letter.value().getErrorMessage())
          .contains("item 3: a ninjs picture item without text is not a story");
    });
  }
}
