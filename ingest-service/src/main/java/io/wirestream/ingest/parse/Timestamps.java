package io.wirestream.ingest.parse;

import java.text.Normalizer;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one date parser of every input format. It reads ISO 8601 / RFC 3339 (any case, offset with
 * or without a colon or minutes, missing seconds), RFC 822 / 1123 and the looser dates feeds and
 * article pages print: day and month names in English, French, German, Spanish, Portuguese,
 * Italian, Dutch, Swedish, Norwegian and Danish (taken from the JDK's CLDR data, with or without
 * accents and abbreviation dots), day-month-year or month-day-year order, numeric
 * {@code yyyy-MM-dd} and {@code dd.MM.yyyy}, 12-hour clocks, and offsets, {@code GMT+1}, region
 * ids or the zone abbreviations of RFC 822 and of Europe ({@code EST}, {@code CET}, ...).
 *
 * <p>A timestamp written with an offset or zone is read as written. One written without is taken
 * in the zone of the source (the configured default, UTC unless told otherwise), never in the
 * JVM's zone, and {@link ParsedTime#zoneAssumed()} says so, for the story's warnings.
 */
final class Timestamps {

  /** An instant, and whether its zone was assumed rather than written. */
  record ParsedTime(Instant instant, boolean zoneAssumed) {
  }

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
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  /** Cheap pre-check, so that only text that looks like ISO 8601 is given to {@link #ISO}. */
  private static final Pattern ISO_LIKE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d.*)?");

  private static final String FAILURE = "not a recognized date-time: ";

  /** The languages whose day and month names are read. */
  private static final List<String> LANGUAGES =
      List.of("en", "fr", "de", "es", "pt", "it", "nl", "sv", "nb", "nn", "no", "da");

  private static final Map<String, Month> MONTHS = monthNames();
  private static final Set<String> WEEKDAYS = weekdayNames();
  /** Words written around dates that carry nothing: "16 de noviembre de 2022", "um 14:30 Uhr". */
  private static final Set<String> FILLER = Set.of("de", "del", "den", "der", "le", "la", "el",
      "the", "of", "at", "on", "um", "uhr", "a", "as", "alle", "ore", "kl", "klo", "klockan",
      "om", "o", "h", "t", "et", "e", "y", "and", "und", "och", "og", "en");
  /** The generic US zone names, which follow daylight saving time: after a time only. */
  private static final Map<String, String> US_GENERIC_ZONES = Map.of("et", "America/New_York",
      "ct", "America/Chicago", "mt", "America/Denver", "pt", "America/Los_Angeles");
  /** Zone abbreviations with the fixed offset they name (RFC 822's and common European ones). */
  private static final Map<String, ZoneOffset> ZONE_NAMES = zoneNames();

  private static final Pattern TOKEN = Pattern.compile(
      "(?<date>\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}(?![\\d:]))"
          + "|(?<time>\\d{1,2}(?::|h)\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?"
          // "kl. 10.30": a dotted time, never the start of a dotted date (matched above)
          + "|\\d{1,2}\\.\\d{2}(?![.\\d]))"
          + "|(?<offset>[+-]\\d{1,2}(?::?\\d{2})?(?![\\d/]))"
          + "|(?<region>[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)"
          + "|(?<number>\\d{1,4})(?:st|nd|rd|th|er|e|º|ª|\\.)?(?!\\p{L})"
          + "|(?<word>\\p{L}+(?:\\.\\p{L}+)*\\.?)"
          + "|(?<skip>[\\s,;()\\[\\]/']+|-(?!\\d))");

  private Timestamps() {
  }

  /**
   * A date or date-time in any of the forms this class reads; without a zone it is in
   * {@code defaultZone} and marked as assumed, and a date alone is the start of that day.
   *
   * @throws DateTimeException naming what could not be read
   */
  static ParsedTime parse(final String text, final ZoneId defaultZone) {
    final String stripped = Text.normalize(text.replace('\u00A0', ' '));
    if (stripped.isEmpty()) {
      throw new DateTimeException("empty date");
    }
    if (ISO_LIKE.matcher(stripped).matches()) {
      try {
        return fromIso(ISO.parse(stripped), defaultZone);
      } catch (final DateTimeException notIso) {
        // RFC 3339 with a quirk the formatter does not take: the general reader below
      }
    }
    final ParsedTime rfc1123 = rfc1123(stripped);
    return rfc1123 != null ? rfc1123 : new Reading(stripped, defaultZone).read();
  }

  /**
   * The JDK's own RFC 1123 reading, for the English RSS date most feeds write; null, without the
   * cost of an exception, for anything else.
   */
  private static ParsedTime rfc1123(final String text) {
    final ParsePosition position = new ParsePosition(0);
    final TemporalAccessor unresolved =
        DateTimeFormatter.RFC_1123_DATE_TIME.parseUnresolved(text, position);
    if (unresolved == null || position.getErrorIndex() >= 0
        || position.getIndex() != text.length()) {
      return null;
    }
    try {
      return new ParsedTime(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text)), false);
    } catch (final DateTimeException e) {
      // well-formed but not a real date (31 Nov, a wrong weekday): the general reader says why
      return null;
    }
  }

  private static ParsedTime fromIso(final TemporalAccessor parsed, final ZoneId defaultZone) {
    final ZoneId written = parsed.isSupported(ChronoField.OFFSET_SECONDS)
        ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
        : parsed.query(TemporalQueries.zoneId());
    final ZoneId zone = written != null ? written : defaultZone;
    final LocalDate date = LocalDate.from(parsed);
    final Instant instant = parsed.isSupported(ChronoField.HOUR_OF_DAY)
        ? ZonedDateTime.of(LocalDateTime.of(date, LocalTime.from(parsed)), zone).toInstant()
        : date.atStartOfDay(zone).toInstant();
    return new ParsedTime(instant, written == null);
  }

  /** One reading of a non-ISO date: its pieces found token by token. */
  private static final class Reading {

    private final String text;
    private final ZoneId defaultZone;
    private LocalDate numericDate;
    private final List<String> monthWords = new ArrayList<>();
    private final List<int[]> numbers = new ArrayList<>();
    private LocalTime time;
    private Boolean pm;
    private ZoneId zone;

    Reading(final String text, final ZoneId defaultZone) {
      this.text = text;
      this.defaultZone = defaultZone;
    }

    ParsedTime read() {
      try {
        return readPieces();
      } catch (final DateTimeException e) {
        // LocalDate.of and ZoneId.of say what is wrong, but not in which text.
        throw e.getMessage() != null && e.getMessage().startsWith(FAILURE) ? e
            : fail(e.getMessage());
      }
    }

    private ParsedTime readPieces() {
      final Matcher token = TOKEN.matcher(text);
      int at = 0;
      while (at < text.length()) {
        // Anchored at the current character: never a scan ahead for a later match.
        token.region(at, text.length());
        if (!token.lookingAt()) {
          throw fail("unexpected '" + text.charAt(at) + "' at character " + (at + 1));
        }
        take(token);
        at = token.end();
      }
      final LocalDate date = date();
      LocalTime clock = time == null ? LocalTime.MIDNIGHT : time;
      if (pm != null) {
        if (time == null) {
          throw fail("AM/PM without a time");
        }
        clock = twelveHour(clock, pm);
      }
      final ZoneId effective = zone != null ? zone : defaultZone;
      return new ParsedTime(ZonedDateTime.of(date, clock, effective).toInstant(), zone == null);
    }

    private void take(final Matcher token) {
      if (token.group("skip") != null) {
        return;
      }
      if (token.group("date") != null) {
        numericDate = numericDate(token.group("date"));
      } else if (token.group("time") != null) {
        time = time(token.group("time"));
      } else if (token.group("offset") != null && time != null) {
        offset(token.group("offset"));
      } else if (token.group("offset") != null) {
        // Before the time a sign is a separator ("06-Nov-94"), and the digits a number.
        final String digits = token.group("offset").substring(1);
        if (digits.contains(":")) {
          throw fail("'" + token.group("offset") + "' before any time");
        }
        numbers.add(new int[] {Integer.parseInt(digits), digits.length()});
      } else if (token.group("region") != null) {
        setZone(region(token.group("region")));
      } else if (token.group("number") != null) {
        numbers.add(new int[] {Integer.parseInt(token.group("number")),
            token.group("number").length()});
      } else {
        word(token.group("word"));
      }
    }

    private void offset(final String offset) {
      final String digits = offset.substring(1).replace(":", "");
      final int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0,
          digits.length() - 2));
      final int minutes = digits.length() <= 2 ? 0
          : Integer.parseInt(digits.substring(digits.length() - 2));
      final int sign = offset.charAt(0) == '-' ? -1 : 1;
      // "GMT+1": the offset refines the GMT written before it.
      if (zone == null || ZoneOffset.UTC.equals(zone)) {
        zone = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      }
    }

    private static ZoneId region(final String id) {
      try {
        return ZoneId.of(id);
      } catch (final DateTimeException e) {
        throw new DateTimeException("unknown time zone '" + id + "'", e);
      }
    }

    private void setZone(final ZoneId value) {
      if (zone == null) {
        zone = value;
      }
    }

    private void word(final String raw) {
      final String word = fold(raw);
      final String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
      if (bare.equals("am") || bare.equals("a.m")) {
        pm = Boolean.FALSE;
        return;
      }
      if (bare.equals("pm") || bare.equals("p.m")) {
        pm = Boolean.TRUE;
        return;
      }
      final ZoneOffset named = ZONE_NAMES.get(bare);
      if (named != null) {
        setZone(named);
        return;
      }
      if (time != null && US_GENERIC_ZONES.containsKey(bare)) {
        // "10:30 a.m. ET": Eastern Time, standard or daylight as the date has it.
        setZone(ZoneId.of(US_GENERIC_ZONES.get(bare)));
        return;
      }
      if (MONTHS.containsKey(bare)) {
        monthWords.add(bare);
        return;
      }
      if (WEEKDAYS.contains(bare) || FILLER.contains(bare)) {
        return;
      }
      throw fail("unknown word '" + raw + "'");
    }

    private LocalDate date() {
      if (numericDate != null) {
        if (!monthWords.isEmpty() || !numbers.isEmpty()) {
          throw fail("a numeric date and more date parts");
        }
        return numericDate;
      }
      final Month month = month();
      Integer day = null;
      Integer year = null;
      final List<int[]> small = new ArrayList<>();
      for (final int[] number : numbers) {
        if (number[1] == 4) {
          if (year != null) {
            throw fail("two years");
          }
          year = number[0];
        } else {
          small.add(number);
        }
      }
      if (year != null && small.size() == 1) {
        day = small.get(0)[0];
      } else if (year == null && small.size() == 2) {
        // "16 Dec 23" (RFC 822) or "Dec 16 23": the day comes before the year either way.
        day = small.get(0)[0];
        year = twoDigitYear(small.get(1)[0], small.get(1)[1]);
      } else {
        throw fail("expected a day and a year beside the month name");
      }
      return LocalDate.of(year, month, day);
    }

    /** The month word; with two ("mar, 15 nov 2022"), the first is a weekday. */
    private Month month() {
      if (monthWords.isEmpty()) {
        throw fail("no month");
      }
      if (monthWords.size() == 1) {
        return MONTHS.get(monthWords.get(0));
      }
      final List<String> notWeekdays = new ArrayList<>();
      for (int i = 0; i < monthWords.size(); i++) {
        if (i > 0 || !WEEKDAYS.contains(monthWords.get(i))) {
          notWeekdays.add(monthWords.get(i));
        }
      }
      if (notWeekdays.size() != 1) {
        throw fail("more than one month name");
      }
      return MONTHS.get(notWeekdays.get(0));
    }

    private LocalDate numericDate(final String token) {
      final String[] parts = token.split("[-/.]");
      final char separator = token.charAt(parts[0].length());
      final int a = Integer.parseInt(parts[0]);
      final int b = Integer.parseInt(parts[1]);
      final int c = Integer.parseInt(parts[2]);
      if (parts[0].length() == 4) {
        return LocalDate.of(a, b, c);
      }
      if (parts[2].length() != 4 && parts[2].length() != 2) {
        throw fail("a numeric date without a year");
      }
      final int year = twoDigitYear(c, parts[2].length());
      // Dots and dashes are day first everywhere; a slash is month first only in the US, so it
      // must be told by the numbers themselves.
      if (separator != '/' || a > 12) {
        return LocalDate.of(year, b, a);
      }
      if (b > 12 || a == b) {
        return LocalDate.of(year, a, b);
      }
      throw fail("'" + token + "' could be day/month or month/day");
    }

    private static int twoDigitYear(final int year, final int digits) {
      if (digits >= 3) {
        return year;
      }
      // RFC 2822 section 4.3: 00-49 are 2000-2049, 50-99 are 1950-1999.
      return year < 50 ? 2000 + year : 1900 + year;
    }

    private static LocalTime time(final String token) {
      final String[] parts = token.split("[:h]|(?<=^\\d{1,2})\\.", 3);
      final int hour = Integer.parseInt(parts[0]);
      final int minute = Integer.parseInt(parts[1]);
      int second = 0;
      int nanos = 0;
      if (parts.length == 3) {
        final String[] secondAndFraction = parts[2].split("[.,]", 2);
        second = Integer.parseInt(secondAndFraction[0]);
        if (secondAndFraction.length == 2) {
          final String fraction = (secondAndFraction[1] + "000000000").substring(0, 9);
          nanos = Integer.parseInt(fraction);
        }
      }
      // A leap second as some feeds write it is the last second of its minute.
      return LocalTime.of(hour, minute, Math.min(second, 59), nanos);
    }

    private LocalTime twelveHour(final LocalTime clock, final boolean afternoon) {
      final int hour = clock.getHour();
      if (hour > 12 || hour == 0) {
        // "14:00 PM" is written, and means 14:00; "00:30 AM" likewise.
        return clock;
      }
      if (afternoon) {
        return hour == 12 ? clock : clock.plusHours(12);
      }
      return hour == 12 ? clock.minusHours(12) : clock;
    }

    private DateTimeException fail(final String why) {
      return new DateTimeException(FAILURE + "'" + text + "' (" + why + ")");
    }
  }

  /** Lower case without accents, so "Févr", "fevr" and "FÉVR." are the same word. */
  static String fold(final String word) {
    final String lower = word.toLowerCase(Locale.ROOT);
    boolean ascii = true;
    for (int i = 0; i < lower.length() && ascii; i++) {
      ascii = lower.charAt(i) < 128;
    }
    if (ascii) {
      return lower;
    }
    return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }

  private static String bare(final String name) {
    final String folded = fold(name.strip());
    return folded.endsWith(".") ? folded.substring(0, folded.length() - 1) : folded;
  }

  /**
   * Every month name and abbreviation of {@link #LANGUAGES} from CLDR, plus the 3- and 4-letter
   * prefixes of the full names that feeds use ("Set" for setembro, "Sept", "Dez"), where such a
   * prefix names one month only ("jui" is both juin and juillet, so it is left out).
   */
  private static Map<String, Month> monthNames() {
    final Map<String, Month> names = new HashMap<>();
    final Map<String, Month> prefixes = new HashMap<>();
    final Set<String> ambiguous = new HashSet<>();
    for (final String language : LANGUAGES) {
      final Locale locale = Locale.forLanguageTag(language);
      for (final Month month : Month.values()) {
        for (final TextStyle style : List.of(TextStyle.FULL, TextStyle.FULL_STANDALONE,
            TextStyle.SHORT, TextStyle.SHORT_STANDALONE)) {
          names.put(bare(month.getDisplayName(style, locale)), month);
        }
        final String full = bare(month.getDisplayName(TextStyle.FULL_STANDALONE, locale));
        for (final int length : new int[] {3, 4}) {
          if (full.length() > length) {
            final String prefix = full.substring(0, length);
            final Month before = prefixes.putIfAbsent(prefix, month);
            if (before != null && before != month) {
              ambiguous.add(prefix);
            }
          }
        }
      }
    }
    prefixes.keySet().removeAll(ambiguous);
    prefixes.forEach(names::putIfAbsent);
    return Map.copyOf(names);
  }

  /** Weekday names and abbreviations (CLDR, and 2- and 3-letter prefixes of the full names). */
  private static Set<String> weekdayNames() {
    final Set<String> names = new HashSet<>();
    for (final String language : LANGUAGES) {
      final Locale locale = Locale.forLanguageTag(language);
      for (final DayOfWeek day : DayOfWeek.values()) {
        for (final TextStyle style : List.of(TextStyle.FULL, TextStyle.FULL_STANDALONE,
            TextStyle.SHORT, TextStyle.SHORT_STANDALONE)) {
          names.add(bare(day.getDisplayName(style, locale)));
        }
        final String full = bare(day.getDisplayName(TextStyle.FULL, locale));
        names.add(full.substring(0, Math.min(2, full.length())));
        names.add(full.substring(0, Math.min(3, full.length())));
        // "segunda-feira", "terça-feira": the part before the hyphen is what is abbreviated.
        names.add(full.split("-", 2)[0]);
      }
    }
    return Set.copyOf(names);
  }

  private static Map<String, ZoneOffset> zoneNames() {
    final Map<String, ZoneOffset> zones = new HashMap<>();
    for (final String utc : List.of("gmt", "ut", "utc", "z", "wet", "zulu")) {
      zones.put(utc, ZoneOffset.UTC);
    }
    final Object[][] named = {
        {"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6},
        {"pst", -8}, {"pdt", -7}, {"akst", -9}, {"akdt", -8}, {"hst", -10}, {"ast", -4},
        {"adt", -3}, {"bst", 1}, {"west", 1}, {"cet", 1}, {"met", 1}, {"mez", 1}, {"cest", 2},
        {"mest", 2}, {"mesz", 2}, {"eet", 2}, {"eest", 3}, {"msk", 3}, {"jst", 9}, {"kst", 9},
        {"hkt", 8}, {"sgt", 8}, {"awst", 8}, {"aest", 10}, {"aedt", 11}, {"nzst", 12},
        {"nzdt", 13}, {"brt", -3}, {"art", -3}, {"sast", 2}, {"wat", 1}, {"cat", 2}, {"eat", 3}};
    for (final Object[] zone : named) {
      zones.put((String) zone[0], ZoneOffset.ofHours((Integer) zone[1]));
    }
    zones.put("nst", ZoneOffset.ofHoursMinutes(-3, -30));
    zones.put("ndt", ZoneOffset.ofHoursMinutes(-2, -30));
    zones.put("acst", ZoneOffset.ofHoursMinutes(9, 30));
    zones.put("acdt", ZoneOffset.ofHoursMinutes(10, 30));
    zones.put("ist", ZoneOffset.ofHoursMinutes(5, 30));
    return Map.copyOf(zones);
  }
}
