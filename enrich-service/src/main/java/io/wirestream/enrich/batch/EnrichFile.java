package io.wirestream.enrich.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.enrich.Enricher;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Batch mode: the same {@link Enricher} as the topology, on a JSON-lines file, without Kafka, for
 * backfills and evaluation. Input lines: {@code {"id", "headline"?, "body", "dateline"?,
 * "source"?, "published"?}}; output lines: {@link EnrichedJson}. A bad line is reported with its
 * number and reason and the rest goes on.
 */
public final class EnrichFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Enricher enricher;
  private final Clock clock;

  public EnrichFile(final Enricher enricher, final Clock clock) {
    this.enricher = enricher;
    this.clock = clock;
  }

  /** What a run did. */
  public record Report(int enriched, List<String> rejected) {
  }

  /** Enriches every line of {@code in} into {@code out}. */
  public Report run(final BufferedReader in, final Writer out) throws IOException {
    int enriched = 0;
    final List<String> rejected = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        final RawArticle article = article(JSON.readTree(line));
        out.write(JSON.writeValueAsString(EnrichedJson.toMap(enricher.enrich(article))));
        out.write('\n');
        enriched++;
      } catch (final JsonProcessingException e) {
        rejected.add("line " + number + ": malformed JSON: " + e.getOriginalMessage());
      } catch (final RuntimeException e) {
        rejected.add("line " + number + ": " + e.getMessage());
      }
    }
    out.flush();
    return new Report(enriched, rejected);
  }

  /** An input line as the story the enricher takes; throws with a specific message if unusable. */
  public RawArticle article(final JsonNode line) {
    final String id = text(line, "id");
    final String body = text(line, "body");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("no \"id\"");
    }
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("story " + id + " has no \"body\"");
    }
    final String headline = text(line, "headline");
    return RawArticle.newBuilder()
        .setId(id)
        .setVersion(1)
        .setSource(text(line, "source") == null ? "enrich-file" : text(line, "source"))
        .setHeadline(headline == null ? "" : headline)
        .setDateline(text(line, "dateline"))
        .setBody(body)
        .setPublishedAt(published(text(line, "published")))
        .setIngestedAt(clock.instant())
        .setContentHash(sha256(body))
        .setFormat(SourceFormat.JSON_LINES)
        .build();
  }

  private static Instant published(final String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (final DateTimeParseException e) {
      throw new IllegalArgumentException("\"published\" is not an ISO-8601 instant: " + value);
    }
  }

  private static String text(final JsonNode line, final String field) {
    final JsonNode value = line.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String sha256(final String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
