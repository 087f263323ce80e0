package io.wirestream.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * IPTC ninjs (News in JSON), every version from 1.0 to 3.x: one object, or a top-level array of
 * them. The versions name the same things differently, and all are read:
 *
 * <ul>
 *   <li>1.x: {@code headline}, extra {@code headline_<role>} fields ({@code headline_main}),
 *       {@code body_<format>} fields ({@code body_text}, {@code body_html}, {@code body_xhtml},
 *       {@code body_main}), {@code description_<format>}, {@code byline}, {@code subject};
 *   <li>2.x: the {@code headlines}, {@code bodies} and {@code descriptions} arrays of
 *       {@code {role, contenttype, value}}, {@code by}, {@code subjects}, {@code places};
 *   <li>3.x: the same in camelCase ({@code versionCreated}, {@code pubStatus},
 *       {@code contentType}): field names are matched without regard to case.
 * </ul>
 *
 * <p>HTML bodies are reduced to story paragraphs with {@link HtmlText}. An item without body text
 * (a flash) is kept, its description as the body when it has one; a picture, video, audio or
 * graphic item without text is not a story and is rejected as such.
 */
public final class NinjsParser implements StoryParser {

  /** ninjs types that are not text stories when they carry no text. */
  private static final Set<String> MEDIA_TYPES = Set.of("picture", "graphic", "video", "audio");
  /** Descriptions that are not a summary of the story. */
  private static final Set<String> NOT_SUMMARIES = Set.of("usage", "ednote", "alt", "caption");

  private final ZoneId defaultZone;

  public NinjsParser(final ParserConfig config) {
    this.defaultZone = config.defaultZone();
  }

  @Override
  public SourceFormat format() {
    return SourceFormat.NINJS;
  }

  @Override
  public ZoneId defaultZone() {
    return defaultZone;
  }

