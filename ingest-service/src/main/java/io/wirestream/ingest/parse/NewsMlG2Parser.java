package io.wirestream.ingest.parse;

import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;

/**
 * IPTC NewsML-G2 text items: a {@code newsItem}, or a {@code newsMessage} whose {@code itemSet}
 * holds several. Parsed with the JDK's DOM parser behind {@link SecureXml}: a DOCTYPE is refused,
 * so neither external entities nor entity expansion can be used against the service.
 */
public final class NewsMlG2Parser implements StoryParser {

  /** {@code "GENEVA, Nov 22 (Reuters) -"}: a dateline's date and agency tail after the place. */
  private static final Pattern DATELINE_TAIL = Pattern.compile(
      ",\\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b.*$"
          + "|\\s*\\([^)]*\\)\\s*-*$",
      Pattern.CASE_INSENSITIVE);

  private final ZoneId defaultZone;

  public NewsMlG2Parser(final ParserConfig config) {
    this.defaultZone = config.defaultZone();
  }

  @Override
  public SourceFormat format() {
    return SourceFormat.NEWSML_G2;
  }

  @Override
  public List<ParsedStory> parse(final byte[] input, final String origin)
      throws StoryParseException {
    return parseAll(input, origin).storiesOrThrow(origin, "newsMessage");
  }

