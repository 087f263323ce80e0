package io.wirestream.enrich.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Copies and near-copies of one written agency story are recognised; different stories of one
 * topic, and reports of the same shape on different days, are not.
 */
public class NearDuplicateTest {

  private static final SignatureScheme SCHEME = SignatureScheme.DEFAULT;
  private static final String STRIKE = read("port-strike.txt");

  public static String read(final String name) {
    try (InputStream in = NearDuplicateTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> paragraphs(final String text) {
    return Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip)
        .filter(p -> !p.isEmpty()).toList();
  }

  private static SignatureScheme.Comparison compare(final String a, final String b) {
    return SCHEME.compare(SCHEME.signature(a).orElseThrow(), SCHEME.signature(b).orElseThrow());
  }

  private static String withDateline(final String dateline, final String body) {
    return dateline + " " + body;
  }

  @Test
  void anExactResendUnderANewIdShouldPointToTheOriginal() {
    final NearDuplicateIndex index = new NearDuplicateIndex(SCHEME, 1000);
    assertThat(index.add("urn:a:1", STRIKE)).isEqualTo(
        new NearDuplicateIndex.Assignment("urn:a:1", null, 0.0));
    final NearDuplicateIndex.Assignment resend = index.add("urn:a:1-resend", STRIKE);
    assertThat(resend.duplicateOf()).isEqualTo("urn:a:1");
    assertThat(resend.clusterId()).isEqualTo("urn:a:1");
    assertThat(resend.containment()).isEqualTo(1.0);
    for (int i = 0; i < 200; i++) {
      assertThat(index.add("urn:a:1-resend-" + i, STRIKE).duplicateOf()).isEqualTo("urn:a:1");
    }
    assertThat(index.size()).as("re-sends are not kept again").isEqualTo(1);
    assertThat(index.comparisons()).as("each re-send meets the one kept story").isEqualTo(201);
  }

  @Test
  void theSameTextWithAnotherBylineAndDatelineShouldBeACopy() {
    final String agency = withDateline("VALMORA, Thursday (Coastal Wire) -", STRIKE);
    final String outlet = "By Petra Lind, Harbour Times staff\n\n"
        + withDateline("VALMORA, June 4 -", STRIKE);
    final SignatureScheme.Comparison c = compare(agency, outlet);
    assertThat(c.duplicate()).as("%s", c).isTrue();
    assertThat(c.containment()).isGreaterThan(0.9);
  }

  @Test
  void theBodyTrimmedToItsFirstHalfShouldBeACopy() {
    final List<String> all = paragraphs(STRIKE);
    final String half = String.join("\n\n", all.subList(0, all.size() / 2));
    final SignatureScheme.Comparison c = compare(STRIKE, half);
    assertThat(c.sizeRatio()).as("the half is about half").isBetween(0.4, 0.6);
    assertThat(c.duplicate()).as("%s", c).isTrue();
  }

  @Test
  void theBodyWithTwoParagraphsAddedShouldBeACopy() {
    final List<String> all = paragraphs(STRIKE);
    final String extended = String.join("\n\n", all.subList(0, 2)) + "\n\n"
        + read("port-strike-extra.txt") + "\n\n" + String.join("\n\n", all.subList(2, all.size()));
    final SignatureScheme.Comparison c = compare(STRIKE, extended);
    assertThat(c.duplicate()).as("%s", c).isTrue();
  }

  @Test
  void aCopyOfACopyShouldPointToTheFirstStoryOfTheCluster() {
    final List<String> all = paragraphs(STRIKE);
    final NearDuplicateIndex index = new NearDuplicateIndex(SCHEME, 1000);
    index.add("first", String.join("\n\n", all.subList(0, 5)));
    assertThat(index.add("second", STRIKE).duplicateOf()).isEqualTo("first");
    final NearDuplicateIndex.Assignment third = index.add("third",
        String.join("\n\n", all.subList(2, all.size())));
    assertThat(third.clusterId()).isEqualTo("first");
    assertThat(third.duplicateOf()).isEqualTo("first");
  }

  @Test
  void aStoryThatLeftTheWindowShouldNoLongerBeMatched() {
    final NearDuplicateIndex index = new NearDuplicateIndex(SCHEME, 2);
    index.add("strike", STRIKE);
    index.add("match", read("match-report-a.txt"));
    assertThat(index.add("strike-copy", STRIKE).duplicateOf()).isEqualTo("strike");
    index.add("earnings", read("earnings-q1.txt"));
    index.add("table", read("league-table-day1.txt"));
    assertThat(index.size()).isEqualTo(2);
    assertThat(index.add("strike-late", STRIKE)).isEqualTo(
        new NearDuplicateIndex.Assignment("strike-late", null, 0.0));
    assertThatThrownBy(() -> new NearDuplicateIndex(SCHEME, 0)).hasMessageContaining("window");
  }

  @Test
  void twoMatchReportsOfOneLeagueDayShouldNotMerge() {
    assertNotCopies("match-report-a.txt", "match-report-b.txt");
  }

  @Test
  void twoEarningsReportsOfOneCompanyShouldNotMerge() {
    assertNotCopies("earnings-q1.txt", "earnings-q2.txt");
  }

  @Test
  void leagueTablesOfTwoMatchDaysShouldNotMerge() {
    assertNotCopies("league-table-day1.txt", "league-table-day2.txt");
  }

  @Test
  void marketReportsOfTheSameShapeOnTwoDaysShouldNotMerge() {
    assertNotCopies("market-report-monday.txt", "market-report-tuesday.txt");
  }

  @Test
  void aBriefInsideALongFollowUpShouldBeADevelopingStoryNotACopy() {
    final String brief = paragraphs(STRIKE).get(0);
    final SignatureScheme.Comparison c = compare(brief, STRIKE);
    assertThat(c.containment()).as("the brief's words are all in the story").isGreaterThan(0.9);
    assertThat(c.duplicate()).as("%s", c).isFalse();
  }

  @Test
  void aTextTooShortForASignatureShouldBeItsOwnCluster() {
    assertThat(SCHEME.signature("Port strike ends.")).isEmpty();
    assertThat(SCHEME.signature("  ")).isEmpty();
    assertThat(SCHEME.signature(null)).isEmpty();
    final NearDuplicateIndex index = new NearDuplicateIndex(SCHEME, 1000);
    index.add("a", "Port strike ends.");
    assertThat(index.add("b", "Port strike ends.")).isEqualTo(
        new NearDuplicateIndex.Assignment("b", null, 0.0));
    assertThat(index.size()).isZero();
  }

  @Test
  void signaturesShouldBeDeterministicAndIgnoreCaseAndPunctuation() {
    final SignatureScheme other = new SignatureScheme(5, 120, 3, 0.7, 0.3, 10);
    assertThat(other.signature(STRIKE)).isEqualTo(SCHEME.signature(STRIKE));
    assertThat(SCHEME.signature(STRIKE.toUpperCase(java.util.Locale.ROOT).replace(",", " ;")))
        .isEqualTo(SCHEME.signature(STRIKE));
    assertThat(SCHEME.signature(STRIKE).orElseThrow().minHash())
        .hasSize(SCHEME.signatureBytes());
  }

  @Test
  void theBandsShouldFindHalfOverlapsAndRarelyUnrelatedStories() {
    assertThat(SCHEME.bands()).isEqualTo(40);
    assertThat(SCHEME.candidateProbability(0.5)).isGreaterThan(0.99);
    assertThat(SCHEME.candidateProbability(0.1)).isLessThan(0.05);
    final long[] keys = SCHEME.bandKeys(SCHEME.signature(STRIKE).orElseThrow());
    assertThat(keys).hasSize(40).doesNotHaveDuplicates();
  }

  @Test
  void badSchemesAndForeignSignaturesShouldBeRefused() {
    assertThatThrownBy(() -> new SignatureScheme(5, 100, 3, 0.8, 0.4, 10))
        .hasMessageContaining("bad MinHash shape");
    assertThatThrownBy(() -> new SignatureScheme(5, 120, 3, 1.5, 0.4, 10))
        .hasMessageContaining("containment");
    final StorySignature foreign = new StorySignature(new byte[8], 20);
    assertThatThrownBy(() -> SCHEME.bandKeys(foreign)).hasMessageContaining("8 bytes");
  }

  private static void assertNotCopies(final String a, final String b) {
    final SignatureScheme.Comparison c = compare(read(a), read(b));
    assertThat(c.duplicate()).as("%s vs %s: %s", a, b, c).isFalse();
    final NearDuplicateIndex index = new NearDuplicateIndex(SCHEME, 1000);
    index.add(a, read(a));
    assertThat(index.add(b, read(b)).duplicateOf()).isNull();
  }
}
