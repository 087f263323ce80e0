package io.wirestream.enrich.cli;

import io.wirestream.enrich.tone.DevSetEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream eval-tone DEVDATA_DIR}: the tone model against VADER and always-NEUTRAL on the
 * development sentiment sets, on the halves no threshold or weight was fitted on.
 */
@Command(name = "eval-tone", mixinStandardHelpOptions = true,
    description = {"Scores the tone model, VADER and always-NEUTRAL on the development sets"
        + " (TFNS, NewsMTSC train) in DEVDATA_DIR: macro-F1, accuracy and F1 per class, sentence"
        + "/article and entity level, on the test halves; prints the thresholds chosen on the"
        + " fit halves.",
        "With --write-entity-model FILE it instead trains the entity tone model on the fit half"
            + " of NewsMTSC train and writes its weights (the shipped"
            + " entity_tone_model.tsv)."})
public final class EvalToneCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DEVDATA_DIR",
      description = "Folder with tfns/sentiment.jsonl and newsmtsc/sentiment.jsonl.")
  private Path devdata;

  @Option(names = "--write-entity-model", paramLabel = "FILE",
      description = "Train the entity tone model and write its weights to FILE.")
  private Path modelFile;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    final PrintWriter out = spec.commandLine().getOut();
    for (final String set : new String[] {"tfns/sentiment.jsonl", "newsmtsc/sentiment.jsonl"}) {
      if (!Files.isRegularFile(devdata.resolve(set))) {
        spec.commandLine().getErr().println("error: " + devdata.resolve(set) + " not found");
        spec.commandLine().getErr().flush();
        return 1;
      }
    }
    if (modelFile != null) {
      final int targets;
      try (Writer w = Files.newBufferedWriter(modelFile, StandardCharsets.UTF_8)) {
        targets = DevSetEvaluation.writeEntityModel(devdata, w);
      }
      out.println("wrote " + modelFile + " (trained on " + targets + " targets)");
    } else {
      DevSetEvaluation.run(devdata).forEach(out::println);
    }
    out.flush();
    return 0;
  }
}
