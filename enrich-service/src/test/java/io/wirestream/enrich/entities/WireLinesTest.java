package io.wirestream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wirestream.schemas.avro.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Line shapes on hand-built mentions; no model needed. */
class WireLinesTest {

  private static final Predicate<String> COUNTRIES = Set.of("Japan", "Norway", "Netherlands")::contains;

  @ParameterizedTest
  @ValueSource(strings = {"DENVER 2026-12-01", "DENVER , Colo. 2026-12-01", "DENVER, Colo. -",
      "DENVER (Reuters) - The city said", "DENVER , Dec 1 -", "DENVER -"})
  void shouldTypeTheCityOfADatelineAsALocation(final String line) {
    final String text = line + "\nThe Nuggets won again.";

    final List<RawMention> out = WireLines.retype(text,
        List.of(mention(text, "DENVER", EntityType.PERSON, 0.96)), COUNTRIES);

    assertThat(out).extracting(RawMention::type, RawMention::byLine)
        .containsExactly(tuple(EntityType.LOCATION, true));
  }

  @Test
  void shouldTypeTheRegionAfterTheCommaOfADateline() {
    final String text = "TULSA , Okla. -\nThe council voted.";

    final List<RawMention> out = WireLines.retype(text, List.of(
        mention(text, "TULSA", EntityType.ORGANIZATION, 0.7),
        mention(text, "Okla.", EntityType.ORGANIZATION, 0.6)), COUNTRIES);

    assertThat(out).extracting(RawMention::type)
        .containsExactly(EntityType.LOCATION, EntityType.LOCATION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SOCCER - LEEDS HOLD CHELSEA", "LEEDS HOLD CHELSEA",
      "LEEDS said on Monday it had won"})
  void shouldNotReadAHeadlineOrASentenceAsADateline(final String line) {
    final List<RawMention> in = List.of(mention(line, "LEEDS", EntityType.ORGANIZATION, 0.8));

    assertThat(WireLines.retype(line, in, COUNTRIES)).isEqualTo(in);
  }

  @Test
  void shouldTypePlacesInAResultsLineAsTheClubsNamedAfterThem() {
    final String text = "Results on Monday :\nBOSTON 5 Toronto 3 ( 10 innings )\nJapan 2 Norway 1";

    final List<RawMention> out = WireLines.retype(text, List.of(
        mention(text, "BOSTON", EntityType.LOCATION, 0.8),
        mention(text, "Toronto", EntityType.LOCATION, 0.95),
        mention(text, "Japan", EntityType.LOCATION, 0.99),
        mention(text, "Norway", EntityType.LOCATION, 0.99)), COUNTRIES);

    assertThat(out).extracting(RawMention::text, RawMention::type, RawMention::byLine)
        .containsExactly(
            tuple("BOSTON", EntityType.ORGANIZATION, true),
            tuple("Toronto", EntityType.ORGANIZATION, true),
            // National teams are their countries, by the CoNLL convention.
            tuple("Japan", EntityType.LOCATION, true),
            tuple("Norway", EntityType.LOCATION, true));
  }

  @Test
  void shouldRetypeOnlyAnUnsurePersonInAResultsLine() {
    final String text = "Villarreal 2 Osasuna 1\nBrian Lara 8 Shane Warne 4";

    final List<RawMention> out = WireLines.retype(text, List.of(
        mention(text, "Villarreal", EntityType.PERSON, 0.67),
        mention(text, "Osasuna", EntityType.ORGANIZATION, 0.99),
        mention(text, "Brian Lara", EntityType.PERSON, 0.99),
        mention(text, "Shane Warne", EntityType.PERSON, 0.98)), COUNTRIES);

    assertThat(out).extracting(RawMention::text, RawMention::type)
        .containsExactly(
            tuple("Villarreal", EntityType.ORGANIZATION),
            tuple("Osasuna", EntityType.ORGANIZATION),
            tuple("Brian Lara", EntityType.PERSON),
            tuple("Shane Warne", EntityType.PERSON));
  }

  @Test
  void shouldTypeThePlaceOfAStandingsRowButNotAPerson() {
    final String text = "Leeds 29 12 8 9 41 40 44\nNetherlands 6 5 1 0 14 3 16\nAnna Berg 3 2 1 0";

    final List<RawMention> out = WireLines.retype(text, List.of(
        mention(text, "Leeds", EntityType.LOCATION, 0.9),
        mention(text, "Netherlands", EntityType.LOCATION, 0.99),
        mention(text, "Anna Berg", EntityType.PERSON, 0.7)), COUNTRIES);

    assertThat(out).extracting(RawMention::text, RawMention::type)
        .containsExactly(
            tuple("Leeds", EntityType.ORGANIZATION),
            tuple("Netherlands", EntityType.LOCATION),
            tuple("Anna Berg", EntityType.PERSON));
  }

  @Test
  void shouldLeaveMentionsOfOrdinaryLinesAsTheyAre() {
    final String text = "Leeds beat Newcastle 3-2 at Elland Road on Saturday .";
    final List<RawMention> in = List.of(
        mention(text, "Leeds", EntityType.LOCATION, 0.6),
        mention(text, "Elland Road", EntityType.LOCATION, 0.9));

    assertThat(WireLines.retype(text, in, COUNTRIES)).isEqualTo(in);
  }

  @Test
  void shouldKeepEveryMentionInTextOrderAcrossLines() {
    final String text = "LONDON 2026-03-14\nArsenal 2 Everton 0\nArsenal fans cheered in London .";
    final List<RawMention> in = new ArrayList<>(List.of(
        mention(text, "LONDON", EntityType.LOCATION, 0.99),
        mention(text, "Arsenal", EntityType.ORGANIZATION, 0.99),
        mention(text, "Everton", EntityType.LOCATION, 0.6),
        nth(text, "Arsenal", EntityType.ORGANIZATION, 1),
        mention(text, "London", EntityType.LOCATION, 0.99)));

    final List<RawMention> out = WireLines.retype(text, in, COUNTRIES);

    assertThat(out).extracting(RawMention::start).containsExactlyElementsOf(
        in.stream().map(RawMention::start).toList());
    assertThat(out).extracting(RawMention::type, RawMention::byLine).containsExactly(
        tuple(EntityType.LOCATION, true), tuple(EntityType.ORGANIZATION, true),
        tuple(EntityType.ORGANIZATION, true), tuple(EntityType.ORGANIZATION, false),
        tuple(EntityType.LOCATION, false));
  }

  private static RawMention mention(final String text, final String surface,
      final EntityType type, final double confidence) {
    final int start = text.indexOf(surface);
    assertThat(start).as("'%s' in the test text", surface).isGreaterThanOrEqualTo(0);
    return new RawMention(type, start, start + surface.length(), surface, confidence);
  }

  private static RawMention nth(final String text, final String surface, final EntityType type,
      final int n) {
    int start = -1;
    for (int i = 0; i <= n; i++) {
      start = text.indexOf(surface, start + 1);
    }
    return new RawMention(type, start, start + surface.length(), surface, 0.99);
  }
}
