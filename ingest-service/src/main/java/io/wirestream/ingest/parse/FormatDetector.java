package io.wirestream.ingest.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.wirestream.schemas.avro.SourceFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the format of a document from its content; the file name's extension only breaks ties
 * where the content is ambiguous (a single JSON object line, a short text).
 *
 * <ul>
 *   <li>XML by its root element: {@code newsItem}/{@code newsMessage} NewsML-G2, {@code rss} or
 *       {@code RDF} RSS, {@code feed} Atom.
 *   <li>JSON: several lines that each start an object are JSON lines; an object or array whose
 *       first object has ninjs fields of any version ({@code uri}, {@code versioncreated} or
 *       {@code versionCreated}, any {@code body_*}, {@code headline_*} or {@code description_*},
 *       {@code bodies}, {@code headlines}, a {@code $schema} naming ninjs) is ninjs; a single
 *       object with {@code headline} and {@code body} is one JSON line.
 *   <li>Other text with a headline line and a sentence-length line is a plain-text article dump.
 * </ul>
 */
public final class FormatDetector {

  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> NINJS_FIELDS = Set.of(
      "uri", "versioncreated", "firstcreated", "body_text", "body_html", "bodies", "headlines",
      "pubstatus", "bylines", "located");
  /** A sentence-length line is what separates an article dump from arbitrary short text. */
  private static final int MIN_WORDS_IN_A_PARAGRAPH = 8;
  /** Lines looked at to tell JSON lines from one pretty-printed object. */
  private static final int LINES_TO_SNIFF = 5;

  private FormatDetector() {
  }

  /**
   * The format of {@code input}, or empty when it matches none.
   *
   * @param fileNameOrNull a file name or path whose extension may break ties; may be null
   */
  public static Optional<SourceFormat> detect(final byte[] input, final String fileNameOrNull) {
    return detect(Text.stripBom(new String(input, StandardCharsets.UTF_8)), fileNameOrNull);
  }

  static Optional<SourceFormat> detect(final String text, final String fileNameOrNull) {
    final String extension = extensionOf(fileNameOrNull);
    final String head = text.stripLeading();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    switch (head.charAt(0)) {
      case '<':
        return detectXml(text, extension);
      case '{':
      case '[':
        return detectJson(head, extension);
      default:
        return detectText(text, extension);
    }
  }

  private static Optional<SourceFormat> detectXml(final String text, final String extension) {
    final Optional<SourceFormat> byRoot = SecureXml.readProlog(text)
        .map(prolog -> formatOfRoot(prolog.rootName()));
    if (byRoot.isPresent() && byRoot.get() != SourceFormat.UNKNOWN) {
      return byRoot;
    }
    // Unreadable before the root element: only a specific extension can say what was meant.
    switch (extension) {
      case "rss":
        return Optional.of(SourceFormat.RSS);
      case "atom":
        return Optional.of(SourceFormat.ATOM);
      default:
        return Optional.empty();
    }
  }

  private static SourceFormat formatOfRoot(final String root) {
    switch (root) {
      case "newsItem":
      case "newsMessage":
        return SourceFormat.NEWSML_G2;
      case "rss":
      case "RDF":
        return SourceFormat.RSS;
      case "feed":
        return SourceFormat.ATOM;
      default:
        return SourceFormat.UNKNOWN;
    }
  }

  private static Optional<SourceFormat> detectJson(final String head, final String extension) {
    if (head.charAt(0) == '{' && startsSeveralObjectLines(head)) {
      return Optional.of(SourceFormat.JSON_LINES);
    }
    final FirstObject first = firstObject(head);
    if (first.ninjs) {
      return Optional.of(SourceFormat.NINJS);
    }
    if (extension.equals("jsonl") || extension.equals("ndjson")) {
      return Optional.of(SourceFormat.JSON_LINES);
    }
    if (head.charAt(0) == '{' && first.headlineAndBody) {
      return Optional.of(SourceFormat.JSON_LINES);
    }
    return Optional.empty();
  }

  private static boolean startsSeveralObjectLines(final String head) {
    int objectLines = 0;
    int looked = 0;
    for (final String line : head.lines().limit(LINES_TO_SNIFF * 4L).toList()) {
      final String stripped = line.strip();
      if (stripped.isEmpty()) {
        continue;
      }
      if (!stripped.startsWith("{") || stripped.equals("{")) {
        return false;
      }
      objectLines++;
      if (++looked == LINES_TO_SNIFF) {
        break;
      }
    }
    return objectLines >= 2;
  }

  /** What the top-level fields of the first JSON object say; stops at the first syntax error. */
  private static FirstObject firstObject(final String head) {
    final FirstObject result = new FirstObject();
    try (JsonParser parser = JSON.createParser(head)) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_ARRAY) {
        token = parser.nextToken();
      }
      if (token != JsonToken.START_OBJECT) {
        return result;
      }
      boolean headline = false;
      boolean body = false;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        final String field = parser.currentName();
        final JsonToken value = parser.nextToken();
        if (isNinjsField(field.toLowerCase(Locale.ROOT))
            || field.equals("$schema") && value == JsonToken.VALUE_STRING
                && parser.getText().toLowerCase(Locale.ROOT).contains("ninjs")) {
          result.ninjs = true;
          return result;
        }
        headline |= field.equals("headline");
        body |= field.equals("body");
        parser.skipChildren();
      }
      result.headlineAndBody = headline && body;
    } catch (final IOException malformed) {
      // what was seen before the error is all detection needs; the parser reports the error
    }
    return result;
  }

  /** ninjs fields of every version: 3.x writes them in camelCase, 1.x has body_/headline_ ones. */
  private static boolean isNinjsField(final String lowerCaseField) {
    return NINJS_FIELDS.contains(lowerCaseField) || lowerCaseField.startsWith("body_")
        || lowerCaseField.startsWith("headline_") || lowerCaseField.startsWith("description_");
  }

  private static Optional<SourceFormat> detectText(final String text, final String extension) {
    final List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty())
        .limit(200).toList();
    final boolean hasParagraph = lines.stream().skip(1)
        .anyMatch(line -> Text.countWords(line, MIN_WORDS_IN_A_PARAGRAPH)
            >= MIN_WORDS_IN_A_PARAGRAPH);
    if (lines.size() >= 2 && hasParagraph || extension.equals("txt")) {
      return Optional.of(SourceFormat.PLAIN_TEXT);
    }
    return Optional.empty();
  }

  private static String extensionOf(final String fileName) {
    if (fileName == null) {
      return "";
    }
    final String lastSegment = fileName.substring(
        Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    final int dot = lastSegment.lastIndexOf('.');
    return dot < 0 ? "" : lastSegment.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** Findings about the first JSON object of a document. */
  private static final class FirstObject {
    private boolean ninjs;
    private boolean headlineAndBody;
  }
}
