package io.wirestream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.enrich.EnrichConfig;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.CountryTrend;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.EntityMention;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import io.wirestream.schemas.registry.MockSchemaRegistryClient;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology's logic, on TopologyTestDriver with the in-memory registry. */
class EnrichTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir
  Path stateDir;
  private String scope;
  private TopologyTestDriver driver;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private SpecificAvroSerde<RawArticle> rawSerde;
  private TestInputTopic<String, RawArticle> raw;
  private TestInputTopic<String, byte[]> rawBytes;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, EnrichedArticle> byCountry;
  private TestOutputTopic<String, EntityMention> mentions;
  private TestOutputTopic<String, CountryTrend> trends;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void setUp() {
    scope = "enrich-topology-" + UUID.randomUUID();
    final EnrichConfig config = EnrichConfig.of("dummy:9092", "mock://" + scope, stateDir);
    final Map<String, Object> registry = config.registryProperties();
    driver = new TopologyTestDriver(EnrichTopology.build(config, new FakeEnricher(),
        new EnrichMetrics(meters)), config.streamsProperties(), T0);
    rawSerde = WirestreamSerdes.valueSerde(Topics.RAW, registry);
    raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(),
        rawSerde.serializer(), T0, Duration.ofSeconds(1));
    rawBytes = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(),
        new ByteArraySerializer(), T0, Duration.ofSeconds(1));
    final StringDeserializer keys = new StringDeserializer();
    enriched = driver.createOutputTopic(Topics.ENRICHED.name(), keys,
        WirestreamSerdes.valueSerde(Topics.ENRICHED, registry).deserializer());
    byCountry = driver.createOutputTopic(Topics.BY_COUNTRY.name(), keys,
        WirestreamSerdes.valueSerde(Topics.BY_COUNTRY, registry).deserializer());
    mentions = driver.createOutputTopic(Topics.ENTITY_MENTIONS.name(), keys,
        WirestreamSerdes.valueSerde(Topics.ENTITY_MENTIONS, registry).deserializer());
    trends = driver.createOutputTopic(Topics.TRENDS.name(), keys,
        WirestreamSerdes.valueSerde(Topics.TRENDS, registry).deserializer());
    deadLetters = driver.createOutputTopic(Topics.DLQ.name(), keys,
        WirestreamSerdes.valueSerde(Topics.DLQ, registry).deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
    MockSchemaRegistryClient.dropScope(scope);
  }

  private static RawArticle story(final String id, final int version, final String body) {
    return RawArticle.newBuilder()
        .setId(id)
        .setVersion(version)
        .setSource("Test Wire")
        .setHeadline("Headline of " + id)
        .setByline("Ana Borg")
        .setDateline("Malta")
        .setBody(body)
        .setIngestedAt(T0)
        .setContentHash(Integer.toHexString(body.hashCode()))
        .setFormat(SourceFormat.JSON_LINES)
        .build();
  }

  private void send(final RawArticle article) {
    raw.pipeInput(article.getId(), article);
  }

  @Test
  void aStoryShouldBeEnrichedAndFannedOut() {
    send(story("a-1", 1, "Ana Borg said the talks went good."));

    final KeyValue<String, EnrichedArticle> out = enriched.readKeyValue();
    assertThat(out.key).isEqualTo("a-1");
    assertThat(out.value.getPrimaryCountry()).isEqualTo("MA");
    assertThat(out.value.getDuplicateOf()).isNull();
    assertThat(byCountry.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("MA");
    assertThat(mentions.readKeyValuesToList()).singleElement().satisfies(kv -> {
      assertThat(kv.key).isEqualTo("PERSON:Ana Borg");
      assertThat(kv.value.getArticleId()).isEqualTo("a-1");
      assertThat(kv.value.getCountries()).containsExactly("MA");
    });
    assertThat(trends.readKeyValuesToList()).singleElement().satisfies(kv -> {
      assertThat(kv.key).isEqualTo("MA@2026-03-02T08:00:00Z");
      assertThat(kv.value.getStoryCount()).isEqualTo(1);
      assertThat(kv.value.getMeanTone()).isEqualTo(0.6);
      assertThat(kv.value.getWindowEnd()).isEqualTo(Instant.parse("2026-03-02T08:15:00Z"));
    });
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void anExactResendShouldBeDropped() {
    send(story("a-1", 1, "Same text."));
    send(story("a-1", 1, "Same text."));

    assertThat(enriched.readKeyValuesToList()).hasSize(1);
  }

  @Test
  void anOlderVersionShouldNeverOverwriteANewerOne() {
    send(story("a-1", 2, "Second version."));
    send(story("a-1", 1, "First version, arriving late."));
    send(story("a-1", 3, "Third version."));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getVersion)
        .containsExactly(2, 3);
  }

  @Test
  void theArticleStoreShouldKeepTheLatestVersionAndForgetACanceledStory() {
    final KeyValueStore<String, EnrichedArticle> latest =
        driver.getKeyValueStore(StoreNames.LATEST_ARTICLES);
    send(story("a-1", 2, "Second version."));
    send(story("a-1", 1, "First version, arriving late."));
    send(story("b-1", 1, "Another story."));
    assertThat(latest.get("a-1").getVersion()).isEqualTo(2);
    assertThat(latest.get("b-1").getBody()).isEqualTo("Another story.");

    send(RawArticle.newBuilder(story("a-1", 3, "Second version.")).setStatus(ArticleStatus.CANCELED)
        .build());

    assertThat(latest.get("a-1")).isNull();
    assertThat(latest.get("b-1")).isNotNull();
  }

  @Test
  void aStorySentWithoutKeyShouldStillBeEnrichedAndTheNextOneToo() {
    final KeyValueStore<String, EnrichedArticle> latest =
        driver.getKeyValueStore(StoreNames.LATEST_ARTICLES);

    raw.pipeInput((String) null, story("k-1", 1, "Sent without a key."));
    send(story("k-2", 1, "Sent with its id as key."));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId)
        .containsExactly("k-1", "k-2");
    assertThat(latest.get("k-2")).isNotNull();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void theOnlyRepartitionShouldBeTheTrendWindowsByCountry() {
    final TopologyDescription description = EnrichTopology.build(
        EnrichConfig.of("dummy:9092", "mock://" + scope, stateDir), new FakeEnricher())
        .describe();
    final List<String> repartitions = description.subtopologies().stream()
        .flatMap(subtopology -> subtopology.nodes().stream())
        .filter(node -> node instanceof TopologyDescription.Sink)
        .map(node -> ((TopologyDescription.Sink) node).topic())
        .filter(topic -> topic != null && topic.endsWith("-repartition"))
        .toList();
    assertThat(repartitions).containsExactly("by-country-repartition");
  }

  @Test
  void aCanceledStoryShouldBecomeATombstoneWithNoFanOut() {
    send(story("a-1", 1, "Text."));
    enriched.readKeyValuesToList();
    byCountry.readKeyValuesToList();
    mentions.readKeyValuesToList();

    send(RawArticle.newBuilder(story("a-1", 2, "Text.")).setStatus(ArticleStatus.CANCELED).build());

    final TestRecord<String, EnrichedArticle> tombstone = enriched.readRecord();
    assertThat(tombstone.key()).isEqualTo("a-1");
    assertThat(tombstone.value()).isNull();
    assertThat(byCountry.isEmpty()).isTrue();
    assertThat(mentions.isEmpty()).isTrue();
  }

  @Test
  void anEmbargoedStoryShouldBeHeldUntilItsTimeThenReleased() {
    final Instant embargo = T0.plus(Duration.ofMinutes(10));
    send(RawArticle.newBuilder(story("e-1", 1, "Embargoed text.")).setEmbargoUntil(embargo)
        .build());

    driver.advanceWallClockTime(Duration.ofMinutes(9));
    assertThat(enriched.isEmpty()).as("still under embargo").isTrue();
    assertThat(byCountry.isEmpty()).isTrue();

    driver.advanceWallClockTime(Duration.ofMinutes(2));
    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("e-1");
  }

  @Test
  void aCancelShouldAlsoDropAPendingEmbargoedVersion() {
    send(RawArticle.newBuilder(story("e-1", 1, "Embargoed text."))
        .setEmbargoUntil(T0.plus(Duration.ofMinutes(10))).build());
    send(RawArticle.newBuilder(story("e-1", 2, "Embargoed text.")).setStatus(ArticleStatus.CANCELED)
        .build());

    driver.advanceWallClockTime(Duration.ofMinutes(20));

    assertThat(enriched.readValuesToList()).containsExactly((EnrichedArticle) null);
  }

  @Test
  void bytesThatAreNotAvroShouldBeDeadLetteredAndTheNextStoryEnriched() {
    final byte[] junk = "not avro at all".getBytes(StandardCharsets.UTF_8);
    rawBytes.pipeInput("bad-1", junk);
    send(story("a-2", 1, "Good story after the junk."));

    final DeadLetter letter = deadLetters.readValue();
    assertThat(letter.getStage()).isEqualTo(DeadLetterStage.DESERIALIZE);
    assertThat(letter.getErrorMessage()).contains("Unknown magic byte");
    assertThat(letter.getSourceTopic()).isEqualTo(Topics.RAW.name());
    assertThat(letter.getSourceOffset()).isZero();
    assertThat(toBytes(letter.getValue())).isEqualTo(junk);
    assertThat(toBytes(letter.getKey())).isEqualTo("bad-1".getBytes(StandardCharsets.UTF_8));
    assertThat(enriched.readKeyValue().key).isEqualTo("a-2");
  }

  @Test
  void anUnknownSchemaIdShouldBeDeadLettered() {
    final byte[] bytes = rawSerde.serializer().serialize(Topics.RAW.name(), story("x", 1, "X."));
    ByteBuffer.wrap(bytes, 1, 4).putInt(987_654);
    rawBytes.pipeInput("x", bytes);

    assertThat(deadLetters.readValue().getErrorMessage()).contains("Schema id 987654");
  }

  @Test
  void enrichmentFailuresShouldBeDeadLetteredWithTheStoryAndNeverStopTheApp() {
    send(story("boom", 1, "This will EXPLODE the model."));
    send(RawArticle.newBuilder(story("empty", 1, "   ")).setHeadline("").build());
    send(story("fine", 1, "An ordinary story."));

    final List<DeadLetter> letters = deadLetters.readValuesToList();
    assertThat(letters).extracting(DeadLetter::getStage)
        .containsExactly(DeadLetterStage.ENRICH, DeadLetterStage.ENRICH);
    assertThat(letters.get(0).getErrorMessage()).contains("model failed on story boom");
    assertThat(letters.get(0).getArticleId()).isEqualTo("boom");
    assertThat(rawSerde.deserializer().deserialize(Topics.RAW.name(),
        toBytes(letters.get(0).getValue())).getId()).as("the story, ready to replay")
        .isEqualTo("boom");
    assertThat(letters.get(1).getErrorMessage())
        .contains("empty has an empty body and an empty headline");
    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("fine");
  }

  @Test
  void aHeadlineOnlyStoryShouldBeEnrichedFromItsHeadlineNotDeadLettered() {
    send(RawArticle.newBuilder(story("flash", 1, "")).setWarnings(List.of(
        "no-body: the item has no body text (a flash or headline-only item)")).build());

    assertThat(deadLetters.isEmpty()).isTrue();
    final EnrichedArticle flash = enriched.readValue();
    assertThat(flash.getId()).isEqualTo("flash");
    assertThat(flash.getHeadline()).isEqualTo("Headline of flash");
    assertThat(flash.getBody()).isEmpty();
    assertThat(flash.getWarnings()).as("ingest's warning carried through")
        .containsExactly("no-body: the item has no body text (a flash or headline-only item)");
  }

  @Test
  void aDeadLetteredStoryReplayedToTheRawTopicShouldBeEnrichedNotDroppedAsAResend() {
    send(story("again", 1, "This will EXPLODE the model."));
    final DeadLetter letter = deadLetters.readValue();

    // The model is fixed; the operator replays the dead letter's bytes as they are.
    rawBytes.pipeInput("again", toBytes(letter.getValue()));

    final DeadLetter second = deadLetters.readValue();
    assertThat(second.getArticleId()).as("reached the enricher again, not dropped").isEqualTo("again");
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void aBodyOverTheLimitShouldBeDeadLettered() {
    send(story("huge", 1, "x".repeat(EnrichConfig.DEFAULT_MAX_BODY_CHARS + 1)));

    assertThat(deadLetters.readValue().getErrorMessage())
        .contains("over the limit of " + EnrichConfig.DEFAULT_MAX_BODY_CHARS);
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void theSameContentUnderAnotherIdShouldBeMarkedAsADuplicate() {
    send(story("first", 1, "Identical wire copy."));
    send(story("second", 1, "Identical wire copy."));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getDuplicateOf)
        .containsExactly(null, "first");
  }

  @Test
  void trendsShouldCountStoriesAndAverageToneInAWindow() {
    send(story("t-1", 1, "A good day for the harbour."));
    send(story("t-2", 1, "A bad storm hit the harbour."));

    final List<KeyValue<String, CountryTrend>> updates = trends.readKeyValuesToList();
    final CountryTrend latest = updates.get(updates.size() - 1).value;
    assertThat(updates.get(updates.size() - 1).key).isEqualTo("MA@2026-03-02T08:00:00Z");
    assertThat(latest.getStoryCount()).isEqualTo(2);
    assertThat(latest.getMeanTone()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(latest.getTopEntities()).singleElement().satisfies(entity -> {
      assertThat(entity.getName()).isEqualTo("Ana Borg");
      assertThat(entity.getStories()).isEqualTo(2);
    });
  }

  @Test
  void trendsShouldCountAStoryOnceWhateverItsVersionsAndDuplicates() {
    send(story("v-1", 1, "First text, a good one."));
    send(story("v-1", 2, "Second text, still good."));
    send(story("copy", 1, "First text, a good one."));

    final List<KeyValue<String, CountryTrend>> updates = trends.readKeyValuesToList();
    assertThat(updates).isNotEmpty();
    assertThat(updates.get(updates.size() - 1).value.getStoryCount())
        .as("one story: its second version and a copy under another id do not count again")
        .isEqualTo(1);
    assertThat(enriched.readValuesToList()).hasSize(3);
  }

  @Test
  void metricsShouldCountWhatHappenedToEachStory() {
    send(story("m-1", 1, "A good day."));
    send(story("m-1", 1, "A good day."));
    send(story("boom", 1, "EXPLODE"));
    rawBytes.pipeInput("junk", new byte[] {1, 2, 3});
    send(RawArticle.newBuilder(story("m-1", 2, "A good day.")).setStatus(ArticleStatus.CANCELED)
        .build());

    assertThat(count("wirestream.enrich.stories", "outcome", "enriched")).isEqualTo(1);
    assertThat(count("wirestream.enrich.stories", "outcome", "dropped_resend")).isEqualTo(1);
    assertThat(count("wirestream.enrich.stories", "outcome", "tombstone")).isEqualTo(1);
    assertThat(count("wirestream.enrich.dead.letters", "stage", "enrich")).isEqualTo(1);
    assertThat(count("wirestream.enrich.dead.letters", "stage", "deserialize")).isEqualTo(1);
    assertThat(meters.get("wirestream.enrich.entities.per.story").summary().count()).isEqualTo(1);
    assertThat(meters.find("wirestream.enrich.languages").counters())
        .as("one enriched story, counted once under its language")
        .extracting(Counter::count).containsExactly(1.0);
    assertThat(meters.find("wirestream.enrich.tone.labels").counters())
        .extracting(Counter::count).containsExactly(1.0);
  }

  private double count(final String name, final String tag, final String value) {
    return meters.get(name).tag(tag, value).counter().count();
  }

  private static byte[] toBytes(final ByteBuffer buffer) {
    final byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
