package io.wirestream.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps as sources write them. A timestamp with an offset or zone is read as written; one
 * without is taken to be in the configured default zone, never in the JVM's zone.
 */
final class Timestamps {

  /** ISO-8601: 'T' or a space before the time; offset optional, with or without a colon. */
  private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart()
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  /** The date-times of web article dumps, besides ISO-8601. */
  private static final List<DateTimeFormatter> ARTICLE_FORMATS = List.of(
      articleFormat("uuuu/MM/dd HH:mm[:ss]"),
      articleFormat("d MMM uuuu HH:mm[:ss]"),
      articleFormat("d MMMM uuuu HH:mm[:ss]"),
      articleFormat("MMM d, uuuu HH:mm[:ss]"),
      articleFormat("MMMM d, uuuu HH:mm[:ss]"),
      articleFormat("uuuu/MM/dd"),
      articleFormat("d MMM uuuu"),
      articleFormat("MMM d, uuuu"));

  /** A zone written after the time: UTC, GMT, GMT+8, +08:00, +0800 or a region id. */
  private static final Pattern TRAILING_ZONE = Pattern.compile(
      "^(.*?)\\s+((?:UTC|GMT)(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2}"
          + "|[A-Za-z]+/[A-Za-z_]+)$");

  private Timestamps() {
  }

  private static DateTimeFormatter articleFormat(final String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * An ISO-8601 date or date-time; without an offset it is in {@code defaultZone}, and a date
   * alone is the start of that day.
   *
   * @throws DateTimeException when the text is not such a timestamp
   */
  static Instant parseIso(final String text, final ZoneId defaultZone) {
    return toInstant(ISO.parse(text.strip()), defaultZone);
  }

  /**
   * A timestamp as article pages print it: ISO-8601, {@code 2014/11/22 08:43},
   * {@code 22 Nov 2014 08:43}, {@code Nov 22, 2014 08:43}, optionally followed by a zone.
   *
   * @throws DateTimeException when the text is none of those
   */
  static Instant parseArticleDate(final String text, final ZoneId defaultZone) {
    final String stripped = text.strip();
    try {
      return parseIso(stripped, defaultZone);
    } catch (final DateTimeException notIso) {
      // fall through to the looser formats below
    }
    String local = stripped;
    ZoneId zone = defaultZone;
    final Matcher zoned = TRAILING_ZONE.matcher(stripped);
    if (zoned.matches()) {
      local = zoned.group(1);
      zone = ZoneId.of(zoned.group(2).replaceAll("^([+-]\\d{2})(\\d{2})$", "$1:$2"));
    }
    for (final DateTimeFormatter format : ARTICLE_FORMATS) {
      try {
        return toInstant(format.parse(local), zone);
      } catch (final DateTimeException tryNext) {
        // formats are tried in turn; only the last failure matters
      }
    }
    try {
      return parseIso(local, zone);
    } catch (final DateTimeException notIso) {
      throw new DateTimeException("not a recognized date-time: '" + stripped + "'", notIso);
    }
  }

  private static Instant toInstant(final TemporalAccessor parsed, final ZoneId defaultZone) {
    final LocalDate date = LocalDate.from(parsed);
    if (!parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
      return date.atStartOfDay(zoneOf(parsed, defaultZone)).toInstant();
    }
    final LocalDateTime local = LocalDateTime.of(date, LocalTime.from(parsed));
    return ZonedDateTime.of(local, zoneOf(parsed, defaultZone)).toInstant();
  }

  private static ZoneId zoneOf(final TemporalAccessor parsed, final ZoneId defaultZone) {
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
    }
    final ZoneId zone = parsed.query(TemporalQueries.zoneId());
    return zone != null ? zone : defaultZone;
  }
}
