package io.wirestream.enrich.tone;

import io.wirestream.enrich.text.Sentences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.schemas.avro.Tone;
import io.wirestream.schemas.avro.ToneLabel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Article-level tone: mean sentence compound, label and the GDELT-style word shares. */
public class ToneScorerArticleTest {

  public static final String DISASTER = """
      Deadly earthquake kills hundreds in mountain region

      ANKARA, Feb. 6 (Wirestream) - A powerful earthquake killed at least 300 people and injured \
      thousands more on Monday, officials said, as rescuers dug through the rubble of collapsed \
      buildings in freezing rain.
      "It is a terrible tragedy. Entire families are dead," said Mr. Yilmaz, a local official. \
      Hospitals were overwhelmed and survivors described scenes of panic and grief.
      The death toll is expected to rise. Aid agencies warned of a humanitarian crisis, with \
      thousands left homeless and shortages of water, food and medicine.""";

  public static final String CELEBRATION = """
      Local team wins championship in thrilling final

      LONDON, May 20 (Wirestream) - Fans celebrated late into the night after the club won its \
      first championship in 40 years with a brilliant 3-1 victory on Saturday.
      "This is the best day of my life. I am so proud of these players," the delighted manager \
      said. Supporters cheered and sang as the team lifted the trophy.
      The win caps a remarkable season of success, and the city plans a parade to honor the \
      champions.""";

  public static final String NEUTRAL = """
      The committee will meet on Tuesday in Geneva. The agenda lists three items. \
      Delegates from twelve countries are expected to attend.""";

  private static ToneScorer scorer;

  @BeforeAll
  static void loadScorer() {
    scorer = ToneScorer.load();
  }

  @Test
  void shouldScoreADisasterStoryNegative() {
    final ToneResult tone = scorer.score(DISASTER);
    assertThat(tone.label()).isEqualTo(ToneLabel.NEGATIVE);
    assertThat(tone.score()).isLessThan(-0.3);
    assertThat(tone.negative()).isGreaterThan(tone.positive());
    assertConsistent(tone);
  }

  @Test
  void shouldScoreACelebrationStoryPositive() {
    final ToneResult tone = scorer.score(CELEBRATION);
    assertThat(tone.label()).isEqualTo(ToneLabel.POSITIVE);
    assertThat(tone.score()).isGreaterThan(0.3);
    assertThat(tone.positive()).isGreaterThan(tone.negative());
    assertConsistent(tone);
  }

  @Test
  void shouldScoreAFactualStoryNeutral() {
    final ToneResult tone = scorer.score(NEUTRAL);
    assertThat(tone.label()).isEqualTo(ToneLabel.NEUTRAL);
    assertThat(tone.score()).isZero();
    assertThat(tone.polarity()).isZero();
    assertThat(tone.wordCount()).isEqualTo(21);
  }

