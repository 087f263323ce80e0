package io.wirestream.ingest.parse;

import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Instant;
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
 * @param body story paragraphs only, separated by {@code "\n\n"}; never blank
 * @param subjects subject codes, uris or categories as given; never null
 * @param urgency editorial urgency as given; nullable
 * @param publishedAt when this version was published or updated; nullable
 * @param embargoUntil not to be released before this instant; nullable
 * @param status {@code USABLE} when the input does not say
 * @param attributes what has no field of its own ({@code caption}, {@code credit},
 *     {@code edition}, ...); never null, in the order found
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
    Map<String, String> attributes) {

  public ParsedStory {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(status, "status");
    if (headline == null || headline.isBlank()) {
      throw new IllegalArgumentException("headline must not be blank");
    }
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("body must not be blank");
    }
    subjects = List.copyOf(subjects);
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** The body split into its paragraphs. */
  public List<String> paragraphs() {
    return List.of(body.split("\n\n"));
  }
}
