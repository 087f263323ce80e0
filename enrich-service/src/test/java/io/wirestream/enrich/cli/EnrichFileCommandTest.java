package io.wirestream.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wirestream enrich-file}'s options, refused before any file is touched. */
class EnrichFileCommandTest {

  @Test
  void aNegativeClusterWindowShouldBeRefusedWithoutTruncatingTheOutput(@TempDir final Path dir)
      throws IOException {
    final Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"a\",\"body\":\"x\"}\n");
    final Path out = Files.writeString(dir.resolve("out.jsonl"), "kept\n");
    final StringWriter err = new StringWriter();

    final int exit = new CommandLine(new EnrichFileCommand()).setErr(new PrintWriter(err))
        .execute("--cluster-window", "-1", in.toString(), out.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--cluster-window must be 0 (off) or more, got -1");
    assertThat(Files.readString(out)).isEqualTo("kept\n");
  }
}
