package io.wirestream.ingest.parse;

import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A story as read from input, before identity and versioning are assigned. All text is
 * whitespace-normalized: no leading or trailing spaces, single spaces inside lines.
 *
 * @param format the input format the story came from
 * @param source supplier, agency, provider or outlet; null when the input does not say
 * @param outlet publication name; nullable
 * @param sourceGuid agency guid or uri (NewsML guid, ninjs uri, RSS guid, Atom id); nullable
 * @param version version declared by the source (NewsML {@code @version}, ninjs version); nullable
 * @param url web address of the story; nullable
 * @param headline never blank
 * @param byline author credit; nullable
 * @param dateline place text such as {@code "Moscow"}; nullable
 * @param section site section or desk; nullable
 * @param language declared BCP 47 language tag; nullable, never detected
 * @param body story paragraphs only, separated by {@code "\n\n"}; empty only for a story that has
 *     no text (an agency flash, a headline-only feed item), which then has a {@code no-body}
 *     warning
 * @param subjects subject codes, uris or categories as given; never null
 * @param urgency editorial urgency as given; nullable
 * @param publishedAt when this version was published or updated; nullable
 * @param embargoUntil not to be released before this instant; nullable
 * @param status {@code USABLE} when the input does not say
 * @param attributes what has no field of its own ({@code caption}, {@code credit},
 *     {@code edition}, ...); never null, in the order found
 * @param warnings what reading the story had to assume or repair, as {@code code: detail}
 *     ({@code charset-fallback}, {@code charset-repaired}, {@code zone-assumed}, {@code no-body},
 *     {@code body-from-summary}); never null
 */
public record ParsedStory(
    SourceFormat format,
    String source,
    String outlet,
    String sourceGuid,
    Integer version,
    String url,
    String headline,
    String byline,
    String dateline,
    String section,
    String language,
    String body,
    List<String> subjects,
    Integer urgency,
    Instant publishedAt,
    Instant embargoUntil,
    ArticleStatus status,
    Map<String, String> attributes,
    List<String> warnings) {

  public ParsedStory {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(body, "body");
    if (headline == null || headline.isBlank()) {
      throw new IllegalArgumentException("headline must not be blank");
    }
    subjects = List.copyOf(subjects);
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    warnings = List.copyOf(warnings);
    if (body.isBlank() && warnings.stream().noneMatch(w -> w.startsWith(NO_BODY))) {
      throw new IllegalArgumentException("an empty body needs a no-body warning");
    }
  }

  /** The warning code of a story kept without any text. */
  public static final String NO_BODY = "no-body";

  /** A story without warnings. */
  public ParsedStory(final SourceFormat format, final String source, final String outlet,
      final String sourceGuid, final Integer version, final String url, final String headline,
      final String byline, final String dateline, final String section, final String language,
      final String body, final List<String> subjects, final Integer urgency,
      final Instant publishedAt, final Instant embargoUntil, final ArticleStatus status,
      final Map<String, String> attributes) {
    this(format, source, outlet, sourceGuid, version, url, headline, byline, dateline, section,
        language, body, subjects, urgency, publishedAt, embargoUntil, status, attributes,
        List.of());
  }

  /** The body split into its paragraphs; none for a story without text. */
  public List<String> paragraphs() {
    return body.isEmpty() ? List.of() : List.of(body.split("\n\n"));
  }

  /** This story with {@code first} (document-level warnings) before its own. */
  public ParsedStory withWarnings(final List<String> first) {
    if (first.isEmpty()) {
      return this;
    }
    final List<String> all = new ArrayList<>(first);
    all.addAll(warnings);
    return new ParsedStory(format, source, outlet, sourceGuid, version, url, headline, byline,
        dateline, section, language, body, subjects, urgency, publishedAt, embargoUntil, status,
        attributes, all);
  }
}
