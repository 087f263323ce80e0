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

  @Test
  void shouldKeepAnArticleHeaderPhotosAndFurnitureLinesOutOfTheBody() {
    final String html = "<article><header><time>12.03.2024 08:00</time><ul class=\"slugline\">"
        + "<li>Hafen</li></ul><h1>Titel</h1><p class=\"byline\">Von Ada Roth</p></header>"
        + "<div class=\"dat\"><span class=\"vignette\">Hafen</span><span class=\"source\">AG"
        + "</span></div><p>Erster Satz.</p><figure><img src=\"x.jpg\"/><div class=\"byline\">"
        + "Foto: Kai Berg</div><figcaption>Das Schiff am Kai.</figcaption></figure>"
        + "<p class=\"embargo\">Sperrfrist 10 Uhr</p><p>Zweiter Satz.</p></article>";

    final HtmlText.Parts parts = HtmlText.parts(html);

    assertThat(parts.paragraphs()).containsExactly("Erster Satz.", "Zweiter Satz.");
    assertThat(parts.byline()).as("the story's byline, not the photographer's")
        .isEqualTo("Von Ada Roth");
    assertThat(parts.caption()).isEqualTo("Das Schiff am Kai.");
    assertThat(parts.vignette()).isEqualTo("Hafen");
  }

  @Test
  void shouldKeepALabelInsideASentenceOfTheStory() {
    final String html = "<p><span class=\"dateline\">Kiel <span class=\"credit\">(ag)</span>"
        + " - </span>Die Fähre fährt.</p>";

    assertThat(HtmlText.paragraphs(html)).containsExactly("Kiel (ag) - Die Fähre fährt.");
  }

  @Test
  void shouldNotRunLabelledFieldsTogetherButKeepAStyledInitialInItsWord() {
    assertThat(HtmlText.paragraphs("<p><span class=\"kind\">Literature</span><span"
        + " class=\"agency\">NB</span> The prize goes to Oslo.</p>"))
        .containsExactly("Literature NB The prize goes to Oslo.");
    assertThat(HtmlText.paragraphs("<p><span class=\"initial\">T</span>he prize.</p>"))
        .containsExactly("The prize.");
  }

  @Test
  void shouldBreakNitfBlocksAndDropNitfMedia() {
    final String nitf = "<p>One.</p><media><media-caption>Caption.</media-caption></media>"
        + "<hl2>Sub</hl2><block><p>Two <person>Ada</person>'s.</p></block>";

    assertThat(HtmlText.paragraphs(nitf)).containsExactly("One.", "Sub", "Two Ada's.");
  }
}
