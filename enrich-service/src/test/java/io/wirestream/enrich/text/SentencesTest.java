package io.wirestream.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.enrich.tone.ToneScorerArticleTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule-based sentence splitter. */
class SentencesTest {

  private static List<String> texts(final String text) {
    return Sentences.split(text).stream().map(s -> s.text(text)).toList();
  }

  @Test
  void shouldSplitOnTerminalPunctuationBeforeACapital() {
    assertThat(texts("Prices rose. Markets fell! Why? Nobody knows."))
        .containsExactly("Prices rose.", "Markets fell!", "Why?", "Nobody knows.");
  }

  @Test
  void shouldNotSplitBeforeALowerCaseWord() {
    assertThat(texts("Prices rose 3 pct. in May. and fell after."))
        .containsExactly("Prices rose 3 pct. in May. and fell after.");
  }

  @Test
  void shouldKeepTitlesAndMonthAbbreviations() {
    assertThat(texts("Mr. Smith met Gen. Lee on Jan. 5 in St. Louis. Dr. Jones was there."))
        .containsExactly("Mr. Smith met Gen. Lee on Jan. 5 in St. Louis.", "Dr. Jones was there.");
  }

  @Test
  void shouldKeepInitials() {
    assertThat(texts("John F. Kennedy and J. R. R. Tolkien were named. They left."))
        .containsExactly("John F. Kennedy and J. R. R. Tolkien were named.", "They left.");
  }

  @Test
  void shouldKeepDottedAcronymsUnlessASentenceOpenerFollows() {
    assertThat(texts("U.S. President Joe Biden met U.N. envoys at 5 p.m. Friday."))
        .containsExactly("U.S. President Joe Biden met U.N. envoys at 5 p.m. Friday.");
    assertThat(texts("Inflation is easing in the U.S. The Fed is cautious."))
        .containsExactly("Inflation is easing in the U.S.", "The Fed is cautious.");
    assertThat(texts("Shares of Acme Inc. The stock fell. Acme Inc. Chief Executive Jo Li spoke."))
        .containsExactly("Shares of Acme Inc.", "The stock fell.",
            "Acme Inc. Chief Executive Jo Li spoke.");
  }

  @Test
  void shouldKeepDecimalsAndDottedWords() {
    assertThat(texts("Growth was 3.5 percent, up from 2.1. The U.S.-led talks resumed."))
        .containsExactly("Growth was 3.5 percent, up from 2.1.", "The U.S.-led talks resumed.");
  }

  @Test
  void shouldEndAfterClosingQuotes() {
    assertThat(texts("He said: \"We will win.\" Then he left."))
        .containsExactly("He said: \"We will win.\"", "Then he left.");
    assertThat(texts("\u201CIt is over.\u201D She wept."))
        .containsExactly("\u201CIt is over.\u201D", "She wept.");
  }

  @Test
  void shouldSplitBeforeAnOpeningQuote() {
    assertThat(texts("The talks failed. \"It is a disaster,\" one envoy said."))
        .containsExactly("The talks failed.", "\"It is a disaster,\" one envoy said.");
  }

  @Test
  void shouldNotSplitAQuotedQuestionInsideASentence() {
    assertThat(texts("\"Why now?\" she asked. \"Because!\" he said."))
        .containsExactly("\"Why now?\" she asked.", "\"Because!\" he said.");
  }

  @Test
  void shouldSplitOnParagraphBreaks() {
    assertThat(texts("Quake hits city\n\nA strong quake hit the city.\n \nNo one was hurt"))
        .containsExactly("Quake hits city", "A strong quake hit the city.", "No one was hurt");
    assertThat(texts("Headline\r\n\r\nBody text here."))
        .containsExactly("Headline", "Body text here.");
  }

  @Test
  void shouldNotSplitOnASingleLineBreakMidSentence() {
    assertThat(texts("The minister said the talks\nwould resume soon."))
        .containsExactly("The minister said the talks\nwould resume soon.");
  }

  @Test
  void shouldSplitAfterTerminalPunctuationAtALineBreak() {
    assertThat(texts("The talks ended.\nnegotiators left."))
        .containsExactly("The talks ended.", "negotiators left.");
  }

  @Test
  void shouldSplitAfterEllipsesAndPunctuationRuns() {
    assertThat(texts("Wait... What happened?! Nobody knows!!! Really?"))
        .containsExactly("Wait...", "What happened?!", "Nobody knows!!!", "Really?");
  }

  @Test
  void shouldKeepTextWithoutTerminalPunctuationAsOneSentence() {
    assertThat(texts("  no punctuation at all  ")).containsExactly("no punctuation at all");
  }

  @Test
  void shouldReturnNothingForEmptyText() {
    assertThat(Sentences.split("")).isEmpty();
    assertThat(Sentences.split(" \n\n \t")).isEmpty();
    assertThat(Sentences.split(null)).isEmpty();
  }

  @Test
  void shouldReturnOffsetsThatMapBackToTheExactText() {
    final String text = ToneScorerArticleTest.DISASTER + "\n\n" + ToneScorerArticleTest.CELEBRATION
        + "\n\n\u201CIt is over.\u201D She wept\u2026 U.S. officials met at 5 p.m. Mr. Li spoke.";
    final List<Sentences.Span> spans = Sentences.split(text);
    assertThat(spans).hasSizeGreaterThan(10);
    int previousEnd = 0;
    final StringBuilder covered = new StringBuilder();
    for (final Sentences.Span span : spans) {
      assertThat(span.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(span.end()).isGreaterThan(span.start()).isLessThanOrEqualTo(text.length());
      final String sentence = span.text(text);
      assertThat(sentence).isEqualTo(text.substring(span.start(), span.end()));
      assertThat(sentence).isEqualTo(sentence.strip());
      assertThat(text.substring(previousEnd, span.start())).isBlank();
      covered.append(sentence);
      previousEnd = span.end();
    }
    assertThat(text.substring(previousEnd)).isBlank();
    // Every non-blank character belongs to exactly one sentence.
    assertThat(covered.toString().replaceAll("\\s", ""))
        .isEqualTo(text.replaceAll("\\s", ""));
  }

  @Test
  void shouldKeepQuotedSentencesOfTheDisasterStorySeparate() {
    assertThat(texts(ToneScorerArticleTest.DISASTER)).contains(
        "Deadly earthquake kills hundreds in mountain region",
        "\"It is a terrible tragedy.",
        "Entire families are dead,\" said Mr. Yilmaz, a local official.",
        "The death toll is expected to rise.");
  }

  @Test
  void shouldRejectInvalidSpans() {
    assertThatThrownBy(() -> new Sentences.Span(5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Sentences.Span(-1, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Sentences.Span(2, 5).length()).isEqualTo(3);
    assertThat(new Sentences.Span(2, 5).contains(3, 5)).isTrue();
    assertThat(new Sentences.Span(2, 5).contains(1, 3)).isFalse();
  }
}
