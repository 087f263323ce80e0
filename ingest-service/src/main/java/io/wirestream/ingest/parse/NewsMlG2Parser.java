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

  /** A login rather than a name: one lower-case token with dots, underscores or digits. */
  private static final Pattern LOGIN = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");
  /** Description roles that summarize the story (drol:summary, drol:teaser, abstract, lead). */
  private static final Pattern SUMMARY_ROLES =
      Pattern.compile("summary|teaser|abstract|lead|intro", Pattern.CASE_INSENSITIVE);

  private final ZoneId defaultZone;

  public NewsMlG2Parser(final ParserConfig config) {
    this.defaultZone = config.defaultZone();
  }

  @Override
  public SourceFormat format() {
    return SourceFormat.NEWSML_G2;
  }

  @Override
  public ZoneId defaultZone() {
    return defaultZone;
  }

  @Override
  public ParseOutcome read(final SourceText source) throws StoryParseException {
    final String origin = source.origin();
    final Document document = SecureXml.parse(source.text(), origin);
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
        stories.add(toStory(items.get(i), source.zone(), origin, position));
      } catch (final StoryParseException e) {
        rejected.add(e);
      }
    }
    return new ParseOutcome(stories, rejected);
  }

  private static ParsedStory toStory(final Element item, final ZoneId zone, final String origin,
      final String position) throws StoryParseException {
    if (!"newsItem".equals(SecureXml.localName(item))) {
      throw new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, origin, position,
          "<" + SecureXml.localName(item) + "> is not supported; only newsItem holds a story");
    }
    final Element itemMeta = SecureXml.child(item, "itemMeta");
    final Element contentMeta = SecureXml.child(item, "contentMeta");
    final Content content = content(item);
    final StoryDraft draft = new StoryDraft(SourceFormat.NEWSML_G2)
        .sourceGuid(SecureXml.attribute(item, "guid"))
        .version(integer(SecureXml.attribute(item, "version"), "version", origin, position))
        .source(provider(itemMeta))
        .status(status(SecureXml.attribute(SecureXml.child(itemMeta, "pubStatus"), "qcode")))
        .headline(firstOf(SecureXml.text(mainHeadline(contentMeta)), content.headline(),
            SecureXml.text(SecureXml.child(itemMeta, "title"))))
        .byline(firstOf(by(contentMeta), content.byline(), creators(contentMeta)))
        .dateline(firstOf(dateline(contentMeta), content.dateline()))
        .urgency(integer(SecureXml.text(SecureXml.child(contentMeta, "urgency")), "urgency",
            origin, position))
        .language(firstOf(language(item, contentMeta), content.language()))
        .paragraphs(content.paragraphs())
        .summary(summary(contentMeta, content));
    draft.embargoUntil(date(itemMeta, "embargoed", zone, draft, origin, position));
    final Instant firstCreated = date(itemMeta, "firstCreated", zone, draft, origin, position);
    final Instant versionCreated = date(itemMeta, "versionCreated", zone, draft, origin,
        position);
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
    draft.attribute("caption", content.caption());
    draft.attribute("vignette", content.vignette());
    final String itemClass = SecureXml.attribute(SecureXml.child(itemMeta, "itemClass"), "qcode");
    if (!draft.hasBody() && itemClass != null && !isText(itemClass)) {
      throw new StoryParseException(RejectReason.UNSUPPORTED_SHAPE, origin, position,
          "a " + itemClass + " item without text is not a story");
    }
    return draft.toStoryAllowingNoBody(origin, position);
  }

  /** ninat:text (and composites, which carry text); pictures, video, audio, graphics are not. */
  private static boolean isText(final String itemClass) {
    final String code = itemClass.substring(itemClass.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    return code.equals("text") || code.equals("composite");
  }

  private static String firstOf(final String... values) {
    for (final String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
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

  /**
   * The headline with role main (any scheme: {@code hlrole:main}), else the one ranked first
   * ({@code rank="1"}), else the first without a role, else the first.
   */
  private static Element mainHeadline(final Element contentMeta) {
    final List<Element> headlines = SecureXml.children(contentMeta, "headline");
    Element best = null;
    int bestRank = Integer.MAX_VALUE;
    for (final Element headline : headlines) {
      final String role = SecureXml.attribute(headline, "role");
      if (role != null && role.toLowerCase(Locale.ROOT).endsWith("main")) {
        return headline;
      }
      final String rankText = SecureXml.attribute(headline, "rank");
      final int rank = rankText != null && rankText.matches("\\d{1,6}")
          ? Integer.parseInt(rankText) : role == null ? Integer.MAX_VALUE - 1 : Integer.MAX_VALUE;
      if (best == null || rank < bestRank) {
        best = headline;
        bestRank = rank;
      }
    }
    return best;
  }

  /** {@code contentMeta/by}: the byline as printed, which a creator's name need not be. */
  private static String by(final Element contentMeta) {
    return SecureXml.text(SecureXml.child(contentMeta, "by"));
  }

  /**
   * The creators' names, when they are names: a creator is often the editing desk's login
   * ({@code nickel.valeria}), which is no byline.
   */
  private static String creators(final Element contentMeta) {
    final List<String> names = new ArrayList<>();
    for (final Element creator : SecureXml.children(contentMeta, "creator")) {
      final String name = SecureXml.text(SecureXml.child(creator, "name"));
      final String literal = SecureXml.attribute(creator, "literal");
      final String chosen = name != null ? name : literal;
      if (chosen != null && !LOGIN.matcher(chosen).matches()) {
        names.add(chosen);
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
    return cleanDateline(dateline);
  }

  private static String cleanDateline(final String dateline) {
    if (dateline == null) {
      return null;
    }
    final String place = DATELINE_TAIL.matcher(dateline).replaceAll("").strip()
        .replaceAll("[\\s,\\-\u2013\u2014]+$", "");
    return place.isEmpty() ? null : place;
  }

  /**
   * {@code contentMeta/language}, else the nearest {@code xml:lang} on the item or around it (a
   * {@code newsMessage} may declare it once for all its items).
   */
  private static String language(final Element item, final Element contentMeta) {
    final String tag = SecureXml.attribute(SecureXml.child(contentMeta, "language"), "tag");
    if (tag != null) {
      return tag;
    }
    return SecureXml.inheritedLang(item);
  }

  /** A summary: the description with a summary-like role (or none), else NITF's abstract. */
  private static List<String> summary(final Element contentMeta, final Content content) {
    for (final Element description : SecureXml.children(contentMeta, "description")) {
      final String role = SecureXml.attribute(description, "role");
      final String text = SecureXml.text(description);
      if (text != null && (role == null || SUMMARY_ROLES.matcher(role).find())) {
        return Text.plainParagraphs(description.getTextContent());
      }
    }
    return content.summary();
  }

  /**
   * What the item's content gives: the story paragraphs, and from a NITF or XHTML body its own
   * head (headline, byline, abstract, dateline) and furniture (caption, vignette).
   */
  private record Content(List<String> paragraphs, String headline, String byline,
      String dateline, List<String> summary, String language, String caption, String vignette) {

    static final Content NONE = new Content(List.of(), null, null, null, List.of(), null, null,
        null);
  }

  /**
   * The body: of the item's {@code inlineXML} and {@code inlineData} renditions, NITF first, then
   * XHTML or HTML, then plain text, since structure tells story text from furniture.
   */
  private static Content content(final Element item) {
    final Element contentSet = SecureXml.child(item, "contentSet");
    final List<Element> inline = new ArrayList<>(SecureXml.children(contentSet, "inlineXML"));
    inline.addAll(SecureXml.children(contentSet, "inlineData"));
    Element best = null;
    int bestScore = -1;
    for (final Element candidate : inline) {
      final int score = structureScore(candidate);
      if (score > bestScore && !candidate.getTextContent().isBlank()) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best == null) {
      return Content.NONE;
    }
    final Element nitf = firstElementNamed(best, "nitf");
    if (nitf != null) {
      return nitf(nitf);
    }
    final String lang = SecureXml.inheritedLangBelow(best);
    if ("inlineXML".equals(SecureXml.localName(best))) {
      return html(serializeChildren(best), lang);
    }
    final String text = best.getTextContent();
    final String type = SecureXml.attribute(best, "contenttype");
    if (type != null && type.toLowerCase(Locale.ROOT).contains("html")
        || type == null && HtmlText.looksLikeMarkup(text)) {
      return html(text, lang);
    }
    return new Content(Text.plainParagraphs(text), null, null, null, List.of(), lang, null, null);
  }

  private static int structureScore(final Element rendition) {
    if (firstElementNamed(rendition, "nitf") != null) {
      return 3;
    }
    final String type = SecureXml.attribute(rendition, "contenttype");
    final String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if ("inlineXML".equals(SecureXml.localName(rendition)) || lower.contains("html")) {
      return 2;
    }
    return 1;
  }

  private static Content html(final String markup, final String lang) {
    final HtmlText.Parts parts = HtmlText.parts(markup);
    return new Content(parts.paragraphs(), null, parts.byline(), null, List.of(), lang,
        parts.caption(), parts.vignette());
  }

  /**
   * NITF: {@code body.head} holds the headline ({@code hedline/hl1}), byline, abstract and
   * dateline, and stays out of the body, which is {@code body.content} alone (its photos and
   * their captions taken out); {@code body.end} (tagline) is not story text either.
   */
  private static Content nitf(final Element nitf) {
    final Element body = SecureXml.child(nitf, "body");
    final Element head = SecureXml.child(body, "body.head");
    final Element content = SecureXml.child(body, "body.content");
    final String headline = firstOf(
        SecureXml.text(SecureXml.path(head, "hedline", "hl1")),
        SecureXml.text(SecureXml.path(nitf, "head", "title")));
    final Element bylineElement = SecureXml.child(head, "byline");
    final List<String> persons = new ArrayList<>();
    for (final Element person : SecureXml.children(bylineElement, "person")) {
      final String name = SecureXml.text(person);
      if (name != null) {
        persons.add(name);
      }
    }
    final String byline = persons.isEmpty() ? SecureXml.text(bylineElement)
        : String.join(", ", persons);
    final Element abstractElement = SecureXml.child(head, "abstract");
    final List<String> summary = abstractElement == null ? List.of()
        : HtmlText.paragraphs(serializeChildren(abstractElement));
    final Element datelineElement = SecureXml.child(head, "dateline");
    final String city = SecureXml.text(SecureXml.path(datelineElement, "location", "city"));
    final String dateline = firstOf(city, cleanDateline(SecureXml.text(datelineElement)));
    final HtmlText.Parts parts = content == null ? new HtmlText.Parts(List.of(), null, null, null)
        : HtmlText.parts(serializeChildren(content));
    final String lang = firstOf(attributeLang(nitf), SecureXml.inheritedLangBelow(nitf));
    return new Content(parts.paragraphs(), headline, byline, dateline, summary, lang,
        parts.caption(), parts.vignette());
  }

  private static String attributeLang(final Element element) {
    final String lang = element.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
    return lang.isBlank() ? null : lang.strip();
  }

  private static Element firstElementNamed(final Element parent, final String name) {
    final NodeList nodes = parent.getElementsByTagNameNS("*", name);
    return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
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

  private static Instant date(final Element itemMeta, final String name, final ZoneId zone,
      final StoryDraft draft, final String origin, final String position)
      throws StoryParseException {
    final String text = SecureXml.text(SecureXml.child(itemMeta, name));
    if (text == null) {
      return null;
    }
    try {
      return draft.time(name, text, Timestamps.parse(text, zone), zone);
    } catch (final DateTimeException e) {
      throw new StoryParseException(RejectReason.BAD_DATE, origin, position,
          "bad date in itemMeta/" + name + ": \"" + text + "\" is not a date-time such as"
              + " 2014-11-22T08:43:00+08:00", e);
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
