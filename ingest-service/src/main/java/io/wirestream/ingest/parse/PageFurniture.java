package io.wirestream.ingest.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Site furniture in plain-text dumps of article pages: section headings such as "Today's Top
 * News" or "Most Viewed" and copyright notices, which end the story wherever they appear.
 */
final class PageFurniture {

  private static final Set<String> HEADINGS = Set.of(
      "today's top news", "top news", "top stories", "editor's picks", "editors' picks",
      "editor's pick", "editor's choice", "most viewed", "most popular", "most read",
      "most shared", "related stories", "related news", "related articles", "related",
      "you may also like", "recommended", "recommended for you", "latest news", "trending",
      "trending now", "more news", "share this", "share", "print", "e-mail", "email",
      "follow us", "back to top", "advertisement", "comments", "read more");
  /** Headings are short: a longer line is story text even if it starts like one. */
  private static final int MAX_HEADING_CHARS = 40;
  /** "Most Viewed:", "Related >" and the like: marks after a heading. */
  private static final Pattern HEADING_TAIL = Pattern.compile("[\\s:>»›]+$");
  /** Notices and link lists that are never story text, whatever follows them. */
  private static final List<String> PREFIXES = List.of(
      "©", "(c) ", "all rights reserved", "read more:", "related:", "see also:");
  /** "Copyright © ...", "Copyright (c) ...", "Copyright 1996-2019 ...". */
  private static final Pattern COPYRIGHT_MARK = Pattern.compile(
      "copyright\\s*(?:©|\\(c\\)|(?:19|20)\\d{2}\\b)", Pattern.CASE_INSENSITIVE);
  private static final String COPYRIGHT = "copyright ";
  /** A "Copyright Outlet Name Ltd" notice is this short; a story sentence is longer. */
  private static final int MAX_WORDS_IN_A_NOTICE = 8;

  private PageFurniture() {
  }

  /** Whether a (normalized, non-empty) line is site furniture rather than story text. */
  static boolean isFurniture(final String line) {
    for (final String prefix : PREFIXES) {
      if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return true;
      }
    }
    if (COPYRIGHT_MARK.matcher(line).lookingAt()) {
      return true;
    }
    if (line.regionMatches(true, 0, COPYRIGHT, 0, COPYRIGHT.length())) {
      // "Copyright Coastline Media Ltd" is a notice; "Copyright holders said ..." is a story.
      return line.toLowerCase(Locale.ROOT).contains("rights reserved")
          || Text.countWords(line, MAX_WORDS_IN_A_NOTICE + 1) <= MAX_WORDS_IN_A_NOTICE;
    }
    if (line.length() > MAX_HEADING_CHARS) {
      return false;
    }
    final String key = line.toLowerCase(Locale.ROOT).replace('’', '\'');
    return HEADINGS.contains(HEADING_TAIL.matcher(key).replaceFirst(""));
  }
}
