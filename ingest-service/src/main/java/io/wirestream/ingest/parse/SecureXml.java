package io.wirestream.ingest.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML reading that cannot be turned against us: any DOCTYPE is refused before the document is
 * parsed (so no entity is expanded and nothing external is fetched, and a billion-laughs payload
 * fails in the prolog), and the DOM parser itself is configured to refuse DTDs as a second wall.
 */
final class SecureXml {

  private static final XMLInputFactory PROLOG_READER = newPrologReaderFactory();
  private static final DocumentBuilderFactory DOM = newDomFactory();
  /** Creating a builder costs more than parsing a story; builders are not thread-safe. */
  private static final ThreadLocal<DocumentBuilder> BUILDERS =
      ThreadLocal.withInitial(SecureXml::newBuilder);

  /** Throws on errors instead of printing them to stderr, as the JDK's default handler does. */
  private static final ErrorHandler THROWING = new ErrorHandler() {
    @Override
    public void warning(final SAXParseException e) {
      // warnings are not errors in the input
    }

    @Override
    public void error(final SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(final SAXParseException e) throws SAXException {
      throw e;
    }
  };

  /**
   * What the prolog says, read without processing any DTD.
   *
   * @param rootName local name of the root element
   * @param doctypeLine line of the DOCTYPE declaration, 0 when there is none
   */
  record Prolog(String rootName, int doctypeLine) {

    boolean hasDoctype() {
      return doctypeLine > 0;
    }
  }

  private SecureXml() {
  }

  private static XMLInputFactory newPrologReaderFactory() {
    // The JDK's own StAX and DOM implementations, not whatever a jar on the classpath registers:
    // an old Xerces (CoreNLP brings one) ignores the JAXP security properties set below.
    final XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    return factory;
  }

  private static DocumentBuilderFactory newDomFactory() {
    try {
      final DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory;
    } catch (final ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
    }
  }

  /**
   * The root element name and DOCTYPE position; empty when the text is not XML up to its root.
   * Reads only the prolog, so it is cheap even for large documents.
   */
  static Optional<Prolog> readProlog(final String text) {
    try {
      return Optional.of(prolog(text.startsWith("<") ? text : stripBeforeDeclaration(text)));
    } catch (final XMLStreamException e) {
      return Optional.empty();
    }
  }

  /**
   * The document, parsed to a namespace-aware DOM.
   *
   * @throws StoryParseException {@link RejectReason#FORBIDDEN_DTD} for any DOCTYPE,
   *     {@link RejectReason#MALFORMED_XML} with its line for XML that is not well-formed
   */
  static Document parse(final String raw, final String origin) throws StoryParseException {
    // Whitespace before the XML declaration (a script's stray newline) is not allowed by XML but
    // is common in feeds; without it the document is what its author meant.
    final String text = raw.startsWith("<") ? raw : stripBeforeDeclaration(raw);
    final Prolog prolog;
    try {
      prolog = prolog(text);
    } catch (final XMLStreamException e) {
      throw malformed(origin, e.getLocation() == null ? 1 : e.getLocation().getLineNumber(),
          e.getMessage(), e);
    }
    if (prolog.hasDoctype()) {
      throw forbiddenDtd(origin, prolog.doctypeLine());
    }
    final DocumentBuilder builder = BUILDERS.get();
    try {
      return builder.parse(new InputSource(new StringReader(text)));
    } catch (final SAXParseException e) {
      throw malformed(origin, e.getLineNumber(), e.getMessage(), e);
    } catch (final SAXException | IOException e) {
      throw new StoryParseException(RejectReason.MALFORMED_XML, origin, "line 1",
          "malformed XML: " + e.getMessage(), e);
    } finally {
      builder.reset();
      configure(builder);
    }
  }

  private static String stripBeforeDeclaration(final String text) {
    final String stripped = text.stripLeading();
    return stripped.startsWith("<?xml") ? stripped : text;
  }

  private static DocumentBuilder newBuilder() {
    try {
      final DocumentBuilder builder;
      synchronized (DOM) {
        builder = DOM.newDocumentBuilder();
      }
      configure(builder);
      return builder;
    } catch (final ParserConfigurationException e) {
      throw new IllegalStateException("cannot create an XML parser", e);
    }
  }

  /** What {@link DocumentBuilder#reset()} forgets: set after every use. */
  private static void configure(final DocumentBuilder builder) {
    builder.setErrorHandler(THROWING);
    builder.setEntityResolver((publicId, systemId) -> {
      throw new SAXException("external entity " + systemId + " refused");
    });
  }

  private static Prolog prolog(final String text) throws XMLStreamException {
    final XMLStreamReader reader = PROLOG_READER.createXMLStreamReader(new StringReader(text));
    try {
      return scanProlog(text, reader);
    } catch (final RuntimeException e) {
      // The JDK's StAX scanner fails on some malformed DOCTYPEs with an unchecked exception: a
      // control character in a markup declaration gives a MissingResourceException for its own
      // missing message "InvalidCharInDTD" (found by ParserFuzzTest). It is malformed XML.
      throw new XMLStreamException("unreadable XML prolog (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")", e);
    } finally {
      reader.close();
    }
  }

  private static Prolog scanProlog(final String text, final XMLStreamReader reader)
      throws XMLStreamException {
    while (reader.hasNext()) {
      final int event = reader.next();
      if (event == XMLStreamConstants.DTD) {
        // The reader stands at the end of the DOCTYPE; report the line where it starts.
        final int line = doctypeStartLine(text, reader.getLocation().getCharacterOffset());
        return new Prolog(rootAfterDoctype(reader), line);
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        return new Prolog(reader.getLocalName(), 0);
      }
    }
    throw new XMLStreamException("document has no root element");
  }

  private static int doctypeStartLine(final String text, final int endOffset) {
    final int end = endOffset > 0 ? Math.min(endOffset, text.length()) : text.length();
    final int start = text.lastIndexOf("<!DOCTYPE", end);
    final int upTo = start >= 0 ? start : end;
    int line = 1;
    for (int i = 0; i < upTo; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * The root element name after a DOCTYPE, for format detection only. DTD support is off, so
   * entities declared there are never expanded; one used in the root tag just ends the look.
   */
  private static String rootAfterDoctype(final XMLStreamReader reader) {
    try {
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
          return reader.getLocalName();
        }
      }
    } catch (final XMLStreamException | RuntimeException e) {
      // the DOCTYPE alone already decides how this document is refused (the JDK's scanner can
      // also fail unchecked here, see prolog)
    }
    return "";
  }

  private static StoryParseException forbiddenDtd(final String origin, final int line) {
    return new StoryParseException(RejectReason.FORBIDDEN_DTD, origin, "line " + line,
        "forbidden DTD: a DOCTYPE declaration is not accepted (entity expansion and external"
            + " entities are disabled)");
  }

  private static StoryParseException malformed(
      final String origin, final int line, final String message, final Exception cause) {
    // DOCTYPE refusals by the DOM parser itself (defense in depth) keep their specific reason.
    if (message != null && message.contains("DOCTYPE")) {
      return forbiddenDtd(origin, Math.max(1, line));
    }
    return new StoryParseException(RejectReason.MALFORMED_XML, origin, "line " + Math.max(1, line),
        "malformed XML: " + firstLine(message), cause);
  }

  private static String firstLine(final String message) {
    if (message == null) {
      return "unreadable document";
    }
    // StAX prefixes its messages with "ParseError at [row,col]:[..]\nMessage: ..."
    final int marker = message.indexOf("Message: ");
    return (marker >= 0 ? message.substring(marker + "Message: ".length()) : message).strip();
  }

  /** Child elements of {@code parent} with local name {@code name}, in any namespace. */
  static List<Element> children(final Element parent, final String name) {
    final List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    final NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      final Node node = nodes.item(i);
      if (node instanceof Element && name.equals(localName(node))) {
        found.add((Element) node);
      }
    }
    return found;
  }

