package io.wirestream.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.io.IOException;
import java.io.UncheckedIOException;
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
  public List<ParsedStory> parse(final byte[] input, final String origin)
      throws StoryParseException {
    return parseAll(input, origin).storiesOrThrow(origin, "JSON lines document");
  }

  @Override
  public ParseOutcome parseAll(final byte[] input, final String origin)
      throws StoryParseException {
    // Strict UTF-8 first (a specific INVALID_UTF8 error); then each line is handed to Jackson as
    // bytes, which skips decoding the whole file to a String and splitting it again.
    InputChecks.decodeUtf8(input, origin);
    final List<ParsedStory> stories = new ArrayList<>();
    final List<StoryParseException> rejected = new ArrayList<>();
    int number = 0;
    int start = 0;
    while (start < input.length) {
      int end = start;
      while (end < input.length && input[end] != '\n' && input[end] != '\r') {
        end++;
      }
      number++;
      if (!isBlank(input, start, end)) {
        try {
          stories.add(parseLine(input, start, end - start, number, origin));
        } catch (final StoryParseException e) {
          rejected.add(e);
        }
      }
      // A line ends at \n, \r or \r\n, as String.lines() has it.
      start = end + (end + 1 < input.length && input[end] == '\r' && input[end + 1] == '\n'
          ? 2 : 1);
    }
    return new ParseOutcome(stories, rejected);
  }

  private static boolean isBlank(final byte[] input, final int start, final int end) {
    for (int i = start; i < end; i++) {
      final byte b = input[i];
      if (b != ' ' && b != '\t' && b != '\f' && b != 0x0B) {
        return false;
      }
    }
    return true;
  }

  private ParsedStory parseLine(final byte[] input, final int offset, final int length,
      final int number, final String origin) throws StoryParseException {
    final String position = "line " + number;
    final JsonNode object;
    try {
      object = JsonFields.MAPPER.readTree(input, offset, length);
    } catch (final JsonProcessingException e) {
      throw JsonFields.malformed(origin, e, number);
    } catch (final IOException e) {
      // Reading from a byte array: any other I/O error is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
    final JsonFields fields = new JsonFields(origin, position);
    if (!object.isObject()) {
      throw fields.shape("expected one JSON object per line, found " + JsonFields.kind(object));
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
        .publishedAt(instant(object, "publishedAt", fields))
        .embargoUntil(instant(object, "embargoUntil", fields))
        .status(status(fields.string(object, "status"), fields));
    readSubjects(object, fields, draft);
    readAttributes(object, fields, draft);
    return draft.toStory(origin, position);
  }

  /** ISO-8601 text, or epoch milliseconds as a number (how RawArticle stores timestamps). */
  private Instant instant(final JsonNode object, final String field, final JsonFields fields)
      throws StoryParseException {
    final JsonNode value = object.get(field);
    if (value != null && value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.longValue());
    }
    return fields.timestamp(object, field, defaultZone);
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
