package io.wirestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * README's first command, {@code ./wirestream smoke}, run in-process: it starts its own devstack,
 * round-trips a story and stops everything.
 */
@Tag("integration")
@Timeout(180)
class SmokeCommandIT {

  @Test
  void smokeShouldRoundTripAStoryAndStopTheStack() {
    final StringWriter out = new StringWriter();
    final CommandLine cli = WirestreamCli.commandLine();
    cli.setOut(new PrintWriter(out));

    final int exitCode = cli.execute("smoke");

    assertThat(exitCode).as(out.toString()).isZero();
    assertThat(out.toString()).contains("SMOKE OK").contains("devstack stopped.");
    final Matcher ids = Pattern.compile("schema id (\\d+) \\(registry: (\\d+)\\)")
        .matcher(out.toString());
    assertThat(ids.find()).as(out.toString()).isTrue();
    assertThat(ids.group(1)).isEqualTo(ids.group(2));
  }

  @Test
  void helpShouldListTheCommands() {
    final StringWriter out = new StringWriter();
    final CommandLine cli = WirestreamCli.commandLine();
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("smoke").contains("devstack").contains("ingest")
        .contains("enrich").contains("enrich-file").contains("eval").contains("eval-tone")
        .contains("schemas");
  }
}