  /** The first child element with local name {@code name}, or null. */
  static Element child(final Element parent, final String name) {
    final List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The element at a path of local names below {@code parent}, or null. */
  static Element path(final Element parent, final String... names) {
    Element current = parent;
    for (final String name : names) {
      current = child(current, name);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /** Normalized text content of an element, or null when the element is absent or blank. */
  static String text(final Element element) {
    return element == null ? null : Text.normalizeOrNull(element.getTextContent());
  }

  /** An attribute value, or null when absent or blank. */
  static String attribute(final Element element, final String name) {
    if (element == null || !element.hasAttribute(name)) {
      return null;
    }
    return Text.normalizeOrNull(element.getAttribute(name));
  }

  /** The nearest {@code xml:lang} on the element or an ancestor (a feed's, a message's). */
  static String inheritedLang(final Element element) {
    Node current = element;
    while (current instanceof Element) {
      final String lang = ((Element) current).getAttributeNS(XMLConstants.XML_NS_URI, "lang");
      if (!lang.isBlank()) {
        return lang.strip();
      }
      current = current.getParentNode();
    }
    return null;
  }

  /** The first {@code xml:lang} (or HTML {@code lang}) declared on the element or inside it. */
  static String inheritedLangBelow(final Element element) {
    final String own = element.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
    if (!own.isBlank()) {
      return own.strip();
    }
    final NodeList all = element.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength() && i < 3; i++) {
      final Element inner = (Element) all.item(i);
      final String lang = inner.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
      if (!lang.isBlank()) {
        return lang.strip();
      }
      if (!inner.getAttribute("lang").isBlank()) {
        return inner.getAttribute("lang").strip();
      }
    }
    return null;
  }

  static String localName(final Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }
}
