package io.wirestream.ingest.parse;

import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a story while a parser collects them. {@link #toStory} normalizes the text and
 * enforces, in one place for every format, that a story has a headline and a body.
 */
final class StoryDraft {

  private final SourceFormat format;
  private String source;
  private String outlet;
  private String sourceGuid;
  private Integer version;
  private String url;
  private String headline;
  private String byline;
  private String dateline;
  private String section;
  private String language;
  private final List<String> paragraphs = new ArrayList<>();
  private final Set<String> subjects = new LinkedHashSet<>();
  private Integer urgency;
  private Instant publishedAt;
  private Instant embargoUntil;
  private ArticleStatus status = ArticleStatus.USABLE;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final List<String> summary = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  StoryDraft(final SourceFormat format) {
    this.format = format;
  }

  StoryDraft source(final String value) {
    source = Text.normalizeOrNull(value);
    return this;
  }

  StoryDraft outlet(final String value) {
    outlet = Text.normalizeOrNull(value);
    return this;
  }

  StoryDraft sourceGuid(final String value) {
    sourceGuid = Text.normalizeOrNull(value);
    return this;
  }

  StoryDraft version(final Integer value) {
    version = value;
    return this;
  }

  StoryDraft url(final String value) {
    url = Text.normalizeOrNull(value);
    return this;
  }

  StoryDraft headline(final String value) {
    headline = Text.normalizeOrNull(value);
    return this;
  }

  StoryDraft byline(final String value) {
    byline = Text.normalizeOrNull(value);
    return this;
  }

  StoryDraft dateline(final String value) {
    dateline = Text.normalizeOrNull(value);
    return this;
  }

  StoryDraft section(final String value) {
    section = Text.normalizeOrNull(value);
    return this;
  }

  StoryDraft language(final String value) {
    language = Text.normalizeOrNull(value);
    return this;
  }

  /** Adds paragraphs to the body; blank ones are skipped. */
  StoryDraft paragraphs(final List<String> values) {
    for (final String value : values) {
      final String normalized = Text.normalizeOrNull(value);
      if (normalized != null) {
        paragraphs.add(normalized);
      }
    }
    return this;
  }

  /** Adds a subject; blank ones and repeats are skipped. */
  StoryDraft subject(final String value) {
    final String normalized = Text.normalizeOrNull(value);
    if (normalized != null) {
      subjects.add(normalized);
    }
    return this;
  }

  StoryDraft urgency(final Integer value) {
    urgency = value;
    return this;
  }

  StoryDraft publishedAt(final Instant value) {
    publishedAt = value;
    return this;
  }

  StoryDraft embargoUntil(final Instant value) {
    embargoUntil = value;
    return this;
  }

  StoryDraft status(final ArticleStatus value) {
    status = value;
    return this;
  }

  /** Sets an attribute; a blank value is skipped. */
  StoryDraft attribute(final String key, final String value) {
    final String normalized = Text.normalizeOrNull(value);
    if (normalized != null) {
      attributes.put(key, normalized);
    }
    return this;
  }

  /** Paragraphs of a summary (description, abstract, teaser): the body of a story without one. */
  StoryDraft summary(final List<String> values) {
    if (summary.isEmpty()) {
      for (final String value : values) {
        final String normalized = Text.normalizeOrNull(value);
        if (normalized != null) {
          summary.add(normalized);
        }
      }
    }
    return this;
  }

  /** Records what reading the story had to assume or repair, as {@code code: detail}. */
  StoryDraft warning(final String code, final String detail) {
    warnings.add(code + ": " + detail);
    return this;
  }

  /**
   * The instant of a timestamp field, with a {@code zone-assumed} warning when it was written
   * without a zone.
   */
  Instant time(final String field, final String text, final Timestamps.ParsedTime parsed,
      final ZoneId zone) {
    if (parsed == null) {
      return null;
    }
    if (parsed.zoneAssumed()) {
      warning("zone-assumed", field + " \"" + text + "\" has no zone; read in "
          + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()));
    }
    return parsed.instant();
  }

  boolean hasHeadline() {
    return headline != null;
  }

  boolean hasBody() {
    return !paragraphs.isEmpty();
  }

  /**
   * The finished story.
   *
   * @throws StoryParseException {@link RejectReason#MISSING_HEADLINE} or
   *     {@link RejectReason#MISSING_BODY}, at {@code position}
   */
  ParsedStory toStory(final String origin, final String position) throws StoryParseException {
    if (headline == null) {
      throw new StoryParseException(RejectReason.MISSING_HEADLINE, origin, position,
          "story has no headline");
    }
    final List<String> body = withoutRepeatedHeadline();
    if (body.isEmpty()) {
      throw new StoryParseException(RejectReason.MISSING_BODY, origin, position,
          "story \"" + headline + "\" has no body text");
    }
    return new ParsedStory(format, source, outlet, sourceGuid, version, url, headline, byline,
        dateline, section, language, String.join("\n\n", body), List.copyOf(subjects),
        urgency, publishedAt, embargoUntil, status, attributes, warnings);
  }

  /**
   * The finished story, kept even without body text (an agency flash, a headline-only feed item):
   * its summary becomes the body ({@code body-from-summary}), or the body stays empty
   * ({@code no-body}), so that the story still flows and says why it is short.
   *
   * @throws StoryParseException {@link RejectReason#MISSING_HEADLINE}, at {@code position}
   */
  ParsedStory toStoryAllowingNoBody(final String origin, final String position)
      throws StoryParseException {
    if (headline != null && paragraphs.isEmpty()) {
      final List<String> fromSummary = new ArrayList<>(summary);
      fromSummary.removeIf(paragraph -> paragraph.equalsIgnoreCase(headline));
      if (!fromSummary.isEmpty()) {
        paragraphs.addAll(fromSummary);
        warning("body-from-summary", "the item has no body text; its summary is the body");
      } else {
        warning(ParsedStory.NO_BODY, "the item has no body text (a flash or headline-only item)");
        return new ParsedStory(format, source, outlet, sourceGuid, version, url, headline,
            byline, dateline, section, language, "", List.copyOf(subjects), urgency,
            publishedAt, embargoUntil, status, attributes, warnings);
      }
    }
    return toStory(origin, position);
  }

  /**
   * The paragraphs without copies of the headline (an XHTML body's {@code <h1>}, a page's
   * repeated title), unless the headline is all there is: a flash may be its own body.
   */
  private List<String> withoutRepeatedHeadline() {
    final List<String> body = new ArrayList<>(paragraphs);
    body.removeIf(paragraph -> paragraph.equalsIgnoreCase(headline));
    return body.isEmpty() ? paragraphs : body;
  }
}
