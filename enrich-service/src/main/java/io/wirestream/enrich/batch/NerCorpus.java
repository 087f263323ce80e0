package io.wirestream.enrich.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.schemas.avro.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Documents with hand-annotated entity spans, for mention-level scoring: exact (start, end, type)
 * as the CoNLL evaluation counts them. Two shapes are read:
 * <ul>
 *   <li>CoNLL-style sentences as JSON lines ({@code {"doc", "text", "entities": [{"start",
 *       "end", "type"}]}}, the shape of {@code devdata/wikigold/ner.jsonl}): the sentences of one
 *       {@code doc} become one body, one sentence per line;</li>
 *   <li>inline-annotated stories ({@code {"id", "headline", "body"}} where every name is written
 *       {@code [[TYPE|surface]]}, TYPE one of PER, ORG, LOC, MISC), which is how the wire-genre
 *       gold stories are kept readable.</li>
 * </ul>
 */
public final class NerCorpus {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INLINE = Pattern.compile("\\[\\[(PER|ORG|LOC|MISC)\\|([^\\]]+)]]");

  private NerCorpus() {
  }

  /** One gold span; offsets into its field's text, end exclusive. */
  public record Span(int start, int end, EntityType type) {
  }

  /** One document: its text and its gold spans per field. */
  public record Document(String id, String headline, String body, List<Span> headlineGold,
      List<Span> bodyGold) {
  }

  /** Reads CoNLL-style sentence lines and joins each document's sentences, one per line. */
  public static List<Document> readSentences(final Path file) throws IOException {
    final Map<String, StringBuilder> bodies = new LinkedHashMap<>();
    final Map<String, List<Span>> golds = new LinkedHashMap<>();
    for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      final JsonNode sentence = JSON.readTree(line);
      final String doc = sentence.path("doc").asText();
      final StringBuilder body = bodies.computeIfAbsent(doc, d -> new StringBuilder());
      if (body.length() > 0) {
        body.append('\n');
      }
      final int base = body.length();
      body.append(sentence.path("text").asText());
      final List<Span> gold = golds.computeIfAbsent(doc, d -> new ArrayList<>());
      for (final JsonNode entity : sentence.path("entities")) {
        gold.add(new Span(base + entity.path("start").asInt(), base + entity.path("end").asInt(),
            type(entity.path("type").asText())));
      }
    }
    final List<Document> documents = new ArrayList<>();
    bodies.forEach((doc, body) ->
        documents.add(new Document(doc, "", body.toString(), List.of(), golds.get(doc))));
    return documents;
  }

  /** Reads inline-annotated stories. */
  public static List<Document> readInline(final Path file) throws IOException {
    final List<Document> documents = new ArrayList<>();
    int number = 0;
    for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      final JsonNode story = JSON.readTree(line);
      final String id = story.path("id").asText("line-" + number);
      final List<Span> headlineGold = new ArrayList<>();
      final List<Span> bodyGold = new ArrayList<>();
      final String headline = strip(story.path("headline").asText(""), headlineGold, id);
      final String body = strip(story.path("body").asText(""), bodyGold, id);
      documents.add(new Document(id, headline, body, headlineGold, bodyGold));
    }
    return documents;
  }

  /** The text without its markup; the spans it marked go to {@code gold}. */
  static String strip(final String annotated, final List<Span> gold, final String id) {
    final StringBuilder text = new StringBuilder(annotated.length());
    final Matcher matcher = INLINE.matcher(annotated);
    int last = 0;
    while (matcher.find()) {
      text.append(annotated, last, matcher.start());
      final int start = text.length();
      text.append(matcher.group(2));
      gold.add(new Span(start, text.length(), type(matcher.group(1))));
      last = matcher.end();
    }
    text.append(annotated, last, annotated.length());
    if (text.indexOf("[[") >= 0 || text.indexOf("]]") >= 0) {
      throw new IllegalArgumentException("Story " + id + " has a malformed [[TYPE|name]] mark");
    }
    return text.toString();
  }

  private static EntityType type(final String label) {
    switch (label) {
      case "PER":
        return EntityType.PERSON;
      case "ORG":
        return EntityType.ORGANIZATION;
      case "LOC":
        return EntityType.LOCATION;
      case "MISC":
        return EntityType.MISC;
      default:
        throw new IllegalArgumentException("Unknown entity label " + label);
    }
  }
}
