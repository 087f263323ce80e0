package io.wirestream.ingest.quirks;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.parse.DocumentContext;
import io.wirestream.ingest.parse.ParseOutcome;
import io.wirestream.ingest.parse.ParsedStory;
import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.ingest.parse.StoryParsers;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every quirk of {@link QuirkCases}, parsed as the pipeline parses it, field by field. */
class QuirkFixturesTest {

  private final StoryParsers parsers = new StoryParsers(ParserConfig.defaults());

  static Stream<QuirkCases.Case> cases() {
    return QuirkCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyStoryShouldComeOutWithEveryField(final QuirkCases.Case quirk) throws Exception {
    final ParseOutcome outcome = parsers.parseAll(QuirkCases.bytes(quirk), quirk.fixture(),
        Optional.empty(), DocumentContext.ofContentType(quirk.contentType()));

    assertThat(outcome.rejected()).as("rejected items").hasSize(quirk.rejected());
    assertThat(outcome.stories()).as("story count").hasSize(quirk.stories().size());
    final SoftAssertions soft = new SoftAssertions();
    for (int i = 0; i < quirk.stories().size(); i++) {
      assertStory(soft, outcome.stories().get(i), quirk.stories().get(i));
    }
    soft.assertAll();
  }

  static void assertStory(final SoftAssertions soft, final ParsedStory actual,
      final QuirkCases.Story expected) {
    final String which = expected.headline();
    soft.assertThat(actual.sourceGuid()).as("guid of %s", which).isEqualTo(expected.guid());
    soft.assertThat(actual.version()).as("version of %s", which).isEqualTo(expected.version());
    soft.assertThat(actual.headline()).as("headline").isEqualTo(expected.headline());
    soft.assertThat(actual.publishedAt()).as("published of %s", which)
        .isEqualTo(expected.published());
    soft.assertThat(actual.body()).as("body of %s", which).startsWith(expected.bodyStart())
        .endsWith(expected.bodyEnd());
    if (expected.bodyStart().isEmpty()) {
      soft.assertThat(actual.body()).as("body of %s", which).isEmpty();
    }
    for (final String furniture : expected.notInBody()) {
      soft.assertThat(actual.body()).as("body of %s", which).doesNotContain(furniture);
    }
    soft.assertThat(actual.byline()).as("byline of %s", which).isEqualTo(expected.byline());
    soft.assertThat(actual.language()).as("language of %s", which)
        .isEqualTo(expected.language());
    soft.assertThat(actual.warnings().stream().map(QuirkCases::code).toList())
        .as("warnings of %s: %s", which, actual.warnings())
        .isEqualTo(expected.warningCodes());
  }

  @Test
  void theCharsetOfTheContentTypeShouldMatterOnlyWhenTheDocumentDeclaresNone() throws Exception {
    final QuirkCases.Case polish = QuirkCases.all().stream()
        .filter(c -> c.fixture().equals("rss-iso-8859-2-content-type.rss")).findFirst()
        .orElseThrow();

    final ParsedStory guessed = parsers.parseAll(QuirkCases.bytes(polish), "file",
        Optional.empty(), DocumentContext.NONE).stories().get(0);
    final ParsedStory declared = parsers.parseAll(QuirkCases.bytes(polish), "feed",
        Optional.empty(), DocumentContext.ofContentType(polish.contentType())).stories().get(0);
    final ParsedStory overruled = parsers.parseAll(QuirkCases.bytes(
        QuirkCases.all().get(0)), "feed", Optional.empty(),
        DocumentContext.ofContentType("application/rss+xml; charset=UTF-8")).stories().get(0);

    assertThat(guessed.warnings()).singleElement().asString().startsWith("charset-fallback");
    assertThat(guessed.headline()).isNotEqualTo(declared.headline());
    assertThat(declared.headline()).isEqualTo("Tramwaj wraca na ulicę Piotrkowską");
    assertThat(overruled.headline()).as("the XML declaration wins over the Content-Type")
        .isEqualTo("Il traghetto notturno torna a Porto Salvi");
    assertThat(overruled.body()).startsWith("Da lunedì");
  }

  @Test
  void aZonelessFeedShouldBeReadInTheZoneItIsConfiguredWith() throws Exception {
    final byte[] feed = QuirkCases.bytes(QuirkCases.all().get(3));

    final List<ParsedStory> stories = parsers.parseAll(feed, "feed", Optional.empty(),
        DocumentContext.NONE.withZone(ZoneId.of("America/Chicago"))).stories();

    assertThat(stories).extracting(ParsedStory::publishedAt).containsExactly(
        Instant.parse("2023-12-16T20:02:33Z"), Instant.parse("2023-12-15T15:30:00Z"));
    assertThat(stories.get(0).warnings()).containsExactly("zone-assumed: pubDate"
        + " \"Sat, Dec 16 2023 02:02:33 PM\" has no zone; read in America/Chicago");
  }
}
