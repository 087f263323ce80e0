package io.wirestream.enrich.cli;

import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.batch.GoldEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream eval GOLD_DIR}: score the enricher on a hand-annotated gold set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Precision/recall/F1 per entity type and for country tags, tone agreement.")
public final class EvalCommand implements Callable<Integer> {

  @Parameters(paramLabel = "GOLD_DIR",
      description = "Folder with stories.jsonl and annotations.jsonl.")
  private Path goldDir;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    final PrintWriter out = spec.commandLine().getOut();
    GoldEvaluation.evaluate(goldDir, NewsEnricher.load()).lines().forEach(out::println);
    out.flush();
    return 0;
  }
}
