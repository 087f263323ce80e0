package io.wirestream.ingest.parse;

import io.wirestream.schemas.avro.SourceFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text dumps of news web pages: an optional breadcrumb ({@code Home / World}), the
 * headline, an optional byline line ({@code By <author> in <City> | <Outlet> | Updated: <time>},
 * pieces in any order or missing), then one paragraph per line. Near the end such pages repeat
 * the headline above a photo caption with its credit, print an edition reference
 * ({@code (<Outlet> 11/22/2014 page11)}) and then site furniture ("Today's Top News", "Most
 * Viewed", "Copyright ..."). Only story paragraphs go to the body: the caption, credit and
 * edition go to attributes, the repeated headline and the furniture are dropped.
 */
public final class PlainTextParser implements StoryParser {

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  private static final Pattern PIECE_SEPARATOR = Pattern.compile("\\|");
  private static final Pattern CRUMB_SEPARATOR = Pattern.compile("\\s+(?:/|>|»|›)\\s+");
  private static final List<String> HOME_CRUMBS = List.of("home", "homepage", "news", "index");
  private static final int MAX_WORDS_IN_A_CRUMB = 4;
  /** A "By ..." line this short, without a piece separator, is a byline and not a sentence. */
  private static final int MAX_WORDS_IN_A_BYLINE = 8;

  private static final Pattern BY = Pattern.compile(
      "^by\\s+(.+?)(?:\\s+in\\s+(.+))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE_LABEL = Pattern.compile(
      "^(?:last\\s+)?(?:updated|published|posted|date|time)\\s*:\\s*(.*)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SOURCE_LABEL = Pattern.compile(
      "^(?:source|outlet)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
  /** Starts like a date (2014-11-22, 2014/11/22, 22 Nov 2014, Nov 22, 2014): must parse as one. */
  private static final Pattern DATE_LIKE = Pattern.compile(
      "^(?:\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}|\\d{1,2}\\s+\\p{L}{3,9}\\.?\\s+\\d{4}"
          + "|\\p{L}{3,9}\\.?\\s+\\d{1,2},?\\s+\\d{4})(?:\\D.*)?$");

  /** {@code (Harbour Times 03/14/2019 page7)}. */
  private static final Pattern EDITION = Pattern.compile(
      "^\\((.+?\\s+\\d{1,2}/\\d{1,2}/\\d{4}\\s+page\\s*\\d+[A-Za-z]?)\\)$",
      Pattern.CASE_INSENSITIVE);
  /** Caption text, then {@code (Photo: Agency)} or {@code (Photo by Name)}. */
  private static final Pattern PHOTO_CREDIT = Pattern.compile(
      "^(.+?)\\s*\\(\\s*(?:photo|photos|photograph|image|picture)\\s*(?::|by)\\s*([^)]+?)\\s*\\)$",
      Pattern.CASE_INSENSITIVE);
  /** Caption text, then {@code [Photo/Agency]}. */
  private static final Pattern BRACKET_CREDIT = Pattern.compile(
      "^(.+?)\\s*\\[\\s*(?:photo|image)\\s*/\\s*([^\\]]+?)\\s*\\]$", Pattern.CASE_INSENSITIVE);
  /**
   * A finished sentence, then {@code Name Surname / Agency}. The sentence end before the credit
   * is what tells a caption from a body paragraph that merely contains a slash.
   */
  private static final Pattern NAME_AGENCY_CREDIT = Pattern.compile(
      "^(.+[.!?\"'’”)])\\s+(\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}"
          + "\\s*/\\s*\\p{Lu}[\\p{L}&'’. -]{1,40})$");

  /** A "Name Surname / Agency" credit fits in this many characters at the end of a caption. */
  private static final int MAX_CREDIT_CHARS = 80;

  private final ZoneId defaultZone;

  public PlainTextParser(final ParserConfig config) {
    this.defaultZone = config.defaultZone();
  }

  @Override
  public SourceFormat format() {
    return SourceFormat.PLAIN_TEXT;
  }

  @Override
  public ZoneId defaultZone() {
    return defaultZone;
  }

  @Override
  public ParseOutcome read(final SourceText source) throws StoryParseException {
    final String origin = source.origin();
    final List<Line> lines = nonBlankLines(source.text());
    final StoryDraft draft = new StoryDraft(SourceFormat.PLAIN_TEXT);
    int next = 0;
    if (!lines.isEmpty() && isBreadcrumb(lines.get(0).text())) {
      final String[] crumbs = CRUMB_SEPARATOR.split(lines.get(0).text());
      draft.section(crumbs[crumbs.length - 1]);
      next++;
    }
    if (next >= lines.size() || isBylineLine(lines.get(next).text())) {
      final int line = next < lines.size() ? lines.get(next).number() : lastLine(lines) + 1;
      throw new StoryParseException(RejectReason.MISSING_HEADLINE, origin, "line " + line,
          "no headline: expected the headline "
              + (next < lines.size() ? "before the byline line" : "after the breadcrumb"));
    }
    final String headline = lines.get(next).text();
    draft.headline(headline);
    next++;
    if (next < lines.size() && isBylineLine(lines.get(next).text())) {
      readBylineLine(lines.get(next), draft, origin, source.zone());
      next++;
    }
    final int bodyStart = next < lines.size() ? lines.get(next).number() : lastLine(lines) + 1;
    readBody(lines.subList(next, lines.size()), headline, draft);
    // A page dump without paragraphs is a failed save, not a flash: it is rejected.
    return new ParseOutcome(List.of(draft.toStory(origin, "line " + bodyStart)), List.of());
  }

  private static void readBody(
      final List<Line> lines, final String headline, final StoryDraft draft) {
    final List<String> paragraphs = new ArrayList<>();
    final List<Caption> captions = new ArrayList<>();
    boolean inFurniture = false;
    boolean afterRepeatedHeadline = false;
    for (final Line line : lines) {
      final String text = line.text();
      final Matcher edition = text.charAt(0) == '(' ? EDITION.matcher(text) : null;
      if (edition != null && edition.matches()) {
        draft.attribute("edition", edition.group(1));
        afterRepeatedHeadline = false;
        continue;
      }
      // Furniture before any paragraph is page navigation; after one, it ends the story.
      if (inFurniture || PageFurniture.isFurniture(text)) {
        inFurniture = inFurniture || !paragraphs.isEmpty();
        continue;
      }
      if (text.equalsIgnoreCase(headline)) {
        afterRepeatedHeadline = true;
        continue;
      }
      final Caption caption = captionOf(text);
      if (caption != null) {
        captions.add(caption);
      } else if (afterRepeatedHeadline && !paragraphs.isEmpty()) {
        // After the story, the page repeats the headline above the photo: what follows it is
        // the caption. (A copy of the headline before any paragraph is just dropped.)
        captions.add(new Caption(text, null));
      } else {
        paragraphs.add(text);
      }
      afterRepeatedHeadline = false;
    }
    draft.paragraphs(paragraphs);
    for (int i = 0; i < captions.size(); i++) {
      final String suffix = i == 0 ? "" : "." + (i + 1);
      draft.attribute("caption" + suffix, captions.get(i).text());
      draft.attribute("credit" + suffix, captions.get(i).credit());
    }
  }

  /** The caption and its credit when the line ends with a photo credit, else null. */
  private static Caption captionOf(final String text) {
    // Each credit shape has a telltale last character; most lines are spared the regexes.
    final char last = text.charAt(text.length() - 1);
    final Pattern credit;
    if (last == ')') {
      credit = PHOTO_CREDIT;
    } else if (last == ']') {
      credit = BRACKET_CREDIT;
    } else if (text.indexOf('/', Math.max(0, text.length() - MAX_CREDIT_CHARS)) >= 0) {
      credit = NAME_AGENCY_CREDIT;
    } else {
      return null;
    }
    final Matcher matcher = credit.matcher(text);
    return matcher.matches() ? new Caption(matcher.group(1), matcher.group(2)) : null;
  }

  private static void readBylineLine(final Line line, final StoryDraft draft,
      final String origin, final ZoneId zone)
      throws StoryParseException {
    final List<String> unplaced = new ArrayList<>();
    String outlet = null;
    for (final String rawPiece : PIECE_SEPARATOR.split(line.text())) {
      final String piece = rawPiece.strip();
      if (piece.isEmpty()) {
        continue;
      }
      final Matcher by = BY.matcher(piece);
      final Matcher dateLabel = DATE_LABEL.matcher(piece);
      final Matcher sourceLabel = SOURCE_LABEL.matcher(piece);
      if (by.matches()) {
        draft.byline(by.group(1)).dateline(by.group(2));
      } else if (dateLabel.matches()) {
        draft.publishedAt(parseDate(dateLabel.group(1), line, origin, zone, draft));
      } else if (DATE_LIKE.matcher(piece).matches()) {
        draft.publishedAt(parseDate(piece, line, origin, zone, draft));
      } else if (sourceLabel.matches() && outlet == null) {
        outlet = sourceLabel.group(1);
      } else if (outlet == null) {
        outlet = piece;
      } else {
        unplaced.add(piece);
      }
    }
    // On a site's own page the outlet is also who supplied the story.
    draft.outlet(outlet).source(outlet);
    if (!unplaced.isEmpty()) {
      draft.attribute("byline-extra", String.join(" | ", unplaced));
    }
  }

  private static Instant parseDate(final String text, final Line line, final String origin,
      final ZoneId zone, final StoryDraft draft) throws StoryParseException {
    try {
      return draft.time("date", text.strip(), Timestamps.parse(text, zone), zone);
    } catch (final DateTimeException e) {
      throw new StoryParseException(RejectReason.BAD_DATE, origin, "line " + line.number(),
          "bad date \"" + text.strip() + "\" in the byline line: expected a date-time such as"
              + " 2014-11-22 08:43, 2014/11/22 08:43, 22 Nov 2014 08:43 or ISO-8601", e);
    }
  }

  private static boolean isBreadcrumb(final String text) {
    final String[] crumbs = CRUMB_SEPARATOR.split(text);
    if (crumbs.length < 2) {
      return false;
    }
    for (final String crumb : crumbs) {
      if (crumb.isBlank() || Text.countWords(crumb, MAX_WORDS_IN_A_CRUMB + 1)
          > MAX_WORDS_IN_A_CRUMB || Text.endsSentence(crumb)) {
        return false;
      }
    }
    // "Home / World" is a breadcrumb; a two-part "A / B" without a home crumb may be a headline.
    return crumbs.length >= 3 || HOME_CRUMBS.contains(crumbs[0].toLowerCase(Locale.ROOT));
  }

  private static boolean isBylineLine(final String text) {
    if (text.contains(" | ") || DATE_LABEL.matcher(text).matches()) {
      return true;
    }
    return Text.countWords(text, MAX_WORDS_IN_A_BYLINE + 1) <= MAX_WORDS_IN_A_BYLINE
        && !Text.endsSentence(text) && BY.matcher(text).matches();
  }

  private static List<Line> nonBlankLines(final String text) {
    final List<Line> lines = new ArrayList<>();
    final String[] raw = LINE_BREAK.split(text, -1);
    for (int i = 0; i < raw.length; i++) {
      final String normalized = Text.normalize(raw[i]);
      if (!normalized.isEmpty()) {
        lines.add(new Line(i + 1, normalized));
      }
    }
    return lines;
  }

  private static int lastLine(final List<Line> lines) {
    return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).number();
  }

  /** A non-blank line and its 1-based number in the document. */
  private record Line(int number, String text) {
  }

  /** A photo caption and its credit; the credit is null when the page gives none. */
  private record Caption(String text, String credit) {
  }
}