  @Test
  void shouldAverageTheCompoundOfSentencesThatCarrySentiment() {
    final String text = "The weather was wonderful. The meeting started at noon. The food was bad.";
    final double expected = (scorer.compound("The weather was wonderful.")
        + scorer.compound("The food was bad.")) / 2;
    assertThat(scorer.compound("The meeting started at noon.")).isZero();
    assertThat(scorer.score(text).score()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void shouldNotSaturateOnLongTexts() {
    final String sentence = "The rescue was a success. Officials said the death toll was high. ";
    final ToneResult once = scorer.score(sentence);
    final ToneResult many = scorer.score(sentence.repeat(100));
    assertThat(many.score()).isCloseTo(once.score(), within(1e-9));
    assertThat(many.wordCount()).isEqualTo(once.wordCount() * 100);
    // The compound of the whole text as one unit would saturate.
    assertThat(Math.abs(scorer.compound(sentence.repeat(100)))).isGreaterThan(0.99);
  }

  @Test
  void shouldCountWordSharesLikeGdelt() {
    final ToneResult tone = scorer.score("Good news and bad news.");
    assertThat(tone.wordCount()).isEqualTo(5);
    assertThat(tone.positive()).isCloseTo(20.0, within(1e-9));
    assertThat(tone.negative()).isCloseTo(20.0, within(1e-9));
    assertThat(tone.polarity()).isCloseTo(40.0, within(1e-9));
  }

  @Test
  void shouldNotCountModifiersAsSentimentWords() {
    // "kind" is positive in the lexicon, "very" a booster: neither is a sentiment word here.
    final ToneResult tone = scorer.score("It was kind of very late.");
    assertThat(tone.wordCount()).isEqualTo(6);
    assertThat(tone.polarity()).isZero();
  }

  @Test
  void shouldReturnEmptyToneForTextWithoutWords() {
    for (final String text : new String[] {"", "   ", "\n\n", "... -- !!", null}) {
      final ToneResult tone = scorer.score(text);
      assertThat(tone.score()).isZero();
      assertThat(tone.label()).isEqualTo(ToneLabel.NEUTRAL);
      assertThat(tone.wordCount()).isZero();
      assertThat(tone.positive()).isZero();
      assertThat(tone.negative()).isZero();
      assertThat(tone.polarity()).isZero();
    }
  }

  @Test
  void shouldKeepScoresAndSharesInRange() {
    final List<String> texts = List.of(DISASTER, CELEBRATION, NEUTRAL,
        "GREAT!!!! " .repeat(500), "terrible horrible awful!!!! ".repeat(500),
        "Not bad. Not good. NO! Never so bad? but GOOD!!!", ":) :( :D", "a", "U.S.");
    for (final String text : texts) {
      assertConsistent(scorer.score(text));
    }
  }

  @Test
  void shouldMapToTheAvroTone() {
    final ToneResult tone = scorer.score(DISASTER);
    final Tone avro = tone.toAvro();
    assertThat(avro.getScore()).isEqualTo(tone.score());
    assertThat(avro.getLabel()).isEqualTo(tone.label());
    assertThat(avro.getPositive()).isEqualTo(tone.positive());
    assertThat(avro.getNegative()).isEqualTo(tone.negative());
    assertThat(avro.getPolarity()).isEqualTo(tone.polarity());
    assertThat(avro.getWordCount()).isEqualTo(tone.wordCount());
  }

  @Test
  void shouldGiveTheSameResultsFromManyThreads() throws Exception {
    final ToneResult expected = scorer.score(DISASTER);
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      final List<Future<ToneResult>> results = pool.invokeAll(
          java.util.Collections.nCopies(32, () -> ToneScorer.load().score(DISASTER)));
      for (final Future<ToneResult> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertConsistent(final ToneResult tone) {
    assertThat(tone.score()).isBetween(-1.0, 1.0);
    assertThat(tone.label()).isEqualTo(ToneResult.labelOf(tone.score()));
    assertThat(tone.positive()).isBetween(0.0, 100.0);
    assertThat(tone.negative()).isBetween(0.0, 100.0);
    assertThat(tone.polarity()).isBetween(0.0, 100.0);
    assertThat(tone.polarity()).isCloseTo(tone.positive() + tone.negative(), within(1e-9));
    assertThat(tone.wordCount()).isNotNegative();
  }

  @Test
  void aStoryScoredOnceShouldEqualTheWholeTextScoredAsHeadlineAndBodyParagraphs() {
    for (final String article : List.of(DISASTER, CELEBRATION)) {
      final int split = article.indexOf("\n\n");
      final String headline = article.substring(0, split);
      final String body = article.substring(split + 2);

      final ToneScorer.ArticleTone story = scorer.scoreArticle(headline, body);

      assertThat(story.result()).isEqualTo(scorer.score(headline + "\n\n" + body));
      final List<Sentences.Span> sentences = Sentences.split(body);
      assertThat(story.body().sentences()).isEqualTo(sentences);
      for (int i = 0; i < sentences.size(); i++) {
        final Sentences.Span span = sentences.get(i);
        assertThat(story.body().toneOf(i))
            .isEqualTo(scorer.compound(body.substring(span.start(), span.end())));
      }
    }
  }

  @Test
  void aStoryWithoutHeadlineShouldBeScoredOnItsBodyAlone() {
    final String body = CELEBRATION.substring(CELEBRATION.indexOf("\n\n") + 2);

    assertThat(scorer.scoreArticle(null, body).result()).isEqualTo(scorer.score(body));
    assertThat(scorer.scoreArticle(null, null).result()).isEqualTo(scorer.score(""));
    assertThat(scorer.scoreArticle(null, null).body().sentences()).isEmpty();
  }
}
