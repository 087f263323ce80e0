package io.wirestream.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code eval --entities} on a two-story gold set and a two-story mention set. */
class EvalCommandTest {

  @TempDir
  Path dir;

  @Test
  void shouldPrintTheAblationTableWithEveryStepAndTheThresholds() throws Exception {
    final Path gold = Files.createDirectory(dir.resolve("gold"));
    Files.write(gold.resolve("stories.jsonl"), List.of(
        "{\"id\":\"g1\",\"headline\":\"Leeds beat Newcastle\",\"body\":\"Leeds United beat "
            + "Newcastle 3-2 at Elland Road on Saturday, manager Martin Hale said.\"}",
        "{\"id\":\"g2\",\"headline\":\"Calder buys dairy\",\"body\":\"Calder Foods Plc agreed to buy "
            + "a dairy in Somerset. Calder said the deal would add to earnings.\"}"));
    Files.write(gold.resolve("annotations.jsonl"), List.of(
        "{\"id\":\"g1\",\"language\":\"en\",\"entities\":[{\"type\":\"ORGANIZATION\",\"name\":"
            + "\"Leeds United\"},{\"type\":\"ORGANIZATION\",\"name\":\"Newcastle\"},{\"type\":"
            + "\"LOCATION\",\"name\":\"Elland Road\"},{\"type\":\"PERSON\",\"name\":\"Martin Hale\"}],"
            + "\"countries\":[\"GB\"],\"primaryCountry\":\"GB\",\"tone\":\"POSITIVE\"}",
        "{\"id\":\"g2\",\"language\":\"en\",\"entities\":[{\"type\":\"ORGANIZATION\",\"name\":"
            + "\"Calder Foods Plc\"},{\"type\":\"LOCATION\",\"name\":\"Somerset\"}],"
            + "\"countries\":[\"GB\"],\"primaryCountry\":\"GB\",\"tone\":\"NEUTRAL\"}"));
    final Path mentions = Files.createDirectory(dir.resolve("wire"));
    Files.write(mentions.resolve("stories.jsonl"), List.of(
        "{\"id\":\"w1\",\"body\":\"[[LOC|DENVER]] 2026-12-01\\n[[ORG|BOSTON]] 112 [[ORG|Miami]] "
            + "104\"}",
        "{\"id\":\"w2\",\"body\":\"[[PER|Anna Berg]] of [[ORG|Norvik Energy]] spoke in "
            + "[[LOC|Oslo]] .\"}"));
    final StringWriter out = new StringWriter();
    final CommandLine cli = new CommandLine(new EvalCommand());
    cli.setOut(new PrintWriter(out));

    final int exit = cli.execute(gold.toString(), "--entities", "--mentions",
        mentions.resolve("stories.jsonl").toString());

    assertThat(exit).isZero();
    final List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).contains("gold set (names) F1").contains("wire (mentions) F1");
    assertThat(lines).anyMatch(l -> l.startsWith("| bare CRF |"))
        .anyMatch(l -> l.startsWith("| 0.1 layer"))
        .anyMatch(l -> l.startsWith("| + document vote |"))
        .anyMatch(l -> l.startsWith("| all without wire lines"))
        .anyMatch(l -> l.startsWith("| all (the enricher) |"))
        .anyMatch(l -> l.startsWith("| 0.8 |"));
    // Every F1 cell is a number in [0, 1].
    assertThat(lines.stream().filter(l -> l.startsWith("| all (the enricher) |")).findFirst()
        .orElseThrow()).matches("\\| all \\(the enricher\\) \\|( [01]\\.\\d{3} \\|"
            + " [01]\\.\\d{3} / [01]\\.\\d{3} / [01]\\.\\d{3} \\|){2}");
  }

  @Test
  void shouldRefuseAMissingMentionSet() {
    final StringWriter err = new StringWriter();
    final CommandLine cli = new CommandLine(new EvalCommand());
    cli.setErr(new PrintWriter(err));

    final int exit = cli.execute(dir.toString(), "--entities", "--mentions",
        dir.resolve("nope.jsonl").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("No such mention set").contains("nope.jsonl");
  }
}
