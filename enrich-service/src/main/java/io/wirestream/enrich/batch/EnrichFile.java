package io.wirestream.enrich.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.enrich.Enricher;
import io.wirestream.enrich.cluster.NearDuplicateIndex;
import io.wirestream.enrich.cluster.SignatureScheme;
import io.wirestream.schemas.avro.EnrichedArticle;
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
 *
 * <p>Stories are clustered within the file, in input order, by the near-duplicate scheme
 * ({@link SignatureScheme#DEFAULT}; the topology does not use it yet): a copy of an earlier story under another id gets
 * {@code duplicateOf}, the id of its cluster's first story, matched among the last
 * {@code clusterWindow} stories.
 */
public final class EnrichFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Stories kept for matching copies by default: about 230 MB of heap. */
  public static final int DEFAULT_CLUSTER_WINDOW = 50_000;

  private final Enricher enricher;
  private final Clock clock;
  private final int clusterWindow;

  public EnrichFile(final Enricher enricher, final Clock clock) {
    this(enricher, clock, DEFAULT_CLUSTER_WINDOW);
  }

  /**
   * @param clusterWindow how many of the latest stories a copy is matched against; 0 turns
   *     clustering off
   */
  public EnrichFile(final Enricher enricher, final Clock clock, final int clusterWindow) {
    if (clusterWindow < 0) {
      throw new IllegalArgumentException("cluster window must be 0 (off) or more, got "
          + clusterWindow);
    }
    this.enricher = enricher;
    this.clock = clock;
    this.clusterWindow = clusterWindow;
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
    final NearDuplicateIndex clusters = clusterWindow == 0 ? null
        : new NearDuplicateIndex(SignatureScheme.DEFAULT, clusterWindow);
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        final RawArticle article = article(JSON.readTree(line));
        EnrichedArticle enrichedArticle = enricher.enrich(article);
        if (clusters != null) {
          final String first = clusters.add(article.getId(), article.getBody()).duplicateOf();
          // The same id again (a new version in the file) is not a copy of another story.
          if (first != null && !first.equals(article.getId())) {
            enrichedArticle = EnrichedArticle.newBuilder(enrichedArticle).setDuplicateOf(first)
                .build();
          }
        }
        out.write(JSON.writeValueAsString(EnrichedJson.toMap(enrichedArticle)));
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
