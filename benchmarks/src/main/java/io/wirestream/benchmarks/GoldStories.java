package io.wirestream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import io.wirestream.enrich.batch.EnrichFile;
import io.wirestream.schemas.avro.RawArticle;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The English stories of the enrich-service gold set, as the {@code RawArticle}s that
 * {@code GoldEvaluation} and {@code enrich-file} make of them, with their token counts: realistic
 * wire copy (about 150 words each) for the enrichment benchmark.
 */
public final class GoldStories {

  /** Where the gold set lives, relative to the repository root. */
  public static final Path DEFAULT_DIR = Path.of("enrich-service/src/test/resources/gold");

  /** The PTB tokenizer options of {@code EntityRecognizer}, so token counts match what the CRF sees. */
  private static final String TOKENIZER_OPTIONS =
      "invertible=true,splitHyphenated=false,untokenizable=noneKeep";
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldStories() {
  }

  /**
   * One gold story.
   *
   * @param article the story as the enricher takes it
   * @param tokens PTB tokens of headline plus body
   */
  public record Story(RawArticle article, int tokens) {
  }

  /** The stories annotated as English, in file order. */
  public static List<Story> english(final Path dir) throws IOException {
    final Map<String, String> languages = new HashMap<>();
    for (final String line : lines(dir.resolve("annotations.jsonl"))) {
      final JsonNode node = JSON.readTree(line);
      languages.put(node.path("id").asText(), node.path("language").asText());
    }
    // The enricher is not used: only the line-to-RawArticle mapping of enrich-file is.
    final EnrichFile inputs = new EnrichFile(raw -> {
      throw new UnsupportedOperationException("not used");
    }, Clock.systemUTC());
    final List<Story> stories = new ArrayList<>();
    for (final String line : lines(dir.resolve("stories.jsonl"))) {
      final JsonNode node = JSON.readTree(line);
      if ("en".equals(languages.get(node.path("id").asText()))) {
        final RawArticle article = inputs.article(node);
        stories.add(new Story(article, tokens(article.getHeadline()) + tokens(article.getBody())));
      }
    }
    if (stories.isEmpty()) {
      throw new IllegalStateException("No English gold stories in " + dir.toAbsolutePath());
    }
    return stories;
  }

  /** Writes a copy of the gold set holding only its English stories, for a second evaluation. */
  public static void writeEnglishOnly(final Path dir, final Path target) throws IOException {
    final Map<String, String> languages = new HashMap<>();
    final List<String> annotations = new ArrayList<>();
    for (final String line : lines(dir.resolve("annotations.jsonl"))) {
      final JsonNode node = JSON.readTree(line);
      languages.put(node.path("id").asText(), node.path("language").asText());
      if ("en".equals(node.path("language").asText())) {
        annotations.add(line);
      }
    }
    final List<String> stories = new ArrayList<>();
    for (final String line : lines(dir.resolve("stories.jsonl"))) {
      if ("en".equals(languages.get(JSON.readTree(line).path("id").asText()))) {
        stories.add(line);
      }
    }
    Files.createDirectories(target);
    Files.write(target.resolve("annotations.jsonl"), annotations, StandardCharsets.UTF_8);
    Files.write(target.resolve("stories.jsonl"), stories, StandardCharsets.UTF_8);
  }

  /** A copy of the story under a new id and content hash, ingested at {@code ingestedAt}. */
  public static RawArticle copy(final Story story, final String id, final Instant ingestedAt) {
    final RawArticle article = story.article();
    return RawArticle.newBuilder(article)
        .setId(id)
        .setContentHash(article.getContentHash() + "-" + id)
        .setIngestedAt(ingestedAt)
        .build();
  }

  private static int tokens(final String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    final PTBTokenizer<CoreLabel> tokenizer = new PTBTokenizer<>(new StringReader(text),
        new CoreLabelTokenFactory(), TOKENIZER_OPTIONS);
    return tokenizer.tokenize().size();
  }

  private static List<String> lines(final Path file) throws IOException {
    final List<String> lines = new ArrayList<>();
    for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
