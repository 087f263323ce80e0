package io.wirestream.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML or XHTML (a fragment or a whole document) to clean story paragraphs, with jsoup. Block
 * elements and {@code <br>} end a paragraph, scripts and styles are dropped, entities are
 * decoded, and whitespace is normalized inside each paragraph.
 */
public final class HtmlText {

  /** Elements whose start and end break paragraphs. */
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
      "blockquote", "br", "pre", "table", "tr", "td", "th", "section", "article", "header",
      "footer", "aside", "figure", "figcaption", "hr", "address", "body", "main", "nav");

  /** Elements whose content is never story text. */
  private static final String NOT_TEXT = "script, style, noscript, template, head, iframe, object";

  /** A start, end or empty tag, or a character reference: what plain text does not contain. */
  private static final Pattern MARKUP =
      Pattern.compile("</?[A-Za-z][^>]*>|&(?:#\\d+|#x\\p{XDigit}+|[A-Za-z]+);");

  private HtmlText() {
  }

  /** Whether text of unknown type is HTML rather than plain text with line breaks. */
  static boolean looksLikeMarkup(final String text) {
    return text != null && MARKUP.matcher(text).find();
  }

  /** The paragraphs of {@code html}, in document order; empty for null or blank input. */
  public static List<String> paragraphs(final String html) {
    final List<String> paragraphs = new ArrayList<>();
    if (html == null || html.isBlank()) {
      return paragraphs;
    }
    final Element body = Jsoup.parse(html).body();
    body.select(NOT_TEXT).remove();
    final StringBuilder current = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(final Node node, final int depth) {
        if (node instanceof TextNode) {
          current.append(((TextNode) node).getWholeText());
        } else if (isBlock(node)) {
          flush(current, paragraphs);
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

  /** The paragraphs of {@code html} joined by {@code "\n\n"}; empty for null or blank input. */
  public static String toText(final String html) {
    return String.join("\n\n", paragraphs(html));
  }

  private static boolean isBlock(final Node node) {
    return node instanceof Element && BLOCKS.contains(((Element) node).normalName());
  }

  private static void flush(final StringBuilder current, final List<String> paragraphs) {
    final String paragraph = Text.normalize(current.toString());
    if (!paragraph.isEmpty()) {
      paragraphs.add(paragraph);
    }
    current.setLength(0);
  }
}
