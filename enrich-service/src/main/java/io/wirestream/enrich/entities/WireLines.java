package io.wirestream.enrich.entities;

import io.wirestream.schemas.avro.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Types that the shape of a wire line gives, whatever the words: the conventions of agency copy
 * that the CoNLL guidelines annotate the same way.
 * <ul>
 *   <li>A <b>dateline</b> ("DENVER 2026-12-01", "TULSA, Okla. -", "LEEDS , England 2026-03-14",
 *       "LONDON (Reuters) -") names a place: a name in its place part, and in the region after
 *       its comma, is a LOCATION.</li>
 *   <li>A <b>results line</b> ("Leeds 3 Newcastle 2", "BOSTON 5 Toronto 3 ( 10 innings )") and a
 *       <b>standings row</b> ("Leeds 29 12 8 9 41 40 44") name teams: a place name there is the
 *       club named after it, an ORGANIZATION, unless it is a country's name (national teams are
 *       LOCATIONs by the CoNLL convention). A name the tagger read as a person, when it was not
 *       sure, is also the club in a results line.</li>
 * </ul>
 * Only mentions the CRF found are retyped; no mention is added or removed.
 */
final class WireLines {

  private static final String MONTH =
      "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
  /** The place part, the optional region after a comma, a date and/or a dash. */
  private static final Pattern DATELINE = Pattern.compile(
      "^(?<place>\\p{Lu}[\\p{Lu}\\p{M}.'\u2019\\-]*(?: \\p{Lu}[\\p{Lu}\\p{M}.'\u2019\\-]*){0,3})"
      + "(?:\\s*,\\s*(?!" + MONTH + " \\d)"
      + "(?<region>\\p{Lu}[\\p{L}.'\u2019]*(?: \\p{Lu}[\\p{L}.'\u2019]*){0,2}))?"
      + "\\s*,?\\s*(?<date>\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|" + MONTH
      + " \\d{1,2}|\\d{1,2} " + MONTH + ")?"
      + "\\s*(?:\\((?<agency>[\\p{L} ]+)\\))?\\s*(?<dash>[-\u2013\u2014]{1,2})?(?<rest>.*)$");
  private static final Pattern RESULT = Pattern.compile(
      "^(?<a>\\p{L}[\\p{L}.'\u2019& -]*?) \\d{1,3} (?<b>\\p{L}[\\p{L}.'\u2019& -]*?) \\d{1,3}"
      + "(?: \\(.*\\))?\\s*$");
  private static final Pattern STANDING = Pattern.compile(
      "^(?<a>\\p{L}[\\p{L}.'\u2019& -]*?)(?: [-+]?\\d+){3,}(?: [-+.\\d]+)*\\s*$");

  private WireLines() {
  }

  /**
   * The mentions of {@code text} with the types the lines they sit in give.
   *
   * @param text the text the mentions point into
   * @param mentions mentions in text order
   * @param countryName whether a surface is a country's own name or acronym
   * @return the mentions, some retyped (confidence kept)
   */
  static List<RawMention> retype(final String text, final List<RawMention> mentions,
      final Predicate<String> countryName) {
    if (mentions.isEmpty()) {
      return mentions;
    }
    final List<RawMention> out = new ArrayList<>(mentions);
    int lineStart = 0;
    int next = 0;
    while (lineStart <= text.length() && next < out.size()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      final int first = next;
      while (next < out.size() && out.get(next).start() < lineEnd) {
        next++;
      }
      if (next > first) {
        retypeLine(text.substring(lineStart, lineEnd), lineStart, out.subList(first, next),
            countryName);
      }
      lineStart = lineEnd + 1;
    }
    return out;
  }

  private static void retypeLine(final String rawLine, final int offset,
      final List<RawMention> inLine, final Predicate<String> countryName) {
    final String line = rawLine.strip();
    final int base = offset + rawLine.indexOf(line.isEmpty() ? rawLine : line);
    final Matcher dateline = DATELINE.matcher(line);
    if (dateline.matches() && isDateline(dateline)) {
      retypeWithin(inLine, base, dateline, "place");
      retypeWithin(inLine, base, dateline, "region");
      return;
    }
    final Matcher result = RESULT.matcher(line);
    if (result.matches()) {
      for (final String team : new String[] {"a", "b"}) {
        retypeTeams(inLine, base + result.start(team), base + result.end(team), countryName,
            true);
      }
      return;
    }
    final Matcher standing = STANDING.matcher(line);
    if (standing.matches()) {
      retypeTeams(inLine, base + standing.start("a"), base + standing.end("a"), countryName,
          false);
    }
  }

  /**
   * A dateline has a date, an agency or a dash, and after its dash either nothing or story text
   * (not a headline in capitals: "SOCCER - LEEDS HOLD CHELSEA" is not a dateline).
   */
  private static boolean isDateline(final Matcher m) {
    final boolean marked = m.group("date") != null || m.group("agency") != null
        || m.group("dash") != null;
    if (!marked) {
      return false;
    }
    final String rest = m.group("rest").strip();
    if (m.group("dash") == null) {
      return rest.isEmpty();
    }
    return rest.isEmpty() || hasLowerCase(firstWord(rest));
  }

  /** Names inside a dateline's place or region are LOCATIONs. */
  private static void retypeWithin(final List<RawMention> inLine, final int base,
      final Matcher m, final String group) {
    final EntityType type = EntityType.LOCATION;
    if (m.group(group) == null) {
      return;
    }
    final int start = base + m.start(group);
    final int end = base + m.end(group);
    for (int i = 0; i < inLine.size(); i++) {
      final RawMention mention = inLine.get(i);
      if (mention.start() >= start && mention.end() <= end) {
        inLine.set(i, mention.typedByLine(type));
      }
    }
  }

  private static void retypeTeams(final List<RawMention> inLine, final int start, final int end,
      final Predicate<String> countryName, final boolean twoTeams) {
    for (int i = 0; i < inLine.size(); i++) {
      final RawMention mention = inLine.get(i);
      if (mention.start() < start || mention.end() > end) {
        continue;
      }
      final boolean country = countryName.test(mention.text());
      final EntityType team = country ? EntityType.LOCATION : EntityType.ORGANIZATION;
      final boolean place = mention.type() == EntityType.LOCATION;
      final boolean unsurePerson = twoTeams && mention.type() == EntityType.PERSON
          && mention.confidence() < EntityMerger.KEEP_OWN_TYPE;
      if (place || unsurePerson || mention.type() == team) {
        inLine.set(i, mention.typedByLine(team));
      }
    }
  }

  private static String firstWord(final String text) {
    final int space = text.indexOf(' ');
    return space < 0 ? text : text.substring(0, space);
  }

  private static boolean hasLowerCase(final String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLowerCase(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