  @Override
  public ParseOutcome read(final SourceText source) throws StoryParseException {
    final String origin = source.origin();
    final JsonNode root;
    try {
      root = JsonFields.MAPPER.readTree(source.text());
    } catch (final JsonProcessingException e) {
      throw JsonFields.malformed(origin, e, 1);
    }
    final List<JsonNode> items = new ArrayList<>();
    if (root != null && root.isObject()) {
      items.add(root);
    } else if (root != null && root.isArray()) {
      root.forEach(items::add);
    } else {
      throw new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, origin, "line 1",
          "expected a ninjs object or an array of them, found "
              + (root == null ? "nothing" : JsonFields.kind(root)));
    }
    final List<ParsedStory> stories = new ArrayList<>();
    final List<StoryParseException> rejected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      final String position = "item " + (i + 1);
      try {
        if (!items.get(i).isObject()) {
          throw new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, origin, position,
              "expected a ninjs object, found " + JsonFields.kind(items.get(i)));
        }
        stories.add(toStory(lowerCaseKeys(items.get(i)), new JsonFields(origin, position),
            source.zone(), origin, position));
      } catch (final StoryParseException e) {
        rejected.add(e);
      }
    }
    return new ParseOutcome(stories, rejected);
  }

  private static ParsedStory toStory(final JsonNode item, final JsonFields fields,
      final ZoneId zone, final String origin, final String position) throws StoryParseException {
    final StoryDraft draft = new StoryDraft(SourceFormat.NINJS)
        .sourceGuid(fields.string(item, "uri"))
        .headline(headline(item, fields))
        .byline(byline(item, fields))
        .dateline(dateline(item, fields))
        .language(fields.string(item, "language"))
        .urgency(fields.integer(item, "urgency"))
        .status(status(fields.string(item, "pubstatus")))
        .source(source(item, fields))
        .paragraphs(body(item, fields))
        .summary(summary(item, fields));
    draft.embargoUntil(fields.timestamp(item, "embargoed", zone, draft));
    readVersion(item, fields, draft);
    final Instant firstCreated = fields.timestamp(item, "firstcreated", zone, draft);
    final Instant versionCreated = fields.timestamp(item, "versioncreated", zone, draft);
    final Instant contentCreated = versionCreated != null || firstCreated != null ? null
        : fields.timestamp(item, "contentcreated", zone, draft);
    draft.publishedAt(versionCreated != null ? versionCreated
        : firstCreated != null ? firstCreated : contentCreated);
    if (firstCreated != null) {
      draft.attribute("firstcreated", firstCreated.toString());
    }
    readSubjects(item, "subject", fields, draft);
    readSubjects(item, "subjects", fields, draft);
    for (final String attribute : List.of("slugline", "copyrightholder", "usageterms", "type")) {
      draft.attribute(attribute, fields.string(item, attribute));
    }
    final String type = fields.string(item, "type");
    if (!draft.hasBody() && type != null
        && MEDIA_TYPES.contains(type.strip().toLowerCase(Locale.ROOT))) {
      throw new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, origin, position,
          "a ninjs " + type.strip() + " item without text is not a story");
    }
    return draft.toStoryAllowingNoBody(origin, position);
  }

  /**
   * The item with every field name in lower case, nested objects included, so that the camelCase
   * of ninjs 3.x ({@code versionCreated}) reads as the lower case of 1.x and 2.x. Where both
   * spellings are present the first one wins.
   */
  private static JsonNode lowerCaseKeys(final JsonNode node) {
    if (node.isObject()) {
      final ObjectNode lowered = JsonNodeFactory.instance.objectNode();
      final Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        final Map.Entry<String, JsonNode> field = fields.next();
        final String key = field.getKey().toLowerCase(Locale.ROOT);
        if (!lowered.has(key)) {
          lowered.set(key, lowerCaseKeys(field.getValue()));
        }
      }
      return lowered;
    }
    if (node.isArray()) {
      final ArrayNode lowered = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> lowered.add(lowerCaseKeys(element)));
      return lowered;
    }
    return node;
  }

  /** ninjs versions are strings: digits become the version, anything else an attribute. */
  private static void readVersion(final JsonNode item, final JsonFields fields,
      final StoryDraft draft) throws StoryParseException {
    final String version = fields.string(item, "version");
    if (version != null && version.strip().matches("\\d{1,9}")) {
      draft.version(Integer.parseInt(version.strip()));
    } else {
      draft.attribute("version", version);
    }
  }

  /**
   * {@code headline}; else the {@code headlines} entry with role main, else the first; else a
   * {@code headline_<role>} field (main first); else the item's {@code title}.
   */
  private static String headline(final JsonNode item, final JsonFields fields)
      throws StoryParseException {
    final String headline = fields.string(item, "headline");
    if (headline != null && !headline.isBlank()) {
      return plain(headline);
    }
    final JsonNode fromArray = byRole(objects(item, "headlines", fields), fields, "main");
    if (fromArray != null) {
      return plain(fields.string(fromArray, "value"));
    }
    final String suffixed = suffixed(item, "headline_", fields, List.of("main"));
    if (suffixed != null) {
      return plain(suffixed);
    }
    return fields.string(item, "title");
  }

  /** A headline that some providers send with markup. */
  private static String plain(final String text) {
    return HtmlText.looksLikeMarkup(text) ? HtmlText.toText(text) : text;
  }

  /** 1.x {@code byline}, 2.x and 3.x {@code by}, or a {@code bylines} array some providers use. */
  private static String byline(final JsonNode item, final JsonFields fields)
      throws StoryParseException {
    final String byline = fields.string(item, "byline");
    if (byline != null && !byline.isBlank()) {
      return byline;
    }
    final String by = fields.string(item, "by");
    if (by != null && !by.isBlank()) {
      return by;
    }
    final List<String> names = new ArrayList<>();
    for (final JsonNode entry : objects(item, "bylines", fields)) {
      final String name = fields.string(entry, "byline");
      names.add(name != null ? name : fields.string(entry, "name"));
    }
    names.removeIf(name -> name == null || name.isBlank());
    return names.isEmpty() ? null : String.join(", ", names);
  }

  /** {@code located}; else the first named place (ninjs 2.0 dropped a dedicated dateline). */
  private static String dateline(final JsonNode item, final JsonFields fields)
      throws StoryParseException {
    final String located = fields.string(item, "located");
    if (located != null && !located.isBlank()) {
      return located;
    }
    for (final String field : List.of("places", "place")) {
      for (final JsonNode place : objects(item, field, fields)) {
        final String name = fields.string(place, "name");
        if (name != null && !name.isBlank()) {
          return name;
        }
      }
    }
    return null;
  }

  private static String source(final JsonNode item, final JsonFields fields)
      throws StoryParseException {
    for (final JsonNode infosource : objects(item, "infosources", fields)) {
      final String name = fields.string(infosource, "name");
      if (name != null && !name.isBlank()) {
        return name;
      }
    }
    return fields.string(item, "copyrightholder");
  }

  private static ArticleStatus status(final String pubstatus) {
    if (pubstatus == null || pubstatus.isBlank()) {
      return ArticleStatus.USABLE;
    }
    switch (pubstatus.strip().toLowerCase(Locale.ROOT)) {
      case "usable":
        return ArticleStatus.USABLE;
      case "withheld":
        return ArticleStatus.WITHHELD;
      case "canceled":
      case "cancelled":
        return ArticleStatus.CANCELED;
      default:
        return ArticleStatus.UNKNOWN;
    }
  }

  /**
   * The body: the first HTML entry of {@code bodies} (its structure tells story text from
   * furniture), else its first entry; else a 1.x {@code body_<format>} field, HTML and XHTML
   * before plain text.
   */
  private static List<String> body(final JsonNode item, final JsonFields fields)
      throws StoryParseException {
    final List<JsonNode> bodies = objects(item, "bodies", fields);
    JsonNode chosen = null;
    for (final JsonNode body : bodies) {
      final String value = fields.string(body, "value");
      if (value == null || value.isBlank()) {
        continue;
      }
      if (chosen == null || isHtml(fields.string(body, "contenttype"))
          && !isHtml(fields.string(chosen, "contenttype"))) {
        chosen = body;
      }
    }
    if (chosen != null) {
      return paragraphs(fields.string(chosen, "value"), fields.string(chosen, "contenttype"));
    }
    final String key = suffixedKey(item, "body_", fields, List.of("html", "xhtml", "text"));
    return key == null ? List.of() : paragraphs(fields.string(item, key), key);
  }

  /** The description: a summary for an item without body text. */
  private static List<String> summary(final JsonNode item, final JsonFields fields)
      throws StoryParseException {
    for (final JsonNode description : objects(item, "descriptions", fields)) {
      final String role = fields.string(description, "role");
      final String value = fields.string(description, "value");
      if (value != null && !value.isBlank() && (role == null || !NOT_SUMMARIES.contains(
          role.toLowerCase(Locale.ROOT).replaceAll("^.*:", "")))) {
        return paragraphs(value, fields.string(description, "contenttype"));
      }
    }
    final String key = suffixedKey(item, "description_", fields,
        List.of("text", "html", "xhtml", "summary"));
    return key == null || NOT_SUMMARIES.contains(key.substring("description_".length()))
        ? List.of() : paragraphs(fields.string(item, key), key);
  }

  private static List<String> paragraphs(final String value, final String typeOrKey) {
    final boolean markup = typeOrKey == null || !isHtml(typeOrKey) && !isPlain(typeOrKey)
        ? HtmlText.looksLikeMarkup(value) : isHtml(typeOrKey);
    return markup ? HtmlText.paragraphs(value) : Text.plainParagraphs(value);
  }

  private static boolean isHtml(final String type) {
    if (type == null) {
      return false;
    }
    final String lower = type.toLowerCase(Locale.ROOT);
    return lower.contains("html") || lower.contains("xml");
  }

  private static boolean isPlain(final String type) {
    final String lower = type.toLowerCase(Locale.ROOT);
    return lower.contains("text/plain") || lower.endsWith("_text");
  }

  /** The object of {@code candidates} with this role (any prefix: "main", "drol:main"), else the
   * first. */
  private static JsonNode byRole(final List<JsonNode> candidates, final JsonFields fields,
      final String role) throws StoryParseException {
    JsonNode first = null;
    for (final JsonNode candidate : candidates) {
      final String value = fields.string(candidate, "value");
      if (value == null || value.isBlank()) {
        continue;
      }
      final String candidateRole = fields.string(candidate, "role");
      if (candidateRole != null && candidateRole.toLowerCase(Locale.ROOT).endsWith(role)) {
        return candidate;
      }
      first = first == null ? candidate : first;
    }
    return first;
  }

  /** The value of the best {@code <prefix><suffix>} string field, preferring {@code order}. */
  private static String suffixed(final JsonNode item, final String prefix,
      final JsonFields fields, final List<String> order) throws StoryParseException {
    final String key = suffixedKey(item, prefix, fields, order);
    return key == null ? null : fields.string(item, key);
  }

  private static String suffixedKey(final JsonNode item, final String prefix,
      final JsonFields fields, final List<String> order) throws StoryParseException {
    final List<String> keys = new ArrayList<>();
    final Iterator<String> names = item.fieldNames();
    while (names.hasNext()) {
      final String name = names.next();
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        final String value = fields.string(item, name);
        if (value != null && !value.isBlank()) {
          keys.add(name);
        }
      }
    }
    for (final String preferred : order) {
      for (final String key : keys) {
        if (key.substring(prefix.length()).contains(preferred)) {
          return key;
        }
      }
    }
    return keys.isEmpty() ? null : keys.get(0);
  }

  /** 1.x subject [{code, name, scheme}], 2.0 subjects [{uri, literal, name}]: code or uri. */
  private static void readSubjects(final JsonNode item, final String field,
      final JsonFields fields, final StoryDraft draft) throws StoryParseException {
    for (final JsonNode subject : objects(item, field, fields)) {
      String id = null;
      for (final String key : List.of("code", "uri", "literal", "qcode", "name")) {
        id = id != null ? id : fields.string(subject, key);
      }
      draft.subject(id);
    }
  }

  private static List<JsonNode> objects(final JsonNode item, final String field,
      final JsonFields fields) throws StoryParseException {
    final JsonNode value = item.get(field);
    final List<JsonNode> objects = new ArrayList<>();
    if (value == null || value.isNull()) {
      return objects;
    }
    if (!value.isArray()) {
      throw fields.shape(field + " must be an array of objects, found " + JsonFields.kind(value));
    }
    for (final JsonNode element : value) {
      if (!element.isObject()) {
        throw fields.shape(field + " must hold objects, found " + JsonFields.kind(element));
      }
      objects.add(element);
    }
    return objects;
  }
}
