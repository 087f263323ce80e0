package io.wirestream.enrich.cli;

import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.batch.EntityAblation;
import io.wirestream.enrich.batch.GoldEvaluation;
import io.wirestream.enrich.batch.NerCorpus;
import io.wirestream.enrich.countries.Gazetteer;
import io.wirestream.enrich.entities.EntityRecognizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream eval GOLD_DIR}: score the enricher on a hand-annotated gold set; with
 * {@code --entities}, the ablation table of the entity layer on it and on mention-annotated sets.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Precision/recall/F1 per entity type and for country tags, tone agreement; "
        + "--entities: every step of the entity layer measured (a markdown table).")
public final class EvalCommand implements Callable<Integer> {

  @Parameters(paramLabel = "GOLD_DIR",
      description = "Folder with stories.jsonl and annotations.jsonl.")
  private Path goldDir;

  @Option(names = "--entities",
      description = "Print the entity ablation table (bare CRF, each step, all) instead.")
  private boolean entities;

  @Option(names = "--mentions", paramLabel = "FILE",
      description = "Mention-annotated set for --entities, repeatable: inline [[TYPE|name]] "
          + "stories (JSON lines) or CoNLL-style sentence lines with \"doc\" (such as "
          + "devdata/wikigold/ner.jsonl).")
  private List<Path> mentionSets = new ArrayList<>();

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    final PrintWriter out = spec.commandLine().getOut();
    final NewsEnricher enricher = NewsEnricher.load();
    if (!entities) {
      GoldEvaluation.evaluate(goldDir, enricher).lines().forEach(out::println);
      out.flush();
      return 0;
    }
    final List<EntityAblation.MentionSet> sets = new ArrayList<>();
    for (final Path file : mentionSets) {
      if (!Files.isRegularFile(file)) {
        spec.commandLine().getErr().println("No such mention set: " + file);
        return 2;
      }
      sets.add(new EntityAblation.MentionSet(label(file), read(file)));
    }
    final Gazetteer gazetteer = Gazetteer.load();
    new EntityAblation(enricher, EntityRecognizer.load(), NewsEnricher.countryNames(gazetteer),
        NewsEnricher.legacyPlaceNames(gazetteer)).report(goldDir, sets).forEach(out::println);
    out.flush();
    return 0;
  }

  /** Sentence lines carry a "doc" field; inline stories do not. */
  private static List<NerCorpus.Document> read(final Path file) throws IOException {
    final String first;
    try (var lines = Files.lines(file)) {
      first = lines.filter(l -> !l.isBlank()).findFirst().orElse("");
    }
    return first.contains("\"doc\"") ? NerCorpus.readSentences(file) : NerCorpus.readInline(file);
  }

  /** The set's folder name ("wikigold", "gold-wire"): its files have generic names. */
  private static String label(final Path file) {
    final Path folder = file.toAbsolutePath().getParent();
    return folder == null ? file.getFileName().toString() : folder.getFileName().toString();
  }
}
