package io.wirestream.ingest.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.RawArticle;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.Schema;

/**
 * {@code --dry-run}: prints each story as one JSON line with the RawArticle field names (plain
 * JSON, timestamps as ISO-8601), publishes nothing. How a user checks a new feed first.
 */
public final class DryRunSink implements StorySink {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintWriter out;

  public DryRunSink(final PrintWriter out) {
    this.out = out;
  }

  /** The article as a map of its fields, in schema order. */
  public static Map<String, Object> toJsonMap(final RawArticle article) {
    final Map<String, Object> fields = new LinkedHashMap<>();
    for (final Schema.Field field : RawArticle.getClassSchema().getFields()) {
      final Object value = article.get(field.pos());
      fields.put(field.name(), value instanceof Instant || value instanceof Enum<?>
          ? value.toString() : value);
    }
    return fields;
  }

  @Override
  public synchronized CompletableFuture<Void> publish(final RawArticle article) {
    try {
      out.println(JSON.writeValueAsString(toJsonMap(article)));
      out.flush();
      return CompletableFuture.completedFuture(null);
    } catch (final JsonProcessingException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Void> deadLetter(final String key, final DeadLetter deadLetter) {
    // The summary names every rejection; a dry run writes nothing anywhere else.
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean ready() {
    return true;
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }
}
