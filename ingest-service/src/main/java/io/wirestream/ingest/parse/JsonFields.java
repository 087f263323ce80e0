package io.wirestream.ingest.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Typed reads of JSON fields for the JSON formats. A field of the wrong type is an
 * {@link RejectReason#UNSUPPORTED_SHAPE} error naming the field, never silently ignored.
 */
final class JsonFields {

  /** Trailing tokens after the document are an error, not ignored garbage. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private static final Pattern DIGITS = Pattern.compile("[+-]?\\d{1,9}");

  private final String origin;
  private final String position;

  JsonFields(final String origin, final String position) {
    this.origin = origin;
    this.position = position;
  }

  /** A malformed-JSON error at the line the parser stopped, numbered from {@code firstLine}. */
  static StoryParseException malformed(
      final String origin, final JsonProcessingException e, final int firstLine) {
    final JsonLocation location = e.getLocation();
    final int line =
        location == null ? firstLine : firstLine + Math.max(0, location.getLineNr() - 1);
    final String column = location == null ? "" : " (column " + location.getColumnNr() + ")";
    return new StoryParseException(RejectReason.MALFORMED_JSON, origin, "line " + line,
        "malformed JSON: " + e.getOriginalMessage() + column, e);
  }

  /** A string field; numbers are accepted as their text. Null when absent or JSON null. */
  String string(final JsonNode object, final String field) throws StoryParseException {
    final JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw shape(field + " must be a string, found " + kind(value));
    }
    return value.asText();
  }

  /** An integer field, as a number or a string of digits. Null when absent or JSON null. */
  Integer integer(final JsonNode object, final String field) throws StoryParseException {
    final JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    if (value.isTextual() && DIGITS.matcher(value.asText().strip()).matches()) {
      return Integer.parseInt(value.asText().strip());
    }
    throw shape(field + " must be an integer, found " + describe(value));
  }

  /**
   * A timestamp field (ISO 8601 as the JSON formats write it, or any form {@link Timestamps}
   * reads); without a zone it is in {@code zone}, and {@code draft} says so.
   */
  Instant timestamp(final JsonNode object, final String field, final ZoneId zone,
      final StoryDraft draft) throws StoryParseException {
    final String text = string(object, field);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return draft.time(field, text, Timestamps.parse(text, zone), zone);
    } catch (final DateTimeException e) {
      throw badDate(field, text, e);
    }
  }

  StoryParseException badDate(final String field, final String text, final Exception cause) {
    return new StoryParseException(RejectReason.BAD_DATE, origin, position,
        "bad date in " + field + ": \"" + text + "\" is not a date-time such as"
            + " 2014-11-22T08:43:00+08:00 or Sat, 22 Nov 2014 08:43:00 +0800", cause);
  }

  StoryParseException shape(final String detail) {
    return new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, origin, position, detail);
  }

  static String kind(final JsonNode value) {
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }

  private static String describe(final JsonNode value) {
    return value.isValueNode() ? kind(value) + " " + value : kind(value);
  }
}
