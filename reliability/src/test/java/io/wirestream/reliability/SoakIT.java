package io.wirestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.reliability.soak.SoakResult;
import io.wirestream.reliability.soak.SoakRunner;
import io.wirestream.reliability.soak.SoakSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;


/**
 * A short soak and burst for CI (longer ones from the command line, docs/reliability.md): at a
 * steady share of the measured capacity the lag stays bounded and nothing is dead-lettered; after
 * a burst at 10x the steady rate the backlog drains; every accepted story comes out once.
 */
@Tag("integration")
class SoakIT {

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path workDir;

  @Test
  @Timeout(420)
  void pipelineShouldKeepUpAtSteadyLoadAndDrainABurst() throws Exception {
    final SoakSettings settings = new SoakSettings(1, 6, 1500, 0, 0.7, Duration.ofSeconds(45),
        Duration.ofSeconds(5), 10, Duration.ofSeconds(5), Duration.ofSeconds(150));
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final SoakResult result;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      result = SoakRunner.run(settings, workDir, new PrintStream(new TeeStream(out, System.out),
          true, StandardCharsets.UTF_8));
    } finally {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "soak-report.txt"), printed.toString(StandardCharsets.UTF_8),
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }
    assertThat(result.capacity()).as("measured capacity").isPositive();
    // Bounded: less than 30 s worth of input waiting at any sample of the steady phase.
    assertThat(result.steadyLagMax()).as("steady lag").isLessThan(
        Math.round(result.steadyRate() * 30));
    assertThat(result.deadLetterGrowth()).as("dead letters on good input").isZero();
    assertThat(result.burstDrained()).as("burst backlog drained").isTrue();
    assertThat(result.accounting().lost()).as("lost").isEmpty();
    assertThat(result.accounting().duplicated()).as("duplicated").isEmpty();
  }

  /** Writes to two streams. */
  private static final class TeeStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeStream(final OutputStream first, final OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(final int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(final byte[] bytes, final int offset, final int length)
        throws IOException {
      first.write(bytes, offset, length);
      second.write(bytes, offset, length);
    }
  }
}
