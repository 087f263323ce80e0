package io.wirestream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.pipeline.RecordingSink;
import io.wirestream.schemas.avro.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchFolderRegressionTest {

  private static final String MARKET = """
      Fish market moves to the north quay

      The weekly fish market will move to the north quay from July, the harbour office said on \
      Wednesday.
      """;

  @TempDir
  private Path folder;

  private final RecordingSink sink = new RecordingSink();
  private final IngestPipeline pipeline = new IngestPipeline(
      new StoryParsers(ParserConfig.defaults()), new VersionLedger(), sink,
      new IngestMetrics(new SimpleMeterRegistry()),
      Clock.fixed(Instant.parse("2024-06-12T10:15:30Z"), ZoneOffset.UTC));

  @Test
  void shouldPublishFileAgainAfterItsPublishFailed() throws Exception {
    sink.failNextPublish(new IllegalStateException("broker down"));
    try (WatchFolder watching = WatchFolder.start(folder, pipeline, Optional.empty(),
        ParserConfig.DEFAULT_MAX_DOCUMENT_BYTES)) {
      Files.writeString(folder.resolve("market.txt"), MARKET);

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sink.published())
          .extracting(RawArticle::getHeadline)
          .containsExactly("Fish market moves to the north quay"));
    }
  }

  @Test
  void shouldSkipFilesInsideHiddenFolders() throws Exception {
    try (WatchFolder watching = WatchFolder.start(folder, pipeline, Optional.empty(),
        ParserConfig.DEFAULT_MAX_DOCUMENT_BYTES)) {
      Files.createDirectories(folder.resolve(".incoming"));
      Files.writeString(folder.resolve(".incoming/market.txt"), MARKET);
      Files.writeString(folder.resolve("market.txt"), MARKET);

      await().atMost(Duration.ofSeconds(10)).until(() -> watching.documentsRead() >= 1);
      await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
          .until(() -> watching.documentsRead() == 1);
    }
  }
}
