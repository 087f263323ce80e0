package io.wirestream.enrich.cli;

import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.batch.EnrichFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream enrich-file IN.jsonl OUT.jsonl}: the enricher without Kafka. */
@Command(name = "enrich-file", mixinStandardHelpOptions = true,
    description = "Enrich a JSON-lines file of stories without Kafka (docs/enrich-file.md).")
public final class EnrichFileCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "IN.jsonl")
  private Path in;

  @Parameters(index = "1", paramLabel = "OUT.jsonl")
  private Path out;

  private int clusterWindow;

  @Option(names = "--cluster-window", paramLabel = "N",
      defaultValue = "${env:WIRESTREAM_CLUSTER_WINDOW:-" + EnrichFile.DEFAULT_CLUSTER_WINDOW + "}",
      description = "Copies get duplicateOf when they match one of the last N stories with a"
          + " signature (about 4.6 KB of heap each); 0 turns clustering off."
          + " Default: ${DEFAULT-VALUE}.")
  void setClusterWindow(final int window) {
    // Refused before OUT is opened, so a bad value never truncates the output file.
    if (window < 0) {
      throw new ParameterException(spec.commandLine(), "--cluster-window must be 0 (off) or"
          + " more, got " + window);
    }
    clusterWindow = window;
  }

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    final EnrichFile.Report report;
    try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
        Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      report = new EnrichFile(NewsEnricher.load(), Clock.systemUTC(), clusterWindow)
          .run(reader, writer);
    }
    final PrintWriter err = spec.commandLine().getErr();
    err.printf("%d stories enriched into %s, %d rejected%n", report.enriched(), out,
        report.rejected().size());
    report.rejected().forEach(line -> err.println("  rejected " + in + " " + line));
    err.flush();
    return report.rejected().isEmpty() ? 0 : 1;
  }
}
