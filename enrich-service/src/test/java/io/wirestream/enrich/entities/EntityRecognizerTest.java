package io.wirestream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wirestream.schemas.avro.EntityType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the real CoNLL 4-class model; the model is loaded once for the class. */
class EntityRecognizerTest {

  private static EntityRecognizer recognizer;
  private static ExecutorService pool;

  @BeforeAll
  static void loadModel() {
    recognizer = EntityRecognizer.load();
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void shouldTagPersonOrganizationAndLocationWithExactOffsets() {
    final String text =
        "Foreign Minister Sergei Lavrov met officials of the International Atomic Energy Agency in Vienna on Monday.";

    final List<RawMention> mentions = recognizer.mentions(text);

    assertThat(mentions)
        .extracting(RawMention::type, RawMention::start, RawMention::end, RawMention::text)
        .containsExactly(
            tuple(EntityType.PERSON, 17, 30, "Sergei Lavrov"),
            tuple(EntityType.ORGANIZATION, 52, 86, "International Atomic Energy Agency"),
            tuple(EntityType.LOCATION, 90, 96, "Vienna"));
    assertOffsetsPointIntoText(text, mentions);
  }

  @Test
  void shouldTagMiscellaneousNames() {
    final String text = "Chancellor Olaf Brenner told lawmakers in Berlin that the Olympic Games would bring "
        + "German firms new orders.";

    final List<RawMention> mentions = recognizer.mentions(text);

    assertThat(mentions)
        .extracting(RawMention::type, RawMention::text)
        .contains(
            tuple(EntityType.PERSON, "Olaf Brenner"),
            tuple(EntityType.LOCATION, "Berlin"),
            tuple(EntityType.MISC, "Olympic Games"),
            tuple(EntityType.MISC, "German"));
    assertOffsetsPointIntoText(text, mentions);
  }

  @Test
  void shouldEndASentenceAtALineBreakSoNoNameRunsAcrossLines() {
    // A headline without a full stop, then a dateline: read as one sentence, the two cities
    // become one name across the line break.
    final String text = "TENNIS - ROSSI UPSETS HOLM IN SHANGHAI\nSHANGHAI 2026-10-08\n"
        + "Italian qualifier Matteo Rossi beat Viktor Holm on Wednesday .";

    final List<RawMention> lines = recognizer.mentions(text);
    final List<RawMention> run = recognizer.withLineSentences(false).mentions(text);

    assertThat(run).extracting(RawMention::text).anyMatch(t -> t.contains("\n"));
    assertThat(lines).extracting(RawMention::text).noneMatch(t -> t.contains("\n"))
        .contains("Matteo Rossi", "Viktor Holm");
    assertThat(lines).filteredOn(m -> m.text().equals("SHANGHAI"))
        .extracting(RawMention::type).containsExactly(EntityType.LOCATION, EntityType.LOCATION);
  }

  @Test
  void shouldGiveEveryMentionTheCrfsConfidence() {
    final String text = "Foreign Minister Sergei Lavrov met officials in Vienna . Kerrang said so .";

    final List<RawMention> mentions = recognizer.mentions(text);

    assertThat(mentions).allSatisfy(m -> assertThat(m.confidence()).isBetween(0.0, 1.0));
    assertThat(mentions).filteredOn(m -> m.text().equals("Sergei Lavrov"))
        .extracting(RawMention::confidence).allSatisfy(c -> assertThat(c).isGreaterThan(0.9));
  }

  @Test
  void shouldRejectAConfidenceOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new RawMention(EntityType.PERSON, 0, 4, "Anna", 1.2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence");
    assertThatThrownBy(() -> new RawMention(EntityType.PERSON, 0, 4, "Anna", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldKeepOffsetsExactWithCurlyQuotesAccentsAndCrlf() {
    final String text = "\u201cThis is a historic day,\u201d said Jos\u00e9 Mar\u00eda Cort\u00e9s, the mayor of "
        + "M\u00e1laga, at a ceremony in the port.\r\nOfficials in Z\u00fcrich welcomed the move.\r\n";

    final List<RawMention> mentions = recognizer.mentions(text);

    assertThat(mentions)
        .extracting(RawMention::type, RawMention::start, RawMention::text)
        .contains(
            tuple(EntityType.PERSON, text.indexOf("Jos\u00e9"), "Jos\u00e9 Mar\u00eda Cort\u00e9s"),
            tuple(EntityType.LOCATION, text.indexOf("M\u00e1laga"), "M\u00e1laga"),
            tuple(EntityType.LOCATION, text.indexOf("Z\u00fcrich"), "Z\u00fcrich"));
    assertOffsetsPointIntoText(text, mentions);
  }

  @Test
  void shouldTrimQuotesOffTheEdgesOfNames() {
    final String text = "Officials from the \u2018Green Alliance\u2019 met Kofi Mensah in Accra \u2014 the first such "
        + "meeting since 2019\u2026 Ghana\u2019s parliament later approved the deal.";

    final List<RawMention> mentions = recognizer.mentions(text);

    assertThat(mentions)
        .extracting(RawMention::type, RawMention::start, RawMention::text)
        .contains(
            tuple(EntityType.ORGANIZATION, text.indexOf("Green"), "Green Alliance"),
            tuple(EntityType.PERSON, text.indexOf("Kofi"), "Kofi Mensah"),
            tuple(EntityType.LOCATION, text.indexOf("Accra"), "Accra"),
            tuple(EntityType.LOCATION, text.indexOf("Ghana"), "Ghana"));
    assertOffsetsPointIntoText(text, mentions);
  }

  @Test
  void shouldKeepHyphenatedNamesWhole() {
    final String text = "Shares of Hewlett-Packard fell 2.4% on the New York Stock Exchange after Jean-Claude "
        + "Moreau, a Goldman Sachs analyst, cut his forecast.";

    final List<RawMention> mentions = recognizer.mentions(text);

    assertThat(mentions)
        .extracting(RawMention::type, RawMention::text)
        .containsExactly(
            tuple(EntityType.ORGANIZATION, "Hewlett-Packard"),
            tuple(EntityType.ORGANIZATION, "New York Stock Exchange"),
            tuple(EntityType.PERSON, "Jean-Claude Moreau"),
            tuple(EntityType.ORGANIZATION, "Goldman Sachs"));
    assertOffsetsPointIntoText(text, mentions);
  }

  @Test
  void shouldCountOffsetsInUtf16UnitsAfterSurrogatePairs() {
    final String text = "Fans \uD83D\uDE00\uD83C\uDF89 in Toronto cheered as Maria Santos scored for Benfica.";

    final List<RawMention> mentions = recognizer.mentions(text);

    assertThat(mentions)
        .extracting(RawMention::type, RawMention::start, RawMention::end)
        .contains(
            tuple(EntityType.LOCATION, text.indexOf("Toronto"), text.indexOf("Toronto") + "Toronto".length()),
            tuple(EntityType.PERSON, text.indexOf("Maria"), text.indexOf("Maria") + "Maria Santos".length()));
    assertOffsetsPointIntoText(text, mentions);
  }

  @Test
  void shouldFindNoMentionsInEmptyOrBlankText() {
    assertThat(recognizer.mentions("")).isEmpty();
    assertThat(recognizer.mentions("  \r\n\t ")).isEmpty();
    assertThat(recognizer.mentions("the weather was mild and nobody said anything.")).isEmpty();
  }

  @Test
  void shouldRejectNullText() {
    assertThatThrownBy(() -> recognizer.mentions(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void shouldShareOneLoadedModel() {
    assertThat(EntityRecognizer.load()).isSameAs(recognizer);
    assertThat(EntityRecognizer.modelId()).isEqualTo("corenlp-4.5.10/english.conll.4class.distsim");
  }

  @Test
  void shouldExplainAMissingModel() {
    assertThatThrownBy(() -> EntityRecognizer.load(getClass().getClassLoader(), "no/such/model.crf.ser.gz"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no/such/model.crf.ser.gz")
        .hasMessageContaining("not on the classpath");
  }

  @Test
  void shouldGiveTheSameMentionsRegardlessOfWhatWasTaggedBefore() {
    final List<String> texts = stories();
    final Map<String, List<RawMention>> forward = tagAll(texts);
    final List<String> reversed = new ArrayList<>(texts);
    Collections.reverse(reversed);

    assertThat(tagAll(reversed)).isEqualTo(forward);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void shouldTagConcurrentlyOnOneSharedModelExactlyAsOneThreadDoes() throws Exception {
    final List<String> texts = stories();
    final Map<String, List<RawMention>> expected = tagAll(texts);
    assertThat(expected.values()).allSatisfy(mentions -> assertThat(mentions).isNotEmpty());

    final int threads = 4;
    final CountDownLatch start = new CountDownLatch(1);
    final List<Future<Map<String, List<RawMention>>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      final long seed = t;
      final Callable<Map<String, List<RawMention>>> task = () -> {
        final List<String> order = new ArrayList<>(texts);
        final Map<String, List<RawMention>> seen = new LinkedHashMap<>();
        start.await();
        for (int round = 0; round < 3; round++) {
          Collections.shuffle(order, new Random(seed * 31 + round));
          for (final String text : order) {
            final List<RawMention> mentions = recognizer.mentions(text);
            final List<RawMention> earlier = seen.putIfAbsent(text, mentions);
            if (earlier != null && !earlier.equals(mentions)) {
              throw new AssertionError("Different mentions for the same text within one thread: " + text);
            }
          }
        }
        return seen;
      };
      results.add(pool.submit(task));
    }
    start.countDown();

    for (final Future<Map<String, List<RawMention>>> result : results) {
      assertThat(result.get(100, TimeUnit.SECONDS)).isEqualTo(expected);
    }
  }

  private static Map<String, List<RawMention>> tagAll(final List<String> texts) {
    final Map<String, List<RawMention>> result = new LinkedHashMap<>();
    for (final String text : texts) {
      result.put(text, recognizer.mentions(text));
    }
    return result;
  }

  /** Invented wire sentences: every combination of a few people, organizations and places. */
  private static List<String> stories() {
    final String[] people = {"Amara Okafor", "Henrik Lindqvist", "Mei-Ling Chao", "Rafael Domingues"};
    final String[] organizations = {"the World Health Organization", "Toyota Motor Corp.", "the Red Cross",
        "Deutsche Bank"};
    final String[] places = {"Nairobi", "Buenos Aires", "Oslo"};
    final List<String> texts = new ArrayList<>();
    for (final String person : people) {
      for (final String organization : organizations) {
        for (final String place : places) {
          texts.add(place.toUpperCase() + ", May 4 (Wirestream) - " + person + " said on Tuesday that "
              + organization + " would open a new office in " + place + " next year, creating 1,200 jobs. "
              + "\u201cWe are committed to " + place + ",\u201d " + person.substring(person.indexOf(' ') + 1)
              + " told reporters after talks with French and Brazilian officials.");
        }
      }
    }
    return texts;
  }

  private static void assertOffsetsPointIntoText(final String text, final List<RawMention> mentions) {
    assertThat(mentions).allSatisfy(mention ->
        assertThat(text.substring(mention.start(), mention.end())).isEqualTo(mention.text()));
  }
}
