package io.wirestream.deploy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.wirestream.deploy.dashboard.DashboardSnapshot.CountryCount;
import io.wirestream.deploy.dashboard.DashboardSnapshot.Mark;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.Provenance;
import io.wirestream.schemas.avro.SourceFormat;
import io.wirestream.schemas.avro.TextField;
import io.wirestream.schemas.avro.Tone;
import io.wirestream.schemas.avro.ToneLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardStateTest {

  private static final long T0 = Instant.parse("2026-11-29T10:00:00Z").toEpochMilli();

  private final DashboardState state = new DashboardState(Duration.ofMinutes(15));

  @Test
  void shouldShowTheNewestStoryFirstWithItsHighlightsInsideTheSnippet() {
    final String body = "Officials in Nairobi met. " + "x".repeat(DashboardState.SNIPPET_CHARS)
        + " Nairobi again, beyond the snippet.";
    state.onStory("a", story("a", "Kenya votes", body, T0, T0 + 250, 0.4, List.of(
        entity(EntityType.LOCATION, "Nairobi", mention(TextField.BODY, 13, 20),
            mention(TextField.BODY, body.lastIndexOf("Nairobi"), body.lastIndexOf("Nairobi") + 7)),
        entity(EntityType.LOCATION, "Kenya", mention(TextField.HEADLINE, 0, 5))),
        List.of(tag("KE", "Kenya"))), T0 + 300);
    state.onStory("b", story("b", "Second", "Short body.", T0, T0 + 1_000, -0.2, List.of(),
        List.of()), T0 + 1_100);

    final DashboardSnapshot snapshot = state.snapshot(T0 + 2_000);
    assertThat(snapshot.stories()).extracting(DashboardSnapshot.Story::id)
        .containsExactly("b", "a");
    final DashboardSnapshot.Story a = snapshot.stories().get(1);
    assertThat(a.snippet()).hasSizeLessThanOrEqualTo(DashboardState.SNIPPET_CHARS)
        .startsWith("Officials in Nairobi");
    assertThat(a.snippetCut()).isTrue();
    assertThat(snapshot.stories().get(0).snippetCut()).isFalse();
    assertThat(a.snippetMarks()).as("the second Nairobi lies past the snippet")
        .containsExactly(new Mark(13, 20, "location", "Nairobi"));
    assertThat(a.headlineMarks()).containsExactly(new Mark(0, 5, "location", "Kenya"));
    assertThat(a.latencyMillis()).isEqualTo(250);
    assertThat(snapshot.latency().samples()).isEqualTo(2);
    assertThat(snapshot.latency().p50Millis()).isEqualTo(250);
    assertThat(snapshot.latency().p99Millis()).isEqualTo(1_000);
    assertThat(snapshot.flow().storiesOut()).isEqualTo(2);
  }

  @Test
  void shouldOrderStoriesByEnrichmentTimeNotByArrival() {
    // History read from several partitions arrives in any order.
    state.onStory("newer", story("newer", "H", "B.", T0, T0 + 5_000, 0, List.of(), List.of()), T0);
    state.onStory("older", story("older", "H", "B.", T0, T0 + 1_000, 0, List.of(), List.of()), T0);
    for (int i = 0; i < DashboardState.LATEST_STORIES; i++) {
      state.onStory("old" + i, story("old" + i, "H", "B.", T0, T0 + 100 + i, 0, List.of(),
          List.of()), T0);
    }
    assertThat(state.snapshot(T0).stories()).extracting(DashboardSnapshot.Story::id)
        .startsWith("newer", "older").hasSize(DashboardState.LATEST_STORIES)
        .doesNotContain("old0", "old1");
  }

  @Test
  void shouldKeepOnlyTheLatestStoriesAndDeadLetters() {
    for (int i = 0; i < DashboardState.LATEST_STORIES + 5; i++) {
      state.onStory("s" + i, story("s" + i, "H", "B.", T0, T0 + i, 0, List.of(), List.of()), T0);
    }
    for (int i = 0; i < DashboardState.LATEST_DEAD_LETTERS + 3; i++) {
      state.onDeadLetter(deadLetter(i), T0);
    }
    final DashboardSnapshot snapshot = state.snapshot(T0);
    assertThat(snapshot.stories()).hasSize(DashboardState.LATEST_STORIES);
    assertThat(snapshot.stories().get(0).id()).isEqualTo("s" + (DashboardState.LATEST_STORIES + 4));
    assertThat(snapshot.deadLetters().count()).isEqualTo(DashboardState.LATEST_DEAD_LETTERS + 3);
    assertThat(snapshot.deadLetters().latest()).hasSize(DashboardState.LATEST_DEAD_LETTERS);
    assertThat(snapshot.deadLetters().latest().get(0).source())
        .isEqualTo("news.raw.v1/2@" + (DashboardState.LATEST_DEAD_LETTERS + 2));
    assertThat(snapshot.deadLetters().latest().get(0).error())
        .isEqualTo("UnknownMagicByteException: bad byte");
  }

  @Test
  void shouldCountCountriesInTheCurrentWindowOnly() {
    final long window = T0; // 10:00 is a 15-minute boundary
    state.onStory("old", story("old", "H", "B.", window - 60_000, window - 1, 0, List.of(),
        List.of(tag("FR", "France"))), window);
    state.onStory("k1", story("k1", "H", "B.", window, window + 1_000, 0, List.of(),
        List.of(tag("KP", "North Korea"), tag("KR", "South Korea"))), window + 1_000);
    state.onStory("k2", story("k2", "H", "B.", window, window + 2_000, 0, List.of(),
        List.of(tag("KP", "North Korea"))), window + 2_000);

    final DashboardSnapshot now = state.snapshot(window + 5_000);
    assertThat(now.countries().windowStart()).isEqualTo(window);
    assertThat(now.countries().counts()).containsExactly(new CountryCount("KP", "North Korea", 2),
        new CountryCount("KR", "South Korea", 1));
    assertThat(state.snapshot(window + Duration.ofMinutes(15).toMillis()).countries().counts())
        .as("a new window with no story yet").isEmpty();
  }

  @Test
  void shouldAverageTonePerMinuteAndShowTombstonesAsWithdrawn() {
    state.onStory("p", story("p", "H", "B.", T0, T0 + 1_000, 0.5, List.of(), List.of()), T0);
    state.onStory("n", story("n", "H", "B.", T0, T0 + 2_000, -0.1, List.of(), List.of()), T0);
    state.onStory("later", story("later", "H", "B.", T0, T0 + 61_000, 0.9, List.of(), List.of()),
        T0);
    state.onStory("gone", null, T0 + 62_000);

    final DashboardSnapshot snapshot = state.snapshot(T0 + 62_000);
    assertThat(snapshot.tone()).hasSize(2);
    assertThat(snapshot.tone().get(0).mean()).isCloseTo(0.2, offset(1e-9));
    assertThat(snapshot.tone().get(0).stories()).isEqualTo(2);
    assertThat(snapshot.tone().get(1).mean()).isEqualTo(0.9);
    assertThat(snapshot.stories().get(0).withdrawn()).isTrue();
    assertThat(snapshot.flow().storiesOut()).isEqualTo(4);
  }

  @Test
  void shouldReportRatesAndLagFromTheFlowProbe() {
    state.onFlow(100, -1, T0);
    assertThat(state.snapshot(T0).flow().lagKnown()).isFalse();
    state.onFlow(150, 7, T0 + 5_000);
    final DashboardSnapshot.Flow flow = state.snapshot(T0 + 5_000).flow();
    assertThat(flow.inPerSecond()).isEqualTo(10.0);
    assertThat(flow.storiesIn()).isEqualTo(150);
    assertThat(flow.lag()).isEqualTo(7);
    assertThat(flow.lagKnown()).isTrue();
  }

  private static EnrichedArticle story(final String id, final String headline, final String body,
      final long ingestedAt, final long enrichedAt, final double tone, final List<Entity> entities,
      final List<CountryTag> countries) {
    return EnrichedArticle.newBuilder().setId(id).setVersion(1).setSource("test")
        .setHeadline(headline).setBody(body).setSubjects(List.of())
        .setIngestedAt(Instant.ofEpochMilli(ingestedAt)).setContentHash("h")
        .setStatus(ArticleStatus.USABLE).setFormat(SourceFormat.NINJS).setLanguage("en")
        .setEntities(entities)
        .setTone(Tone.newBuilder().setScore(tone).setLabel(ToneLabel.NEUTRAL).setPositive(0)
            .setNegative(0).setPolarity(0).setWordCount(2).build())
        .setCountries(countries).setPrimaryCountry(countries.isEmpty() ? null
            : countries.get(0).getCode())
        .setProvenance(Provenance.newBuilder().setEnricherVersion("t").setModelIds(List.of())
            .setEnrichedAt(Instant.ofEpochMilli(enrichedAt)).setProcessingMicros(1).build())
        .build();
  }

  private static Entity entity(final EntityType type, final String name,
      final Mention... mentions) {
    return Entity.newBuilder().setType(type).setName(name).setCount(mentions.length)
        .setSalience(1).setTone(null).setMentions(List.of(mentions)).build();
  }

  private static Mention mention(final TextField field, final int start, final int end) {
    return Mention.newBuilder().setField(field).setStart(start).setEnd(end).setText("t").build();
  }

  private static CountryTag tag(final String code, final String name) {
    return CountryTag.newBuilder().setCode(code).setName(name).setScore(1)
        .setEvidence(List.of()).build();
  }

  private static DeadLetter deadLetter(final int offset) {
    return DeadLetter.newBuilder().setKey(null).setValue(null).setValueTruncated(false)
        .setHeaders(List.of()).setSourceTopic("news.raw.v1").setSourcePartition(2)
        .setSourceOffset((long) offset).setOrigin(null).setArticleId(null)
        .setStage(DeadLetterStage.DESERIALIZE).setErrorClass("UnknownMagicByteException")
        .setErrorMessage("bad byte").setTimestamp(Instant.ofEpochMilli(T0)).build();
  }
}
