package io.wirestream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MarkupTest {

  @Test
  void shouldCountCharactersInsideTags() {
    assertThat(Markup.tagChars("<p>Hi</p>")).isEqualTo(7);
    assertThat(Markup.tagChars("<!-- c --><br/>")).isEqualTo(15);
  }

  @Test
  void shouldNotTakeComparisonsOrLoneBracketsForTags() {
    assertThat(Markup.tagChars("a < b and c > d, 3<4, x<-y>")).isZero();
    assertThat(Markup.isMostlyMarkup("Rates rose < 1% > expected <3")).isFalse();
  }

  @Test
  void shouldTellStoryWithSomeTagsFromMarkup() {
    assertThat(Markup.isMostlyMarkup("The <b>mill</b> closed on Friday after forty years."))
        .isFalse();
    assertThat(Markup.isMostlyMarkup("<div><div><span>x</span></div></div>")).isTrue();
  }

  @Test
  void shouldScan50kNestedTagsInLinearTime() {
    final String nested = "<div>".repeat(50_000) + "story" + "</div>".repeat(50_000);

    final boolean markup = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> Markup.isMostlyMarkup(nested));

    assertThat(markup).isTrue();
  }

  @Test
  void shouldScanUnclosedBracketsInLinearTime() {
    final String brackets = "<a".repeat(200_000);

    final int chars = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> Markup.tagChars(brackets));

    assertThat(chars).isZero();
  }
}
