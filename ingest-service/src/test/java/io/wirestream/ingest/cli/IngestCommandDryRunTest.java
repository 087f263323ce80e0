package io.wirestream.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.ingest.pipeline.TestFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandDryRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> RAW_ARTICLE_FIELDS = List.of("id", "version", "source",
      "outlet", "sourceGuid", "url", "headline", "byline", "dateline", "section", "language",
      "body", "subjects", "urgency", "publishedAt", "ingestedAt", "contentHash", "embargoUntil",
      "status", "format", "attributes", "warnings");
  private static final String HARBOUR_BODY = String.join("\n\n",
      "The Port of Aldermouth on Wednesday opened its first fully automated container berth, a"
          + " project that took four years and cost about 310 million euros.",
      "Harbour master Tomas Ekdahl told reporters the berth would handle up to 900,000"
          + " containers a year once its cranes reach full speed in the autumn.",
      "\"We expect the first weeks to be slow while crews learn the new routines,\" Ekdahl said.",
      "Dock workers' unions had opposed the project for two years, warning that"
          + " remote-controlled cranes would cut hundreds of jobs.",
      "Retraining deal",
      "Under an agreement signed in January, the port will retrain 240 crane drivers as remote"
          + " operators and keep staffing levels unchanged until 2022.",
      "Union spokeswoman Ines Varga said the deal was \"the best we could get in the"
          + " circumstances\".");
  private static final byte[] JUNK = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0,
      0, '\r', 'I', 'H', 'D', 'R'};

  @TempDir
  private Path fixtures;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void copyGoodFixtures() throws Exception {
    Files.write(fixtures.resolve("a-harbour.txt"),
        TestFixtures.bytes("plaintext/harbour-times-business.txt"));
    Files.write(fixtures.resolve("c-riverside.json"),
        TestFixtures.bytes("ninjs/ninjs1-body-html.json"));
    Files.write(fixtures.resolve("d-aldermouth.xml"),
        TestFixtures.bytes("newsml/newsitem-single.xml"));
  }

  /** Adds binary junk that sorts between the first and the second good fixture. */
  private Path addJunk() throws Exception {
    return Files.write(fixtures.resolve("b-photo.png"), JUNK);
  }

  private int run(final String... args) {
    final CommandLine command = new CommandLine(new IngestCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  private List<JsonNode> printedStories() throws Exception {
    final List<JsonNode> stories = new ArrayList<>();
    for (final String line : out.toString().lines().toList()) {
      stories.add(JSON.readTree(line));
    }
    return stories;
  }

  private List<String> printedHeadlines() throws Exception {
    return printedStories().stream().map(story -> story.path("headline").asText()).toList();
  }

  private static List<String> fieldNames(final JsonNode story) {
    final List<String> names = new ArrayList<>();
    story.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void shouldExitZeroForGoodFixtures() {
    final int exit = run("--dry-run", "--no-progress", fixtures.toString());

    assertThat(exit).isZero();
  }

  @Test
  void shouldPrintOneJsonLinePerStoryWithRawArticleFieldNames() throws Exception {
    run("--dry-run", "--no-progress", fixtures.toString());

    final List<JsonNode> stories = printedStories();
    assertThat(stories).hasSize(3);
    assertThat(stories).allSatisfy(story ->
        assertThat(fieldNames(story)).containsExactlyElementsOf(RAW_ARTICLE_FIELDS));
  }

  @Test
  void shouldPrintStoriesInPathOrder() throws Exception {
    run("--dry-run", "--no-progress", fixtures.toString());

    assertThat(printedHeadlines()).containsExactly(
        "Port of Aldermouth opens automated container berth",
        "Riverside council delays budget vote by a week",
        "Aldermouth port opens automated berth after four-year build");
  }

  @Test
  void shouldPrintFieldsOfPlainTextStory() throws Exception {
    run("--dry-run", "--no-progress", fixtures.resolve("a-harbour.txt").toString());

    final JsonNode story = printedStories().get(0);
    assertThat(story.path("headline").asText())
        .isEqualTo("Port of Aldermouth opens automated container berth");
    assertThat(story.path("body").asText()).isEqualTo(HARBOUR_BODY);
    assertThat(story.path("dateline").asText()).isEqualTo("Aldermouth");
    assertThat(story.path("outlet").asText()).isEqualTo("Harbour Times");
    assertThat(story.path("format").asText()).isEqualTo("PLAIN_TEXT");
    assertThat(story.path("version").asInt()).isEqualTo(1);
    assertThat(story.path("publishedAt").asText()).isEqualTo("2019-03-14T16:05:00Z");
    assertThat(story.path("attributes").path("edition").asText())
        .isEqualTo("Harbour Times 03/14/2019 page7");
  }

  @Test
  void shouldWriteSummaryToStandardError() {
    run("--dry-run", "--no-progress", fixtures.toString());

    assertThat(err.toString().lines()).containsExactly("3 document(s): 3 published,"
        + " 0 updated version(s), 0 unchanged re-send(s), 0 stale, 0 rejected,"
        + " 0 not acknowledged");
  }

  @Test
  void shouldExitRejectedAndStopAtFirstRejection() throws Exception {
    final Path junk = addJunk();

    final int exit = run("--dry-run", "--no-progress", fixtures.toString());

    assertThat(exit).isEqualTo(IngestCommand.EXIT_REJECTED);
    assertThat(printedHeadlines())
        .containsExactly("Port of Aldermouth opens automated container berth");
    assertThat(err.toString()).contains("2 document(s): 1 published")
        .contains("  rejected " + junk + " (byte 8): BINARY: binary content: NUL byte at byte 8");
  }

  @Test
  void shouldPrintEveryGoodStoryWithKeepGoingAndStillExitRejected() throws Exception {
    addJunk();

    final int exit = run("--dry-run", "--no-progress", "--keep-going", fixtures.toString());

    assertThat(exit).isEqualTo(IngestCommand.EXIT_REJECTED);
    assertThat(printedHeadlines()).containsExactly(
        "Port of Aldermouth opens automated container berth",
        "Riverside council delays budget vote by a week",
        "Aldermouth port opens automated berth after four-year build");
    assertThat(err.toString()).contains("4 document(s): 3 published, 0 updated version(s),"
        + " 0 unchanged re-send(s), 0 stale, 1 rejected, 0 not acknowledged");
  }

  @Test
  void shouldReportSecondCopyOfSameStoryAsUnchanged() throws Exception {
    final Path copy = Files.write(fixtures.resolve("e-harbour-copy.txt"),
        TestFixtures.bytes("plaintext/harbour-times-business.txt"));

    run("--dry-run", "--no-progress", fixtures.resolve("a-harbour.txt").toString(),
        copy.toString());

    assertThat(printedStories()).hasSize(1);
    assertThat(err.toString()).contains("2 document(s): 1 published, 0 updated version(s),"
        + " 1 unchanged re-send(s)");
  }

  @Test
  void shouldExitUsageErrorWithoutPath() {
    final int exit = run("--dry-run");

    assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("Nothing to ingest: give PATH..., --watch DIR,"
        + " --feed URL or --http-port PORT");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldExitUsageErrorForUnknownFormat() {
    final int exit = run("--dry-run", "--format", "nope", fixtures.toString());

    assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("unknown format 'nope'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldExitUsageErrorNamingMissingPath() {
    final String missing = fixtures.resolve("no-such-story.txt").toString();

    final int exit = run("--dry-run", missing);

    assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("No such file, folder or match: " + missing);
  }

  @Test
  void shouldExitUsageErrorNamingClusterFlagsWithoutDryRun() {
    // The flag's default comes from this variable; when the JVM has it, Kafka would be tried.
    assumeTrue(System.getenv("WIRESTREAM_BOOTSTRAP_SERVERS") == null,
        "WIRESTREAM_BOOTSTRAP_SERVERS is set in this environment");

    final int exit = run("--no-progress", fixtures.toString());

    assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("--bootstrap-servers and --schema-registry-url are"
        + " required").contains("unless --dry-run");
    assertThat(out.toString()).isEmpty();
  }
}