  @Override
  public ParseOutcome parseAll(final byte[] input, final String origin)
      throws StoryParseException {
    final Document document = SecureXml.parse(InputChecks.decodeUtf8(input, origin), origin);
    final Element root = document.getDocumentElement();
    final List<Element> items = new ArrayList<>();
    switch (SecureXml.localName(root)) {
      case "newsItem":
        items.add(root);
        break;
      case "newsMessage":
        // Every item of the set is accounted for, including kinds we do not read.
        items.addAll(elementChildren(SecureXml.child(root, "itemSet")));
        break;
      default:
        throw new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, origin, "line 1",
            "expected a NewsML-G2 newsItem or newsMessage, found <" + SecureXml.localName(root)
                + ">");
    }
    final List<ParsedStory> stories = new ArrayList<>();
    final List<StoryParseException> rejected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      final String position = "item " + (i + 1);
      try {
        stories.add(toStory(items.get(i), origin, position));
      } catch (final StoryParseException e) {
        rejected.add(e);
      }
    }
    return new ParseOutcome(stories, rejected);
  }

  private ParsedStory toStory(final Element item, final String origin, final String position)
      throws StoryParseException {
    if (!"newsItem".equals(SecureXml.localName(item))) {
      throw new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, origin, position,
          "<" + SecureXml.localName(item) + "> is not supported; only newsItem holds a story");
    }
    final Element itemMeta = SecureXml.child(item, "itemMeta");
    final Element contentMeta = SecureXml.child(item, "contentMeta");
    final StoryDraft draft = new StoryDraft(SourceFormat.NEWSML_G2)
        .sourceGuid(SecureXml.attribute(item, "guid"))
        .version(integer(SecureXml.attribute(item, "version"), "version", origin, position))
        .source(provider(itemMeta))
        .status(status(SecureXml.attribute(SecureXml.child(itemMeta, "pubStatus"), "qcode")))
        .embargoUntil(date(itemMeta, "embargoed", origin, position))
        .headline(SecureXml.text(mainHeadline(contentMeta)))
        .byline(creators(contentMeta))
        .dateline(dateline(contentMeta))
        .urgency(integer(SecureXml.text(SecureXml.child(contentMeta, "urgency")), "urgency",
            origin, position))
        .language(language(item, contentMeta))
        .paragraphs(body(item));
    final Instant firstCreated = date(itemMeta, "firstCreated", origin, position);
    final Instant versionCreated = date(itemMeta, "versionCreated", origin, position);
    draft.publishedAt(versionCreated != null ? versionCreated : firstCreated);
    if (firstCreated != null) {
      draft.attribute("firstCreated", firstCreated.toString());
    }
    for (final Element subject : SecureXml.children(contentMeta, "subject")) {
      final String qcode = SecureXml.attribute(subject, "qcode");
      draft.subject(qcode != null ? qcode : SecureXml.attribute(subject, "uri"));
    }
    draft.attribute("slugline", SecureXml.text(SecureXml.child(contentMeta, "slugline")));
    draft.attribute("edNote", SecureXml.text(SecureXml.child(itemMeta, "edNote")));
    return draft.toStory(origin, position);
  }

  private static String provider(final Element itemMeta) {
    final Element provider = SecureXml.child(itemMeta, "provider");
    final String literal = SecureXml.attribute(provider, "literal");
    if (literal != null) {
      return literal;
    }
    final String name = SecureXml.text(SecureXml.child(provider, "name"));
    return name != null ? name : SecureXml.attribute(provider, "qcode");
  }

  private static ArticleStatus status(final String qcode) {
    if (qcode == null) {
      return ArticleStatus.USABLE;
    }
    // stat:usable, or the same code under another alias of the scheme
    final String code = qcode.substring(qcode.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    switch (code) {
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

  /** The headline without a role or with role "main"/"hld" style, else the first. */
  private static Element mainHeadline(final Element contentMeta) {
    final List<Element> headlines = SecureXml.children(contentMeta, "headline");
    for (final Element headline : headlines) {
      final String role = SecureXml.attribute(headline, "role");
      if (role == null || role.toLowerCase(Locale.ROOT).endsWith("main")) {
        return headline;
      }
    }
    return headlines.isEmpty() ? null : headlines.get(0);
  }

  private static String creators(final Element contentMeta) {
    final List<String> names = new ArrayList<>();
    for (final Element creator : SecureXml.children(contentMeta, "creator")) {
      final String name = SecureXml.text(SecureXml.child(creator, "name"));
      final String literal = SecureXml.attribute(creator, "literal");
      if (name != null || literal != null) {
        names.add(name != null ? name : literal);
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  /** located/name is a clean place name; a dateline element may carry date and agency too. */
  private static String dateline(final Element contentMeta) {
    final String located = SecureXml.text(
        SecureXml.child(SecureXml.child(contentMeta, "located"), "name"));
    if (located != null) {
      return located;
    }
    final String dateline = SecureXml.text(SecureXml.child(contentMeta, "dateline"));
    return dateline == null ? null : DATELINE_TAIL.matcher(dateline).replaceAll("").strip();
  }

  private static String language(final Element item, final Element contentMeta) {
    final String tag = SecureXml.attribute(SecureXml.child(contentMeta, "language"), "tag");
    if (tag != null) {
      return tag;
    }
    final String lang = item.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
    return lang.isBlank() ? null : lang.strip();
  }

  /** inlineXML (XHTML) via {@link HtmlText}, else inlineData as plain text. */
  private static List<String> body(final Element item) {
    final Element contentSet = SecureXml.child(item, "contentSet");
    final List<Element> inlineXml = SecureXml.children(contentSet, "inlineXML");
    if (!inlineXml.isEmpty()) {
      Element chosen = inlineXml.get(0);
      for (final Element candidate : inlineXml) {
        final String type = SecureXml.attribute(candidate, "contenttype");
        if (type != null && type.contains("xhtml")) {
          chosen = candidate;
          break;
        }
      }
      return HtmlText.paragraphs(serializeChildren(chosen));
    }
    final Element inlineData = SecureXml.child(contentSet, "inlineData");
    return inlineData == null ? List.of() : Text.plainParagraphs(inlineData.getTextContent());
  }

  private static String serializeChildren(final Element element) {
    final DOMImplementationLS ls =
        (DOMImplementationLS) element.getOwnerDocument().getImplementation();
    final LSSerializer serializer = ls.createLSSerializer();
    serializer.getDomConfig().setParameter("xml-declaration", false);
    final StringBuilder markup = new StringBuilder();
    final NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      markup.append(serializer.writeToString(children.item(i)));
    }
    return markup.toString();
  }

  private Instant date(final Element itemMeta, final String name, final String origin,
      final String position) throws StoryParseException {
    final String text = SecureXml.text(SecureXml.child(itemMeta, name));
    if (text == null) {
      return null;
    }
    try {
      return Timestamps.parseIso(text, defaultZone);
    } catch (final DateTimeException e) {
      throw new StoryParseException(RejectReason.BAD_DATE, origin, position,
          "bad date in itemMeta/" + name + ": \"" + text + "\" is not an ISO-8601 date-time"
              + " such as 2014-11-22T08:43:00+08:00", e);
    }
  }

  private static Integer integer(final String text, final String name, final String origin,
      final String position) throws StoryParseException {
    if (text == null) {
      return null;
    }
    if (!text.matches("\\d{1,9}")) {
      throw new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, origin, position,
          name + " must be a non-negative integer, found \"" + text + "\"");
    }
    return Integer.parseInt(text);
  }

  private static List<Element> elementChildren(final Element parent) {
    final List<Element> elements = new ArrayList<>();
    if (parent == null) {
      return elements;
    }
    final NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        elements.add((Element) nodes.item(i));
      }
    }
    return elements;
  }
}
