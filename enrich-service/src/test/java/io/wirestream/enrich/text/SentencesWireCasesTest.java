package io.wirestream.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SentencesWireCasesTest {

  @Test
  void shouldSplitOnTerminalPunctuationFollowedBySpace() {
    assertThat(sentences("Rain fell in Lima. Roads closed! Will it stop? Nobody knows."))
        .containsExactly("Rain fell in Lima.", "Roads closed!", "Will it stop?", "Nobody knows.");
  }

  @Test
  void shouldKeepTitlesInitialsAcronymsAndDecimalsInsideTheSentence() {
    assertThat(sentences("Mr. Okafor and Dr. Lee met Gen. Mbeki in the U.S. capital. George W. Bush sent a note. "
        + "Growth was 3.5 percent in Jan. and rose after 9 a.m. on Friday."))
        .containsExactly(
            "Mr. Okafor and Dr. Lee met Gen. Mbeki in the U.S. capital.",
            "George W. Bush sent a note.",
            "Growth was 3.5 percent in Jan. and rose after 9 a.m. on Friday.");
  }

  @Test
  void shouldEndASentenceAfterClosingQuotes() {
    assertThat(sentences("\u201cWe will rebuild.\u201d The mayor left. She said \"no.\" Then she smiled."))
        .containsExactly("\u201cWe will rebuild.\u201d", "The mayor left.", "She said \"no.\"", "Then she smiled.");
  }

  @Test
  void shouldNotSplitBeforeALowerCaseWord() {
    assertThat(sentences("Shares of Acme Inc. rose sharply. Trading was calm."))
        .containsExactly("Shares of Acme Inc. rose sharply.", "Trading was calm.");
  }

  @Test
  void shouldSplitOnBlankLinesButNotOnSingleLineBreaks() {
    assertThat(sentences("KAMPALA (Wirestream) - Officials said the bridge\r\nwould reopen\r\n\r\nMore to follow"))
        .containsExactly("KAMPALA (Wirestream) - Officials said the bridge\r\nwould reopen", "More to follow");
  }

  @Test
  void shouldReturnSpansWithoutSurroundingWhitespace() {
    final String text = "  One.   Two.  ";

    final List<Sentences.Span> spans = Sentences.split(text);

    assertThat(spans).containsExactly(new Sentences.Span(2, 6), new Sentences.Span(9, 13));
    assertThat(spans.get(0).contains(2)).isTrue();
    assertThat(spans.get(0).contains(6)).isFalse();
    assertThat(Sentences.split(" \r\n ")).isEmpty();
  }

  private static List<String> sentences(final String text) {
    return Sentences.split(text).stream()
        .map(span -> text.substring(span.start(), span.end()))
        .collect(Collectors.toList());
  }
}
