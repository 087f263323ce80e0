package io.wirestream.deploy;

import io.wirestream.enrich.cli.EnrichCommand;
import io.wirestream.enrich.cli.EnrichFileCommand;
import io.wirestream.enrich.cli.EvalCommand;
import io.wirestream.enrich.cli.EvalToneCommand;
import io.wirestream.ingest.cli.IngestCommand;
import io.wirestream.schemas.cli.SchemasCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./wirestream}: one entry point for every Wirestream command. */
@Command(name = "wirestream", mixinStandardHelpOptions = true, version = "wirestream 0.1.0",
    description = "Wirestream: wire stories in, enriched news topics out, on Apache Kafka.",
    subcommands = {DemoCommand.class, TailCommand.class, SmokeCommand.class,
        DevStackCommand.class, IngestCommand.class,
        EnrichCommand.class, EnrichFileCommand.class, EvalCommand.class, EvalToneCommand.class,
        SchemasCommand.class, DlqCommand.class})
public final class WirestreamCli {

  private WirestreamCli() {
  }

  public static void main(final String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with errors reported as one line and exit code 1, not a stack trace. */
  public static CommandLine commandLine() {
    return new CommandLine(new WirestreamCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("error: " + e.getMessage());
      cmd.getErr().flush();
      return 1;
    });
  }
}
