package io.wirestream.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON lines for bulk loads: one object per line with the {@code RawArticle} field names
 * ({@code id} is the supplier's guid). Blank lines are skipped; a bad line is rejected with its
 * line number and never stops the good ones.
 */
public final class JsonLinesParser implements StoryParser {

  private final ZoneId defaultZone;

  public JsonLinesParser(final ParserConfig config) {
    this.defaultZone = config.defaultZone();
  }

  @Override
  public SourceFormat format() {
    return SourceFormat.JSON_LINES;
  }

  @Override
  public ZoneId defaultZone() {
    return defaultZone;
  }

  @Override
  public ParseOutcome read(final SourceText source) throws StoryParseException {
    final String text = source.text();
    final List<ParsedStory> stories = new ArrayList<>();
    final List<StoryParseException> rejected = new ArrayList<>();
    int number = 0;
    int start = 0;
    while (start < text.length()) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      number++;
      if (!isBlank(text, start, end)) {
        try {
          stories.add(parseLine(text.substring(start, end), number, source));
        } catch (final StoryParseException e) {
          rejected.add(e);
        }
      }
      // A line ends at \n, \r or \r\n, as String.lines() has it.
      start = end + (end + 1 < text.length() && text.charAt(end) == '\r'
          && text.charAt(end + 1) == '\n' ? 2 : 1);
    }
    return new ParseOutcome(stories, rejected);
  }

  private static boolean isBlank(final String text, final int start, final int end) {
    for (int i = start; i < end; i++) {
      final char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\f' && c != 0x0B) {
        return false;
      }
    }
    return true;
  }

  private ParsedStory parseLine(final String line, final int number, final SourceText source)
      throws StoryParseException {
    final String origin = source.origin();
    final String position = "line " + number;
    final JsonNode object;
    try {
      object = JsonFields.MAPPER.readTree(line);
    } catch (final JsonProcessingException e) {
      throw JsonFields.malformed(origin, e, number);
    }
    final JsonFields fields = new JsonFields(origin, position);
    if (object == null || !object.isObject()) {
      throw fields.shape("expected one JSON object per line, found "
          + (object == null ? "nothing" : JsonFields.kind(object)));
    }
    final StoryDraft draft = new StoryDraft(SourceFormat.JSON_LINES)
        .sourceGuid(fields.string(object, "id"))
        .headline(fields.string(object, "headline"))
        .paragraphs(Text.plainParagraphs(fields.string(object, "body")))
        .byline(fields.string(object, "byline"))
        .dateline(fields.string(object, "dateline"))
        .section(fields.string(object, "section"))
        .language(fields.string(object, "language"))
        .source(fields.string(object, "source"))
        .outlet(fields.string(object, "outlet"))
        .url(fields.string(object, "url"))
        .urgency(fields.integer(object, "urgency"))
        .version(fields.integer(object, "version"))
        .status(status(fields.string(object, "status"), fields));
    draft.publishedAt(instant(object, "publishedAt", fields, draft, source.zone()))
        .embargoUntil(instant(object, "embargoUntil", fields, draft, source.zone()));
    readSubjects(object, fields, draft);
    readAttributes(object, fields, draft);
    // "body": "" is a flash, said so on purpose; a line without a body field is a mistake.
    return object.has("body") ? draft.toStoryAllowingNoBody(origin, position)
        : draft.toStory(origin, position);
  }

  /** ISO-8601 text, or epoch milliseconds as a number (how RawArticle stores timestamps). */
  private static Instant instant(final JsonNode object, final String field,
      final JsonFields fields, final StoryDraft draft, final ZoneId zone)
      throws StoryParseException {
    final JsonNode value = object.get(field);
    if (value != null && value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.longValue());
    }
    return fields.timestamp(object, field, zone, draft);
  }

  private static ArticleStatus status(final String status, final JsonFields fields)
      throws StoryParseException {
    if (status == null || status.isBlank()) {
      return ArticleStatus.USABLE;
    }
    try {
      return ArticleStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw fields.shape("status must be one of USABLE, WITHHELD, CANCELED, UNKNOWN, found \""
          + status + "\"");
    }
  }

  private static void readSubjects(final JsonNode object, final JsonFields fields,
      final StoryDraft draft) throws StoryParseException {
    final JsonNode subjects = object.get("subjects");
    if (subjects == null || subjects.isNull()) {
      return;
    }
    if (!subjects.isArray()) {
      throw fields.shape(
          "subjects must be an array of strings, found " + JsonFields.kind(subjects));
    }
    for (final JsonNode subject : subjects) {
      if (!subject.isTextual()) {
        throw fields.shape("subjects must hold strings, found " + JsonFields.kind(subject));
      }
      draft.subject(subject.asText());
    }
  }

  private static void readAttributes(final JsonNode object, final JsonFields fields,
      final StoryDraft draft) throws StoryParseException {
    final JsonNode attributes = object.get("attributes");
    if (attributes == null || attributes.isNull()) {
      return;
    }
    if (!attributes.isObject()) {
      throw fields.shape("attributes must be an object of strings, found "
          + JsonFields.kind(attributes));
    }
    for (final Map.Entry<String, JsonNode> entry : attributes.properties()) {
      if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
        throw fields.shape("attribute " + entry.getKey() + " must be a string, found "
            + JsonFields.kind(entry.getValue()));
      }
      draft.attribute(entry.getKey(), entry.getValue().asText());
    }
  }
}
