package io.wirestream.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IngestCommandFeedOptionsTest {

  @Test
  void aFeedZoneShouldBelongToTheFeedBeforeIt() {
    final IngestCommand command = new IngestCommand();

    new CommandLine(command).parseArgs("--feed", "https://a.example/rss", "--feed-zone",
        "Europe/Rome", "--feed", "https://b.example/rss", "--feed", "https://c.example/atom",
        "--feed-zone", "America/Chicago");

    assertThat(command.feedUrls()).containsExactly(URI.create("https://a.example/rss"),
        URI.create("https://b.example/rss"), URI.create("https://c.example/atom"));
    assertThat(command.feedZones()).isEqualTo(Map.of(
        URI.create("https://a.example/rss"), ZoneId.of("Europe/Rome"),
        URI.create("https://c.example/atom"), ZoneId.of("America/Chicago")));
  }
}
