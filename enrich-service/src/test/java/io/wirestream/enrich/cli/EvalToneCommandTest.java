package io.wirestream.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.tone.DevSetEvaluationTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wirestream eval-tone} on an invented devdata folder of the real shape. */
class EvalToneCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(final String... args) {
    return new CommandLine(new EvalToneCommand()).setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void shouldPrintTheTable(@TempDir final Path dir) throws IOException {
    DevSetEvaluationTest.writeDevdata(dir);
    assertThat(run(dir.toString())).as("stderr: %s", err).isZero();
    assertThat(out.toString()).contains("| set (test half) | level |")
        .contains("always NEUTRAL").contains("VADER").contains("chosen for macro-F1");
  }

  @Test
  void shouldWriteAnEntityModel(@TempDir final Path dir) throws IOException {
    DevSetEvaluationTest.writeDevdata(dir);
    final Path model = dir.resolve("model.tsv");
    assertThat(run(dir.toString(), "--write-entity-model", model.toString())).isZero();
    assertThat(Files.readString(model)).startsWith("# Entity tone model").contains("\nbias\t");
    assertThat(out.toString()).contains("trained on");
  }

  @Test
  void shouldNameAMissingSetAndExitOne(@TempDir final Path dir) {
    assertThat(run(dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("tfns").contains("not found");
  }
}
