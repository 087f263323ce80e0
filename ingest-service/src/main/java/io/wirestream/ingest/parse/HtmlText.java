package io.wirestream.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML, XHTML or NITF markup (a fragment or a whole document) to clean story paragraphs, with
 * jsoup. Block elements and {@code <br>} end a paragraph, scripts and styles are dropped,
 * entities are decoded, and whitespace is normalized inside each paragraph.
 *
 * <p>What agencies put around the story in the same markup never reaches the body: an article's
 * {@code <header>} (publication time, slugline list, headline, byline, embargo note), photos with
 * their captions and credits ({@code <figure>}, NITF {@code <media>}), and lines labelled as
 * furniture by their class (a {@code vignette}/{@code source} line, a {@code byline},
 * {@code credit}, {@code caption}, {@code slugline} or {@code embargo} block). Such a label inside
 * a sentence of the story (a dateline span at the start of the first paragraph) stays, since it
 * is part of that paragraph's text.
 */
public final class HtmlText {

  /** Elements whose start and end break paragraphs: HTML's blocks and NITF's. */
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
      "blockquote", "br", "pre", "table", "tr", "td", "th", "caption", "thead", "tbody",
      "section", "article", "header", "footer", "aside", "figure", "figcaption", "hr",
      "address", "body", "main", "nav", "details", "summary", "center", "hgroup",
      "hl1", "hl2", "block", "bq", "note", "tagline", "media", "fn", "nitf-table");

  /** Elements whose content is never story text. */
  private static final String NOT_TEXT = "script, style, noscript, template, head, iframe, object,"
      + " embed, svg, video, audio, picture, img, button, form, nav, figure, figcaption, media,"
      + " header";

  /** Class names of page and wire furniture. */
  private static final Set<String> FURNITURE = Set.of("byline", "vignette", "source", "credit",
      "credits", "caption", "kicker", "slugline", "embargo", "photographer", "dateline");

  /** A start, end or empty tag, or a character reference: what plain text does not contain. */
  private static final Pattern MARKUP =
      Pattern.compile("</?[A-Za-z][^>]*>|&(?:#\\d+|#x\\p{XDigit}+|[A-Za-z]+);");

  /**
   * The story paragraphs of some markup and the furniture taken out of it.
   *
   * @param paragraphs story paragraphs in document order
   * @param byline the text of a {@code byline} block outside any photo, or null
   * @param caption the first photo caption, or null
   * @param vignette the text of a {@code vignette} label, or null
   */
  public record Parts(List<String> paragraphs, String byline, String caption, String vignette) {

    public Parts {
      paragraphs = List.copyOf(paragraphs);
    }
  }

  private HtmlText() {
  }

  /** Whether text of unknown type is HTML rather than plain text with line breaks. */
  static boolean looksLikeMarkup(final String text) {
    return text != null && MARKUP.matcher(text).find();
  }

  /** The paragraphs of {@code html}, in document order; empty for null or blank input. */
  public static List<String> paragraphs(final String html) {
    return parts(html).paragraphs();
  }

  /** The paragraphs of {@code html} joined by {@code "\n\n"}; empty for null or blank input. */
  public static String toText(final String html) {
    return String.join("\n\n", paragraphs(html));
  }

  /** The story paragraphs and the furniture of {@code html}. */
  public static Parts parts(final String html) {
    if (html == null || html.isBlank()) {
      return new Parts(List.of(), null, null, null);
    }
    final Element body = Jsoup.parse(html).body();
    // One walk finds the furniture worth keeping before it is removed.
    String caption = null;
    String byline = null;
    String vignette = null;
    for (final Element element : body.getAllElements()) {
      final String name = element.normalName();
      if (caption == null && (name.equals("figcaption") || name.equals("media-caption")
          || hasClass(element, "caption"))) {
        caption = Text.normalizeOrNull(element.text());
      }
      if (byline == null && hasClass(element, "byline") && !insidePhoto(element)) {
        byline = Text.normalizeOrNull(element.text());
      }
      if (vignette == null && hasClass(element, "vignette")) {
        vignette = Text.normalizeOrNull(element.text());
      }
    }
    body.select(NOT_TEXT).remove();
    removeFurniture(body);
    return new Parts(textOf(body), byline, caption, vignette);
  }

  private static boolean hasClass(final Element element, final String name) {
    // className() is the attribute as written: no set is built for the many elements without.
    return !element.className().isEmpty() && element.hasClass(name);
  }

  /** A photo's byline is its photographer's; the story's is outside every photo. */
  private static boolean insidePhoto(final Element element) {
    for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
      if (parent.normalName().equals("figure") || parent.normalName().equals("media")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops furniture: a block with a furniture class, and a block whose only text is in
   * furniture-classed elements (TT's {@code <div><span class="vignette">..</span><span
   * class="source">..</span></div>}). Inline furniture within story text is kept.
   */
  private static void removeFurniture(final Element body) {
    final List<Element> remove = new ArrayList<>();
    for (final Element element : body.getAllElements()) {
      if (element == body || !isFurniture(element)) {
        continue;
      }
      if (isBlock(element)) {
        remove.add(element);
        continue;
      }
      final Element block = enclosingBlock(element, body);
      if (block != null && block != body && onlyFurniture(block)) {
        remove.add(block);
      }
    }
    remove.forEach(Node::remove);
  }

  private static boolean isFurniture(final Element element) {
    if (element.className().isEmpty()) {
      return false;
    }
    for (final String name : element.classNames()) {
      if (FURNITURE.contains(name.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static Element enclosingBlock(final Element element, final Element body) {
    Element parent = element.parent();
    while (parent != null && parent != body && !isBlock(parent)) {
      parent = parent.parent();
    }
    return parent;
  }

  /** Whether every non-blank text node of the block is inside a furniture element. */
  private static boolean onlyFurniture(final Element block) {
    final boolean[] storyText = {false};
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode && !((TextNode) node).isBlank()
          && !insideFurniture(node, block)) {
        storyText[0] = true;
      }
    }, block);
    return !storyText[0];
  }

  private static boolean insideFurniture(final Node node, final Element block) {
    Node current = node.parent();
    while (current != null && current != block) {
      if (current instanceof Element && isFurniture((Element) current)) {
        return true;
      }
      current = current.parent();
    }
    return false;
  }

  private static List<String> textOf(final Element body) {
    final List<String> paragraphs = new ArrayList<>();
    final StringBuilder current = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(final Node node, final int depth) {
        if (node instanceof TextNode) {
          current.append(((TextNode) node).getWholeText());
        } else if (isBlock(node)) {
          flush(current, paragraphs);
        } else if (separatesWords(node)) {
          current.append(' ');
        }
      }

      @Override
      public void tail(final Node node, final int depth) {
        if (isBlock(node)) {
          flush(current, paragraphs);
        }
      }
    }, body);
    flush(current, paragraphs);
    return paragraphs;
  }

  private static boolean isBlock(final Node node) {
    return node instanceof Element && BLOCKS.contains(((Element) node).normalName());
  }

  /**
   * Two labelled inline elements side by side ({@code <span class="a">x</span><span
   * class="b">y</span>}) are separate fields, which a page shows apart by its style sheet: a
   * space keeps their words from running together. A span that only styles part of a word (a
   * drop capital) is followed by text, not by another labelled element.
   */
  private static boolean separatesWords(final Node node) {
    if (!(node instanceof Element) || !((Element) node).hasAttr("class")) {
      return false;
    }
    final Node previous = node.previousSibling();
    return previous instanceof Element && ((Element) previous).hasAttr("class");
  }

  private static void flush(final StringBuilder current, final List<String> paragraphs) {
    final String paragraph = Text.normalize(current.toString());
    if (!paragraph.isEmpty()) {
      paragraphs.add(paragraph);
    }
    current.setLength(0);
  }
}
