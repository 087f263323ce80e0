package io.wirestream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.pipeline.RecordingSink;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.RawArticle;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchFolderTest {

  private static final Duration AT_MOST = Duration.ofSeconds(10);
  /** Longer than the settle time and a few scans: enough to see a second read if one came. */
  private static final Duration QUIET = Duration.ofMillis(1500);

  private static final String LIFEBOAT_FIRST_HALF = """
      Home / Local

      Lantern Bay lifeboat returns with a new engine

      By Rhea Calder in Lantern Bay | Lantern Bay Ledger | Updated: 2024-06-11 14:20

      The Lantern Bay lifeboat went back into service on Tuesday with a new engine paid for by \
      a village fundraising drive.
      """;
  private static final String LIFEBOAT_REST = """

      Coxswain Idris Penhale said the crew could now reach Gull Point in under twelve minutes, \
      four minutes faster than before.

      The drive raised 86,000 pounds in five months, most of it from a summer swim.
      """;
  private static final String LIFEBOAT_BODY = "The Lantern Bay lifeboat went back into service"
      + " on Tuesday with a new engine paid for by a village fundraising drive.\n\n"
      + "Coxswain Idris Penhale said the crew could now reach Gull Point in under twelve"
      + " minutes, four minutes faster than before.\n\n"
      + "The drive raised 86,000 pounds in five months, most of it from a summer swim.";
  private static final String MARKET = """
      Fish market moves to the north quay

      The weekly fish market will move to the north quay from July, the harbour office said on \
      Wednesday.
      """;
  private static final byte[] JUNK = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0,
      0, '\r', 'I', 'H', 'D', 'R'};

  @TempDir
  private Path folder;

  private final RecordingSink sink = new RecordingSink();
  private final IngestPipeline pipeline = new IngestPipeline(
      new StoryParsers(ParserConfig.defaults()), new VersionLedger(), sink,
      new IngestMetrics(new SimpleMeterRegistry()),
      Clock.fixed(Instant.parse("2024-06-12T10:15:30Z"), ZoneOffset.UTC));

  private WatchFolder watch() {
    return WatchFolder.start(folder, pipeline, Optional.empty(),
        ParserConfig.DEFAULT_MAX_DOCUMENT_BYTES);
  }

  @Test
  void shouldIngestFileAlreadyPresentAtStart() throws Exception {
    Files.writeString(folder.resolve("market.txt"), MARKET);

    try (WatchFolder watching = watch()) {
      await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.published())
          .extracting(RawArticle::getHeadline)
          .containsExactly("Fish market moves to the north quay"));
    }
  }

  @Test
  void shouldIngestFileWrittenLaterOnce() throws Exception {
    try (WatchFolder watching = watch()) {
      Files.writeString(folder.resolve("market.txt"), MARKET);

      await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.published()).hasSize(1));
      await().during(QUIET).atMost(QUIET.multipliedBy(2))
          .until(() -> sink.published().size() == 1 && watching.documentsRead() == 1);
    }
  }

  @Test
  void shouldIngestFileInSubfolderCreatedAfterStart() throws Exception {
    try (WatchFolder watching = watch()) {
      final Path desk = Files.createDirectories(folder.resolve("desk/local"));
      Files.writeString(desk.resolve("market.txt"), MARKET);

      await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.published())
          .extracting(RawArticle::getHeadline)
          .containsExactly("Fish market moves to the north quay"));
    }
  }

  @Test
  void shouldReadFileWrittenInTwoPartsOnceAndComplete() throws Exception {
    try (WatchFolder watching = watch()) {
      try (OutputStream out = Files.newOutputStream(folder.resolve("lifeboat.txt"))) {
        out.write(LIFEBOAT_FIRST_HALF.getBytes(StandardCharsets.UTF_8));
        out.flush();
        // The writer pauses as a slow copy would; the rest lands well within the settle time.
        TimeUnit.MILLISECONDS.sleep(60);
        out.write(LIFEBOAT_REST.getBytes(StandardCharsets.UTF_8));
      }

      await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.published()).hasSize(1));
      await().during(QUIET).atMost(QUIET.multipliedBy(2))
          .until(() -> sink.published().size() == 1 && watching.documentsRead() == 1);
      assertThat(sink.published().get(0).getBody()).isEqualTo(LIFEBOAT_BODY);
      assertThat(sink.deadLetters()).isEmpty();
    }
  }

  @Test
  void shouldDeadLetterJunkFile() throws Exception {
    try (WatchFolder watching = watch()) {
      final Path junk = Files.write(folder.resolve("photo.png"), JUNK);

      await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.deadLetters())
          .extracting(DeadLetter::getStage, DeadLetter::getOrigin)
          .containsExactly(tuple(DeadLetterStage.INGEST,
              junk.toString())));
      assertThat(sink.published()).isEmpty();
    }
  }

  @Test
  void shouldSkipHiddenFiles() throws Exception {
    try (WatchFolder watching = watch()) {
      Files.writeString(folder.resolve(".market.txt.part"), MARKET);
      Files.writeString(folder.resolve("lifeboat.txt"), LIFEBOAT_FIRST_HALF + LIFEBOAT_REST);

      await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.published()).hasSize(1));
      await().during(QUIET).atMost(QUIET.multipliedBy(2))
          .until(() -> watching.documentsRead() == 1);
      assertThat(sink.published()).extracting(RawArticle::getHeadline)
          .containsExactly("Lantern Bay lifeboat returns with a new engine");
    }
  }

  @Test
  void shouldStopReadingAfterClose() throws Exception {
    final WatchFolder watching = watch();
    try {
      Files.writeString(folder.resolve("market.txt"), MARKET);
      await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.published()).hasSize(1));
    } finally {
      watching.close();
    }

    Files.writeString(folder.resolve("lifeboat.txt"), LIFEBOAT_FIRST_HALF + LIFEBOAT_REST);

    await().during(QUIET).atMost(QUIET.multipliedBy(2))
        .until(() -> sink.published().size() == 1 && watching.documentsRead() == 1);
    assertThat(sink.published()).extracting(RawArticle::getHeadline)
        .containsExactly("Fish market moves to the north quay");
  }

  @Test
  void shouldRefuseToWatchFile() throws Exception {
    final Path file = Files.writeString(folder.resolve("market.txt"), MARKET);

    assertThatThrownBy(() -> WatchFolder.start(file, pipeline, Optional.empty(), 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString());
  }
}
