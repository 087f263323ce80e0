package io.wirestream.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IPTC ninjs (News in JSON), 1.x and 2.0 field names: one object, or a top-level array of them.
 * HTML bodies are reduced to paragraphs with {@link HtmlText}.
 */
public final class NinjsParser implements StoryParser {

  private final ZoneId defaultZone;

  public NinjsParser(final ParserConfig config) {
    this.defaultZone = config.defaultZone();
  }

  @Override
  public SourceFormat format() {
    return SourceFormat.NINJS;
  }

  @Override
  public List<ParsedStory> parse(final byte[] input, final String origin)
      throws StoryParseException {
    return parseAll(input, origin).storiesOrThrow(origin, "ninjs array");
  }

  @Override
  public ParseOutcome parseAll(final byte[] input, final String origin)
      throws StoryParseException {
    final String text = InputChecks.decodeUtf8(input, origin);
    final JsonNode root;
    try {
      root = JsonFields.MAPPER.readTree(text);
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
        stories.add(toStory(items.get(i), new JsonFields(origin, position), origin, position));
      } catch (final StoryParseException e) {
        rejected.add(e);
      }
    }
    return new ParseOutcome(stories, rejected);
  }

  private ParsedStory toStory(final JsonNode item, final JsonFields fields, final String origin,
      final String position) throws StoryParseException {
    final StoryDraft draft = new StoryDraft(SourceFormat.NINJS)
        .sourceGuid(fields.string(item, "uri"))
        .headline(headline(item, fields))
        .byline(byline(item, fields))
        .dateline(dateline(item, fields))
        .language(fields.string(item, "language"))
        .urgency(fields.integer(item, "urgency"))
        .status(status(fields.string(item, "pubstatus")))
        .embargoUntil(fields.timestamp(item, "embargoed", defaultZone))
        .source(source(item, fields))
        .paragraphs(body(item, fields));
    readVersion(item, fields, draft);
    final Instant firstCreated = fields.timestamp(item, "firstcreated", defaultZone);
    final Instant versionCreated = fields.timestamp(item, "versioncreated", defaultZone);
    draft.publishedAt(versionCreated != null ? versionCreated : firstCreated);
    if (firstCreated != null) {
      draft.attribute("firstcreated", firstCreated.toString());
    }
    readSubjects(item, "subject", fields, draft);
    readSubjects(item, "subjects", fields, draft);
    for (final String attribute : List.of("slugline", "copyrightholder", "usageterms", "type")) {
      draft.attribute(attribute, fields.string(item, attribute));
    }
    return draft.toStory(origin, position);
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

  private static String headline(final JsonNode item, final JsonFields fields)
      throws StoryParseException {
    final String headline = fields.string(item, "headline");
    if (headline != null && !headline.isBlank()) {
      return headline;
    }
    // 2.0: headlines [{value, role}]; the "main" one, else the first.
    final List<JsonNode> headlines = objects(item, "headlines", fields);
    for (final JsonNode candidate : headlines) {
      if ("main".equalsIgnoreCase(fields.string(candidate, "role"))) {
        return fields.string(candidate, "value");
      }
    }
    return headlines.isEmpty() ? null : fields.string(headlines.get(0), "value");
  }

  private static String byline(final JsonNode item, final JsonFields fields)
      throws StoryParseException {
    final String byline = fields.string(item, "byline");
    if (byline != null && !byline.isBlank()) {
      return byline;
    }
    final List<String> names = new ArrayList<>();
    for (final JsonNode entry : objects(item, "bylines", fields)) {
      final String name = fields.string(entry, "byline");
      names.add(name != null ? name : fields.string(entry, "name"));
    }
    names.removeIf(name -> name == null || name.isBlank());
    return names.isEmpty() ? fields.string(item, "by") : String.join(", ", names);
  }

  /** {@code located}; else the first named place (ninjs 2.0 dropped a dedicated dateline). */
  private static String dateline(final JsonNode item, final JsonFields fields)
      throws StoryParseException {
    final String located = fields.string(item, "located");
    if (located != null && !located.isBlank()) {
      return located;
    }
    for (final JsonNode place : objects(item, "places", fields)) {
      final String name = fields.string(place, "name");
      if (name != null && !name.isBlank()) {
        return name;
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

  /** body_html (1.x), body_text (1.x), or bodies (2.0), HTML preferred for its structure. */
  private static List<String> body(final JsonNode item, final JsonFields fields)
      throws StoryParseException {
    final String html = fields.string(item, "body_html");
    if (html != null && !html.isBlank()) {
      return HtmlText.paragraphs(html);
    }
    final String text = fields.string(item, "body_text");
    if (text != null && !text.isBlank()) {
      return Text.plainParagraphs(text);
    }
    JsonNode chosen = null;
    for (final JsonNode body : objects(item, "bodies", fields)) {
      final String type = fields.string(body, "contenttype");
      if (chosen == null || type != null && type.toLowerCase(Locale.ROOT).contains("html")) {
        chosen = body;
      }
    }
    if (chosen == null) {
      return List.of();
    }
    final String type = fields.string(chosen, "contenttype");
    final String value = fields.string(chosen, "value");
    final boolean markup = type == null
        ? HtmlText.looksLikeMarkup(value) : type.toLowerCase(Locale.ROOT).contains("html");
    return markup ? HtmlText.paragraphs(value) : Text.plainParagraphs(value);
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
