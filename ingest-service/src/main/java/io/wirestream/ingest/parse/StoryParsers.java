package io.wirestream.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The entry point of parsing: checks a document (size, emptiness, binary content) and reads it in
 * its charset before any parser sees it, detects its format unless one is forced, and hands the
 * text to that format's parser. Thread-safe; build one per configuration and share it.
 */
public final class StoryParsers {

  /** A web page: an {@code <html>} root, after an HTML doctype without internal subset. */
  private static final Pattern HTML_PAGE = Pattern.compile(
      "(?:<!doctype\\s+html\\b[^>\\[]*>\\s*)?<html[\\s>]", Pattern.CASE_INSENSITIVE);

  private final ParserConfig config;
  private final Map<SourceFormat, StoryParser> parsers = new EnumMap<>(SourceFormat.class);

  public StoryParsers(final ParserConfig config) {
    this.config = config;
    final FeedParser feeds = new FeedParser(config);
    parsers.put(SourceFormat.PLAIN_TEXT, new PlainTextParser(config));
    parsers.put(SourceFormat.NINJS, new NinjsParser(config));
    parsers.put(SourceFormat.NEWSML_G2, new NewsMlG2Parser(config));
    parsers.put(SourceFormat.RSS, feeds);
    parsers.put(SourceFormat.ATOM, feeds);
    parsers.put(SourceFormat.JSON_LINES, new JsonLinesParser(config));
  }

  public ParserConfig config() {
    return config;
  }

  /**
   * The usable stories of a document. For documents holding several stories, rejected ones are
   * left out; use {@link #parseAll} to account for them.
   *
   * @param forcedFormat the format to use instead of detecting one; empty (or {@code UNKNOWN})
   *     to detect
   * @throws StoryParseException when the document is refused or holds no usable story
   */
  public List<ParsedStory> parse(final byte[] input, final String origin,
      final Optional<SourceFormat> forcedFormat) throws StoryParseException {
    return parseAll(input, origin, forcedFormat).storiesOrThrow(originOf(origin), "the document");
  }

  /**
   * Every story of a document and every rejected story in it, so that one bad line or item never
   * hides the good ones and is never silently dropped.
   *
   * @throws StoryParseException when the document as a whole is refused
   */
  public ParseOutcome parseAll(final byte[] input, final String origin,
      final Optional<SourceFormat> forcedFormat) throws StoryParseException {
    return parseAll(input, origin, forcedFormat, DocumentContext.NONE);
  }

  /**
   * As {@link #parseAll(byte[], String, Optional)}, with what the way in knows about the
   * document: its HTTP Content-Type (for the charset) and the zone of its zone-less timestamps.
   */
  public ParseOutcome parseAll(final byte[] input, final String origin,
      final Optional<SourceFormat> forcedFormat, final DocumentContext context)
      throws StoryParseException {
    final String where = originOf(origin);
    final TextDecoding.Decoded decoded =
        InputChecks.check(input, where, config.maxDocumentBytes(), context.contentType());
    final String text = decoded.text();
    final Optional<SourceFormat> format = forcedFormat
        .filter(forced -> forced != SourceFormat.UNKNOWN)
        .or(() -> FormatDetector.detect(text, where));
    if (format.isEmpty()) {
      throw unknownFormat(text, where);
    }
    final ZoneId zone = context.zone() != null ? context.zone() : config.defaultZone();
    final ParseOutcome outcome = parsers.get(format.get())
        .read(new SourceText(text, where, zone)).withWarnings(decoded.warnings());
    if (outcome.stories().isEmpty() && outcome.rejected().isEmpty()) {
      // A feed without items, an empty array or item set: nothing to publish is still an answer.
      throw new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, where, "document",
          "the document holds no story (no item, entry or object)");
    }
    return outcome;
  }

  /** The most specific reason an undetectable document can be given. */
  private static StoryParseException unknownFormat(final String text, final String origin) {
    final String head = text.stripLeading();
    if (head.startsWith("<")) {
      if (HTML_PAGE.matcher(head).lookingAt()) {
        return new StoryParseException(RejectReason.UNKNOWN_FORMAT, origin, "line 1",
            "unknown format: an HTML web page; save the article as text, or send its feed");
      }
      final Optional<SecureXml.Prolog> prolog = SecureXml.readProlog(text);
      if (prolog.isPresent() && prolog.get().hasDoctype()) {
        // Refused as XML before anything else is said about it: no DTD is ever processed.
        return new StoryParseException(RejectReason.FORBIDDEN_DTD, origin,
            "line " + prolog.get().doctypeLine(),
            "forbidden DTD: a DOCTYPE declaration is not accepted (entity expansion and external"
                + " entities are disabled)");
      }
      if (prolog.isPresent()) {
        return new StoryParseException(RejectReason.UNKNOWN_FORMAT, origin, "line 1",
            "unknown format: XML root element <" + prolog.get().rootName() + "> is none of"
                + " newsItem, newsMessage (NewsML-G2), rss, RDF (RSS) or feed (Atom)");
      }
      return new StoryParseException(RejectReason.UNKNOWN_FORMAT, origin, "line 1",
          "unknown format: starts like XML or HTML but has no readable root element");
    }
    if (head.startsWith("{") || head.startsWith("[")) {
      try {
        JsonFields.MAPPER.readTree(text);
      } catch (final JsonProcessingException e) {
        return JsonFields.malformed(origin, e, 1);
      }
      return new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, origin, "line 1",
          "JSON with neither ninjs fields (uri, versioncreated, body_text, body_html, bodies,"
              + " headlines) nor the headline and body fields of JSON lines");
    }
    return new StoryParseException(RejectReason.UNKNOWN_FORMAT, origin, "line 1",
        "unknown format: not NewsML-G2, ninjs, RSS, Atom, JSON lines or a plain-text article"
            + " (a headline line followed by paragraphs)");
  }

  private static String originOf(final String origin) {
    return origin == null || origin.isBlank() ? "input" : origin;
  }
}
