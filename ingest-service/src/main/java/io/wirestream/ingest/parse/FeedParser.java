package io.wirestream.ingest.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom feeds with ROME: each item is a story. The XML is parsed by
 * {@link SecureXml} (DOCTYPE refused, same errors and line numbers as NewsML-G2) and the DOM is
 * handed to ROME, which maps the feed dialects onto one model.
 *
 * <p>{@link #format()} is {@code RSS}; stories from Atom feeds record {@code ATOM}.
 */
public final class FeedParser implements StoryParser {

  private final ZoneId defaultZone;

  public FeedParser(final ParserConfig config) {
    this.defaultZone = config.defaultZone();
  }

  @Override
  public SourceFormat format() {
    return SourceFormat.RSS;
  }

  @Override
  public ZoneId defaultZone() {
    return defaultZone;
  }

  /** The usable items and the rejected ones; throws only when the feed itself is unreadable. */
  public FeedParseResult parseFeed(final byte[] input, final String origin)
      throws StoryParseException {
    final ParseOutcome outcome = parseAll(input, origin);
    return new FeedParseResult(outcome.stories(), outcome.rejected());
  }

  @Override
  public ParseOutcome read(final SourceText source) throws StoryParseException {
    final String origin = source.origin();
    final Document document = SecureXml.parse(source.text(), origin);
    final SyndFeed feed = readFeed(document, origin);
    final SourceFormat format = feed.getFeedType() != null
        && feed.getFeedType().toLowerCase(Locale.ROOT).startsWith("atom")
        ? SourceFormat.ATOM : SourceFormat.RSS;
    final List<Element> itemElements = itemElements(document.getDocumentElement());
    final List<SyndEntry> entries = feed.getEntries();
    final List<ParsedStory> stories = new ArrayList<>();
    final List<StoryParseException> rejected = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      final String position = "item " + (i + 1);
      // ROME keeps the feed's item order; the raw element is needed for dates ROME could not read.
      final Element element = itemElements.size() == entries.size() ? itemElements.get(i) : null;
      try {
        stories.add(toStory(feed, entries.get(i), element, format, source.zone(), origin,
            position));
      } catch (final StoryParseException e) {
        rejected.add(e);
      }
    }
    return new ParseOutcome(stories, rejected);
  }

  private static SyndFeed readFeed(final Document document, final String origin)
      throws StoryParseException {
    final SyndFeedInput input = new SyndFeedInput();
    // Not used for a DOM input, but keeps ROME's own parser closed if it ever reads the bytes.
    input.setAllowDoctypes(false);
    input.setPreserveWireFeed(true);
    try {
      return input.build(document);
    } catch (final FeedException | IllegalArgumentException e) {
      throw new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, origin, "line 1",
          "not a readable RSS or Atom feed: " + e.getMessage(), e);
    }
  }

  private static ParsedStory toStory(final SyndFeed feed, final SyndEntry entry,
      final Element element, final SourceFormat format, final ZoneId zone, final String origin,
      final String position) throws StoryParseException {
    final StoryDraft draft = new StoryDraft(format)
        .source(feed.getTitle())
        .language(language(feed, element))
        .sourceGuid(guid(entry))
        .url(entry.getLink())
        .headline(title(entry))
        .byline(authors(entry))
        .paragraphs(body(entry));
    draft.publishedAt(published(entry, element, zone, draft, origin, position));
    for (final SyndCategory category : entry.getCategories()) {
      draft.subject(category.getName());
    }
    // A headline-only item (a flash, a link post) still flows, marked as such.
    return draft.toStoryAllowingNoBody(origin, position);
  }

  /**
   * The item's own language (dc:language, xml:lang), else the feed's ({@code <language>}, or
   * {@code xml:lang} on the channel or the feed): entries inherit what the feed declares.
   */
  private static String language(final SyndFeed feed, final Element element) {
    if (element != null) {
      final String own = SecureXml.text(SecureXml.child(element, "language"));
      if (own != null) {
        return own;
      }
      final String lang = element.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
      if (!lang.isBlank()) {
        return lang.strip();
      }
    }
    if (feed.getLanguage() != null && !feed.getLanguage().isBlank()) {
      return feed.getLanguage();
    }
    return element == null ? null : SecureXml.inheritedLang(element);
  }

  /** RSS guid or Atom id as written; ROME's own uri falls back to the link, which is no guid. */
  private static String guid(final SyndEntry entry) {
    final Object wire = entry.getWireEntry();
    if (wire instanceof Item) {
      final Item item = (Item) wire;
      return item.getGuid() == null ? null : item.getGuid().getValue();
    }
    if (wire instanceof Entry) {
      return ((Entry) wire).getId();
    }
    return entry.getUri();
  }

  private static String title(final SyndEntry entry) {
    final SyndContent title = entry.getTitleEx();
    if (title == null || title.getValue() == null) {
      return entry.getTitle();
    }
    return isMarkup(title.getType()) ? HtmlText.toText(title.getValue()) : title.getValue();
  }

  private static String authors(final SyndEntry entry) {
    final List<String> names = new ArrayList<>();
    for (final SyndPerson person : entry.getAuthors()) {
      if (person.getName() != null && !person.getName().isBlank()) {
        names.add(person.getName().strip());
      }
    }
    return names.isEmpty() ? entry.getAuthor() : String.join(", ", names);
  }

  /** Full content (content:encoded, Atom content) when given, else the description or summary. */
  private static List<String> body(final SyndEntry entry) {
    final List<String> paragraphs = new ArrayList<>();
    for (final SyndContent content : entry.getContents()) {
      paragraphs.addAll(paragraphsOf(content));
    }
    if (paragraphs.isEmpty() && entry.getDescription() != null) {
      paragraphs.addAll(paragraphsOf(entry.getDescription()));
    }
    return paragraphs;
  }

  private static List<String> paragraphsOf(final SyndContent content) {
    final String type = content.getType();
    final String value = content.getValue();
    final boolean html = type == null ? HtmlText.looksLikeMarkup(value) : isMarkup(type);
    return html ? HtmlText.paragraphs(value) : Text.plainParagraphs(value);
  }

  private static boolean isMarkup(final String type) {
    return type != null && type.toLowerCase(Locale.ROOT).contains("html");
  }

  /**
   * The item's update time, else its publication time. An ISO-8601 time without an offset (Atom,
   * dc:date) is read in the default zone; RFC 822 times (RSS pubDate) as ROME reads them. A date
   * ROME could not read rejects the item rather than publishing it undated.
   */
  private static Instant published(final SyndEntry entry, final Element element,
      final ZoneId zone, final StoryDraft draft, final String origin, final String position)
      throws StoryParseException {
    final String[] raw = rawDate(element);
    if (raw != null) {
      try {
        return draft.time(raw[0], raw[1], Timestamps.parse(raw[1], zone), zone);
      } catch (final DateTimeException e) {
        throw new StoryParseException(RejectReason.BAD_DATE, origin, position,
            "bad date \"" + raw[1] + "\": not an RFC 822 or ISO-8601 date-time, in any of the"
                + " languages read", e);
      }
    }
    // Only without the item element (ROME and the DOM disagree on the items): ROME's reading.
    final Date date = element != null ? null : entry.getUpdatedDate() != null
        ? entry.getUpdatedDate() : entry.getPublishedDate();
    return date == null ? null : date.toInstant();
  }

  /** The first date the item element carries, in the order ROME prefers them: name, text. */
  private static String[] rawDate(final Element element) {
    if (element == null) {
      return null;
    }
    for (final String name : List.of("updated", "published", "pubDate", "date", "modified")) {
      final String text = SecureXml.text(SecureXml.child(element, name));
      if (text != null) {
        return new String[] {name, text};
      }
    }
    return null;
  }

  /** The item elements in document order: rss/channel/item, rdf:RDF/item, or feed/entry. */
  private static List<Element> itemElements(final Element root) {
    switch (SecureXml.localName(root)) {
      case "rss":
        return SecureXml.children(SecureXml.child(root, "channel"), "item");
      case "RDF":
        return SecureXml.children(root, "item");
      case "feed":
        return SecureXml.children(root, "entry");
      default:
        return List.of();
    }
  }
}
