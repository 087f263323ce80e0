package io.wirestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void shouldTurnBlockElementsAndBreaksIntoParagraphs() {
    final String html = "<h2>Sub  head</h2><p>One <i>two</i>\n three.</p><div>Four<br>Five</div>"
        + "<ul><li>Six</li><li>Seven</li></ul><blockquote>Eight</blockquote>";

    assertThat(HtmlText.paragraphs(html))
        .containsExactly("Sub head", "One two three.", "Four", "Five", "Six", "Seven", "Eight");
  }

  @Test
  void shouldDropScriptsAndStylesAndDecodeEntities() {
    final String html = "<html><head><style>p{}</style><title>Page</title></head><body>"
        + "<script>alert('x')</script><p>Fish &amp; chips &eacute;t&eacute; &#8212; &nbsp;ok</p>"
        + "<noscript>enable js</noscript></body></html>";

    assertThat(HtmlText.toText(html)).isEqualTo("Fish & chips été — ok");
  }

  @Test
  void shouldReadXhtmlWithNamespace() {
    final String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>First.</p>"
        + "<p/><p>Second.</p></body></html>";

    assertThat(HtmlText.toText(xhtml)).isEqualTo("First.\n\nSecond.");
  }

  @Test
  void shouldGiveNothingForBlankInput() {
    assertThat(HtmlText.paragraphs("  ")).isEmpty();
    assertThat(HtmlText.paragraphs(null)).isEmpty();
    assertThat(HtmlText.toText("<p> </p><script>x()</script>")).isEmpty();
  }

  @Test
  void shouldTellMarkupFromPlainText() {
    assertThat(HtmlText.looksLikeMarkup("<p>x</p>")).isTrue();
    assertThat(HtmlText.looksLikeMarkup("Fish &amp; chips")).isTrue();
    assertThat(HtmlText.looksLikeMarkup("3 < 4 and 5 > 2, A & B")).isFalse();
  }
}
