package io.wirestream.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code wirestream enrich} in a container binds every interface; it must then be told the name
 * its peers reach it at, or queries forwarded to it would go to 0.0.0.0. Refused before any
 * connection is made, so no broker is needed.
 */
class EnrichCommandTest {

  @Test
  void shouldRefuseAWildcardBindWithoutAnAdvertisedHost() {
    final StringWriter err = new StringWriter();
    final CommandLine cli = new CommandLine(new EnrichCommand()).setErr(new PrintWriter(err));
    final int exit = cli.execute("--bootstrap-servers", "127.0.0.1:9",
        "--schema-registry-url", "http://127.0.0.1:9", "--http-host", "0.0.0.0");
    assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(2);
    assertThat(err.toString()).contains("--advertised-host")
        .contains("WIRESTREAM_ENRICH_ADVERTISED_HOST");
  }

  @Test
  void shouldNameTheEnvironmentVariableOfEveryContainerOption() {
    final CommandLine cli = new CommandLine(new EnrichCommand()).setInterpolateVariables(false);
    for (final String option : new String[] {"--threads", "--http-host", "--http-port",
        "--advertised-host", "--state-dir", "--application-id"}) {
      final CommandLine.Model.OptionSpec spec = cli.getCommandSpec().findOption(option);
      assertThat(spec.defaultValue()).as("%s default", option).startsWith("${env:WIRESTREAM_");
      final String variable = spec.defaultValue().replaceAll("^\\$\\{env:([A-Z_]+).*", "$1");
      assertThat(String.join(" ", spec.description())).as("%s description", option)
          .contains(variable);
    }
  }
}
