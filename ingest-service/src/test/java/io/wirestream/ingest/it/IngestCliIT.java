package io.wirestream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.ingest.cli.IngestCommand;
import io.wirestream.ingest.feed.WatchFolder;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.publish.IngestConfig;
import io.wirestream.ingest.publish.KafkaStorySink;
import io.wirestream.ingest.publish.TopicInitializer;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code wirestream ingest} against the real devstack broker and registry: every format lands on
 * the topic as a RawArticle with the right fields, a re-run publishes nothing new, updates get a
 * higher version, and rejected input is named and counted.
 */
@Tag("integration")
@Timeout(180)
@ExtendWith(DevStackExtension.class)
class IngestCliIT {

  private final KafkaStack stack;
  private String rawTopic;
  private String dlqTopic;
  @TempDir
  Path inbox;

  IngestCliIT(final KafkaStack stack) {
    this.stack = stack;
  }

  @BeforeEach
  void topics() {
    final String suffix = UUID.randomUUID().toString();
    rawTopic = "it-raw-" + suffix;
    dlqTopic = "it-dlq-" + suffix;
  }

  private Run ingest(final String... args) {
    final List<String> all = new ArrayList<>(List.of("--bootstrap-servers",
        stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
        "--output-topic", rawTopic, "--error-topic", dlqTopic, "--partitions", "2",
        "--no-progress"));
    all.addAll(Arrays.asList(args));
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CommandLine cli = new CommandLine(new IngestCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    final int exit = cli.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exitCode, String out, String err) {
  }

  private void copyFixture(final String fixture) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
      Files.copy(in, inbox.resolve(Path.of(fixture).getFileName()));
    }
  }

  private void writeJsonLines() throws IOException {
    Files.writeString(inbox.resolve("bulk.jsonl"), String.join("\n",
        "{\"id\":\"urn:it:jl-1\",\"version\":1,\"source\":\"Test Wire\",\"headline\":\"Canal"
            + " reopens after dredging\",\"body\":\"The canal reopened on Friday.\\n\\nBarges"
            + " queued overnight.\",\"dateline\":\"Ostend\",\"publishedAt\":"
            + "\"2024-02-02T09:30:00Z\",\"embargoUntil\":\"2030-01-01T00:00:00Z\"}",
        "{\"id\":\"urn:it:jl-2\",\"source\":\"Test Wire\",\"headline\":\"Ferry fares frozen\","
            + "\"body\":\"Fares stay at last year's level.\",\"status\":\"WITHHELD\"}"),
        StandardCharsets.UTF_8);
  }

  private Map<String, RawArticle> byHeadline(final List<ConsumerRecord<String, RawArticle>> records) {
    return records.stream().map(ConsumerRecord::value)
        .collect(Collectors.toMap(RawArticle::getHeadline, Function.identity()));
  }

  @Test
  void everyFormatShouldLandOnTheTopicWithItsFields() throws IOException {
    copyFixture("plaintext/harbour-times-business.txt");
    copyFixture("ninjs/ninjs2-bodies.json");
    copyFixture("newsml/newsitem-single.xml");
    copyFixture("feeds/northwind-wire.atom");
    writeJsonLines();

    final Run run = ingest(inbox.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("5 document(s): 7 published");
    final List<ConsumerRecord<String, RawArticle>> records =
        ContractReader.read(stack, rawTopic, Topics.RAW, 7);
    assertThat(records).hasSize(7);
    records.forEach(r -> assertThat(r.key()).isEqualTo(r.value().getId()));
    final Map<String, RawArticle> stories = byHeadline(records);

    final RawArticle text = stories.get("Port of Aldermouth opens automated container berth");
    assertThat(text.getFormat()).isEqualTo(SourceFormat.PLAIN_TEXT);
    assertThat(text.getOutlet()).isEqualTo("Harbour Times");
    assertThat(text.getByline()).isEqualTo("Mei Lindqvist");
    assertThat(text.getDateline()).isEqualTo("Aldermouth");
    assertThat(text.getSection()).isEqualTo("Business");
    assertThat(text.getPublishedAt()).as("no zone written: read in --zone, UTC by default")
        .isEqualTo(Instant.parse("2019-03-14T16:05:00Z"));
    assertThat(text.getBody()).startsWith("The Port of Aldermouth on Wednesday opened")
        .contains("\n\nRetraining deal\n\n").endsWith("\"the best we could get in the circumstances\".")
        .doesNotContain("Today's Top News", "Most Viewed", "Jonas Brandt", "page7", "Copyright");
    assertThat(text.getAttributes()).containsEntry("credit", "Jonas Brandt / Northwind Photo")
        .containsEntry("edition", "Harbour Times 03/14/2019 page7");
    assertThat(text.getId()).startsWith("ws-");
    assertThat(text.getContentHash()).hasSize(64);

    final RawArticle ninjs = stories.get("Grève des contrôleurs aériens : 300 vols annulés à Lyon");
    assertThat(ninjs.getId()).isEqualTo("urn:uuid:3f1c2a9e-7d44-4b8a-9a51-0c2f5e6d7a10");
    assertThat(ninjs.getVersion()).isEqualTo(2);
    assertThat(ninjs.getStatus()).isEqualTo(ArticleStatus.CANCELED);
    assertThat(ninjs.getLanguage()).isEqualTo("fr");
    assertThat(ninjs.getDateline()).isEqualTo("Lyon");
    assertThat(ninjs.getBody()).startsWith("Environ 300 vols ont été annulés samedi");

    final RawArticle newsml = stories.get("Aldermouth port opens automated berth after four-year build");
    assertThat(newsml.getId()).isEqualTo("urn:newsml:northwind.example:20190314:nw-0342");
    assertThat(newsml.getFormat()).isEqualTo(SourceFormat.NEWSML_G2);
    assertThat(newsml.getSource()).isEqualTo("Northwind News Agency");
    assertThat(newsml.getUrgency()).isEqualTo(3);
    assertThat(newsml.getSubjects()).contains("medtop:20000344");
    assertThat(newsml.getPublishedAt()).isEqualTo(Instant.parse("2019-03-14T15:20:00Z"));
    assertThat(newsml.getBody()).contains("by the autumn & the berth");

    final RawArticle atom = stories.get("Rates held at 3.5% & outlook unchanged");
    assertThat(atom.getFormat()).isEqualTo(SourceFormat.ATOM);
    assertThat(atom.getUrl()).isEqualTo("https://wire.example/2023/05/20/rates-held");
    assertThat(atom.getBody()).isEqualTo("The Northland central bank held its main rate at 3.5%"
        + " on Saturday.\n\nGovernor Eva Strand said inflation was slowly easing.");

    final RawArticle embargoed = stories.get("Canal reopens after dredging");
    assertThat(embargoed.getFormat()).isEqualTo(SourceFormat.JSON_LINES);
    assertThat(embargoed.getEmbargoUntil()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(stories.get("Ferry fares frozen").getStatus()).isEqualTo(ArticleStatus.WITHHELD);
  }

  @Test
  void resendingTheSameFolderShouldPublishNothingNew() throws IOException {
    copyFixture("newsml/newsmessage-two-items.xml");
    copyFixture("plaintext/night-trains-no-byline.txt");

    final Run first = ingest(inbox.toString());
    final Run second = ingest(inbox.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("3 published");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.err()).contains("0 published, 0 updated version(s), 3 unchanged re-send(s)");
    assertThat(ContractReader.read(stack, rawTopic, Topics.RAW, 3)).hasSize(3);
  }

  @Test
  void aChangedStoryShouldBePublishedAsAHigherVersion() throws IOException {
    final Path story = inbox.resolve("story.jsonl");
    Files.writeString(story, "{\"id\":\"urn:it:upd-1\",\"source\":\"Test Wire\",\"headline\":"
        + "\"Bridge closed\",\"body\":\"The bridge closed at noon.\"}\n");
    assertThat(ingest(story.toString()).exitCode()).isZero();
    Files.writeString(story, "{\"id\":\"urn:it:upd-1\",\"source\":\"Test Wire\",\"headline\":"
        + "\"Bridge closed\",\"body\":\"The bridge closed at noon after a crack was found.\"}\n");

    final Run update = ingest(story.toString());

    assertThat(update.err()).contains("0 published, 1 updated version(s)");
    final List<ConsumerRecord<String, RawArticle>> records =
        ContractReader.read(stack, rawTopic, Topics.RAW, 2);
    assertThat(records).extracting(r -> r.value().getVersion()).containsExactly(1, 2);
    assertThat(records.get(1).value().getBody()).contains("crack");
  }

  @Test
  void rejectedInputShouldBeNamedWithItsReasonAndGiveANonZeroExit() throws IOException {
    copyFixture("plaintext/harbour-times-business.txt");
    Files.write(inbox.resolve("junk.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7});
    Files.writeString(inbox.resolve("truncated.xml"), "<newsItem guid=\"x\"><contentMeta>");

    final Run run = ingest("--keep-going", inbox.toString());

    assertThat(run.exitCode()).isEqualTo(IngestCommand.EXIT_REJECTED);
    assertThat(run.err()).contains("1 published").contains("2 rejected")
        .contains("junk.bin").contains("BINARY")
        .contains("truncated.xml").contains("MALFORMED_XML");
    assertThat(ContractReader.read(stack, rawTopic, Topics.RAW, 1)).hasSize(1);
    // Files named on the command line are reported to the person running it, not dead-lettered.
    assertThat(ContractReader.read(stack, dlqTopic, Topics.DLQ, 0)).isEmpty();
  }

  @Test
  void timestampsWithoutAZoneShouldBeReadInTheGivenZone() throws IOException {
    copyFixture("plaintext/harbour-times-business.txt");

    assertThat(ingest("--zone", "Asia/Shanghai", inbox.toString()).exitCode()).isZero();

    assertThat(ContractReader.read(stack, rawTopic, Topics.RAW, 1)).singleElement()
        .satisfies(r -> assertThat(r.value().getPublishedAt())
            .isEqualTo(Instant.parse("2019-03-14T08:05:00Z")));
  }

  @Test
  void aWatchedFolderShouldPublishGoodFilesAndDeadLetterJunk() throws Exception {
    // The watch mode runs until stopped, so its parts are driven directly here; the CLI wires the
    // same WatchFolder to the same pipeline.
    final IngestConfig config = IngestConfig.of(stack.bootstrapServers(),
        stack.schemaRegistryUrl()).withTopics(rawTopic, dlqTopic);
    TopicInitializer.ensureTopics(config);
    try (KafkaStorySink sink = new KafkaStorySink(config)) {
      final IngestPipeline pipeline = new IngestPipeline(new StoryParsers(config.parser()),
          new VersionLedger(), sink, new IngestMetrics(new SimpleMeterRegistry()),
          Clock.systemUTC());
      try (WatchFolder watch = WatchFolder.start(inbox, pipeline, Optional.empty(),
          config.parser().maxDocumentBytes())) {
        copyFixture("plaintext/harbour-times-business.txt");
        Files.write(inbox.resolve("junk.bin"), new byte[] {0, 0, 0, 9, 9, 9});

        final List<ConsumerRecord<String, DeadLetter>> dead =
            ContractReader.read(stack, dlqTopic, Topics.DLQ, 1);
        assertThat(dead).singleElement().satisfies(r -> {
          assertThat(r.value().getStage()).isEqualTo(DeadLetterStage.INGEST);
          assertThat(r.value().getOrigin()).endsWith("junk.bin");
          assertThat(r.value().getErrorMessage()).contains("junk.bin");
          assertThat(r.value().getErrorClass()).contains("BINARY");
          assertThat(r.value().getValue().remaining()).isEqualTo(6);
        });
        assertThat(ContractReader.read(stack, rawTopic, Topics.RAW, 1)).singleElement()
            .satisfies(r -> assertThat(r.value().getHeadline())
                .isEqualTo("Port of Aldermouth opens automated container berth"));
      }
    }
  }
}
