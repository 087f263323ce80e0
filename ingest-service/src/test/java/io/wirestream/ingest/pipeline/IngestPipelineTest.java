package io.wirestream.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.identity.VersionLedger.Outcome;
import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.ingest.parse.RejectReason;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {

  private static final Instant NOW = Instant.parse("2024-06-12T10:15:30.123Z");
  private static final String PLAIN_TEXT = "plaintext/harbour-times-business.txt";
  /** A PNG signature: the NUL byte at offset 8 makes it binary. */
  private static final byte[] JUNK = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0,
      0, '\r', 'I', 'H', 'D', 'R'};
  private static final String REGATTA = "{\"uri\": \"urn:lantern:2024:regatta\","
      + " \"headline\": \"Regatta moved to August\", \"body_text\": \"The Lantern Bay regatta"
      + " will be held in August this year because of harbour works.\"}";
  private static final String REGATTA_EDITED = REGATTA.replace("because of harbour works",
      "because of dredging in the harbour");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RecordingSink sink = new RecordingSink();
  private final IngestPipeline pipeline = new IngestPipeline(
      new StoryParsers(ParserConfig.defaults()), new VersionLedger(), sink,
      new IngestMetrics(meters), Clock.fixed(NOW, ZoneOffset.UTC));

  private DocumentResult ingest(final byte[] input, final String origin) {
    return pipeline.ingest(input, origin, Optional.empty(), false);
  }

  private static byte[] valueOf(final DeadLetter deadLetter) {
    final ByteBuffer value = deadLetter.getValue().duplicate();
    final byte[] bytes = new byte[value.remaining()];
    value.get(bytes);
    return bytes;
  }

  @Test
  void shouldPublishPlainTextStoryAsRawArticle() {
    final DocumentResult result = ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour.txt");

    assertThat(result.stories()).extracting(StoryResult::id, StoryResult::version,
            StoryResult::outcome, StoryResult::headline)
        .containsExactly(tuple("ws-5a840fa34375d0f672e8", 1, Outcome.NEW,
            "Port of Aldermouth opens automated container berth"));
    assertThat(sink.published()).singleElement().satisfies(article -> {
      assertThat(article.getId()).isEqualTo("ws-5a840fa34375d0f672e8");
      assertThat(article.getVersion()).isEqualTo(1);
      assertThat(article.getContentHash())
          .isEqualTo("f47fa64bb1a3176f43c8f3765baa9e23393c5994b13bf58b3bafe93508e3b179");
      assertThat(article.getIngestedAt()).isEqualTo(NOW);
      assertThat(article.getFormat()).isEqualTo(SourceFormat.PLAIN_TEXT);
      assertThat(article.getSource()).isEqualTo("Harbour Times");
      assertThat(article.getDateline()).isEqualTo("Aldermouth");
      assertThat(article.getStatus()).isEqualTo(ArticleStatus.USABLE);
    });
  }

  @Test
  void shouldCompleteAcknowledgementOfPublishedStory() {
    final DocumentResult result = ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour.txt");

    assertThat(result.stories().get(0).acknowledged()).isCompletedWithValue(null);
  }

  @Test
  void shouldReportSameBytesAgainAsUnchangedAndPublishNothingMore() {
    ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour.txt");

    final DocumentResult again = ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour-again.txt");

    assertThat(again.stories()).extracting(StoryResult::id, StoryResult::version,
            StoryResult::outcome)
        .containsExactly(tuple("ws-5a840fa34375d0f672e8", 1, Outcome.UNCHANGED));
    assertThat(sink.published()).hasSize(1);
  }

  @Test
  void shouldPublishEditedBodyOfKnownIdAsVersionTwo() {
    ingest(TestFixtures.utf8(REGATTA), "regatta.json");

    final DocumentResult edited = ingest(TestFixtures.utf8(REGATTA_EDITED), "regatta.json");

    assertThat(edited.stories()).extracting(StoryResult::id, StoryResult::version,
            StoryResult::outcome)
        .containsExactly(tuple("urn:lantern:2024:regatta", 2, Outcome.UPDATED));
    assertThat(sink.published()).extracting(RawArticle::getId, RawArticle::getVersion,
            RawArticle::getBody)
        .containsExactly(
            tuple("urn:lantern:2024:regatta", 1,
                "The Lantern Bay regatta will be held in August this year because of harbour"
                    + " works."),
            tuple("urn:lantern:2024:regatta", 2,
                "The Lantern Bay regatta will be held in August this year because of dredging"
                    + " in the harbour."));
  }

  @Test
  void shouldPublishEditedStoryWithoutGuidUnderNewId() {
    final byte[] original = TestFixtures.bytes(PLAIN_TEXT);
    final byte[] edited = TestFixtures.utf8(TestFixtures.text(PLAIN_TEXT)
        .replace("240 crane drivers", "260 crane drivers"));
    ingest(original, "harbour.txt");

    final DocumentResult result = ingest(edited, "harbour-edited.txt");

    // Without a guid the id is derived from the text: an edit is another story, by design.
    assertThat(result.stories()).extracting(StoryResult::version, StoryResult::outcome)
        .containsExactly(tuple(1, Outcome.NEW));
    assertThat(result.stories().get(0).id()).isNotEqualTo("ws-5a840fa34375d0f672e8");
  }

  @Test
  void shouldPublishCanceledNewsMlVersionAsUpdateWithStatusCanceled() {
    ingest(TestFixtures.bytes("newsml/versions/lantern-ferry-v1.xml"), "ferry-v1.xml");

    final DocumentResult canceled =
        ingest(TestFixtures.bytes("newsml/versions/lantern-ferry-v2-canceled.xml"), "ferry-v2.xml");

    assertThat(canceled.stories()).extracting(StoryResult::version, StoryResult::outcome)
        .containsExactly(tuple(2, Outcome.UPDATED));
    assertThat(sink.published()).extracting(RawArticle::getId, RawArticle::getVersion,
            RawArticle::getStatus, RawArticle::getFormat)
        .containsExactly(
            tuple("urn:newsml:lantern-wire.example:20240611:ferry-strike", 1,
                ArticleStatus.USABLE, SourceFormat.NEWSML_G2),
            tuple("urn:newsml:lantern-wire.example:20240611:ferry-strike", 2,
                ArticleStatus.CANCELED, SourceFormat.NEWSML_G2));
  }

  @Test
  void shouldDeadLetterRejectedDocumentWhenAsked() {
    final DocumentResult result =
        pipeline.ingest(JUNK, "watch/photo.png", Optional.empty(), true);

    assertThat(result.stories()).isEmpty();
    assertThat(sink.deadLetters()).singleElement().satisfies(deadLetter -> {
      assertThat(deadLetter.getStage()).isEqualTo(DeadLetterStage.INGEST);
      assertThat(deadLetter.getOrigin()).isEqualTo("watch/photo.png");
      assertThat(deadLetter.getErrorClass())
          .isEqualTo("io.wirestream.ingest.parse.StoryParseException/BINARY");
      assertThat(valueOf(deadLetter)).isEqualTo(JUNK);
      assertThat(deadLetter.getValueTruncated()).isFalse();
      assertThat(deadLetter.getTimestamp()).isEqualTo(NOW);
    });
    assertThat(sink.published()).isEmpty();
  }

  @Test
  void shouldRejectWithoutDeadLetterWhenNotAsked() {
    final DocumentResult result = ingest(JUNK, "upload.bin");

    assertThat(result.rejections()).containsExactly(new Rejection("upload.bin", "byte 8",
        RejectReason.BINARY,
        "binary content: NUL byte at byte 8; expected a text document"));
    assertThat(result.stories()).isEmpty();
    assertThat(sink.deadLetters()).isEmpty();
  }

  @Test
  void shouldPublishGoodLinesAndRejectBadLineOfJsonLines() {
    final DocumentResult result =
        ingest(TestFixtures.bytes("jsonl/lantern-bay-one-bad-line.jsonl"), "bulk.jsonl");

    assertThat(result.stories()).extracting(StoryResult::id, StoryResult::outcome)
        .containsExactly(tuple("urn:lantern:2024:0301", Outcome.NEW),
            tuple("urn:lantern:2024:0303", Outcome.NEW));
    assertThat(result.rejections()).extracting(Rejection::origin, Rejection::position,
            Rejection::reason)
        .containsExactly(tuple("bulk.jsonl", "line 2", RejectReason.MALFORMED_JSON));
    assertThat(sink.published()).extracting(RawArticle::getId)
        .containsExactly("urn:lantern:2024:0301", "urn:lantern:2024:0303");
  }

  @Test
  void shouldDeadLetterBadItemOfFeedAndPublishGoodOnes() {
    final DocumentResult result = pipeline.ingest(
        TestFixtures.bytes("jsonl/lantern-bay-one-bad-line.jsonl"), "drop/bulk.jsonl",
        Optional.empty(), true);

    assertThat(result.stories()).hasSize(2);
    assertThat(sink.deadLetters()).extracting(DeadLetter::getOrigin, DeadLetter::getErrorClass)
        .containsExactly(tuple("drop/bulk.jsonl",
            "io.wirestream.ingest.parse.StoryParseException/MALFORMED_JSON"));
  }

  @Test
  void shouldFailAcknowledgementWhenSinkFails() {
    sink.failNextPublish(new IllegalStateException("broker down"));

    final DocumentResult result = ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour.txt");

    assertThat(result.stories().get(0).acknowledged()).isCompletedExceptionally();
    assertThat(sink.published()).isEmpty();
  }

  @Test
  void shouldPublishAgainAfterFailedPublishOfSameInput() {
    sink.failNextPublish(new IllegalStateException("broker down"));
    ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour.txt");

    final DocumentResult retry = ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour.txt");

    assertThat(retry.stories()).extracting(StoryResult::version, StoryResult::outcome)
        .containsExactly(tuple(1, Outcome.NEW));
    assertThat(sink.published()).extracting(RawArticle::getId)
        .containsExactly("ws-5a840fa34375d0f672e8");
  }

  @Test
  void shouldCountStoriesByOutcomeAndFormat() {
    ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour.txt");
    ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour.txt");
    ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour.txt");
    ingest(TestFixtures.utf8(REGATTA), "regatta.json");

    assertThat(meters.get("wirestream.ingest.stories").tag("outcome", "new")
        .tag("format", "plain_text").counter().count()).isEqualTo(1.0);
    assertThat(meters.get("wirestream.ingest.stories").tag("outcome", "unchanged")
        .tag("format", "plain_text").counter().count()).isEqualTo(2.0);
    assertThat(meters.get("wirestream.ingest.stories").tag("outcome", "new")
        .tag("format", "ninjs").counter().count()).isEqualTo(1.0);
  }

  @Test
  void shouldCountRejectsByReason() {
    ingest(JUNK, "a.bin");
    ingest(JUNK, "b.bin");
    ingest(new byte[0], "empty.txt");

    assertThat(meters.get("wirestream.ingest.rejected").tag("reason", "binary").counter()
        .count()).isEqualTo(2.0);
    assertThat(meters.get("wirestream.ingest.rejected").tag("reason", "empty").counter()
        .count()).isEqualTo(1.0);
  }

  @Test
  void shouldCountPublishFailuresAndDeadLetters() {
    sink.failNextPublish(new IllegalStateException("broker down"));
    ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour.txt");
    pipeline.ingest(JUNK, "watch/photo.png", Optional.empty(), true);

    assertThat(meters.get("wirestream.ingest.publish.failures").counter().count())
        .isEqualTo(1.0);
    assertThat(meters.get("wirestream.ingest.dead.letters").counter().count()).isEqualTo(1.0);
  }

  @Test
  void warningsShouldReachTheRecordAndBeCountedByCode() {
    ingest(TestFixtures.bytes(PLAIN_TEXT), "harbour.txt");

    assertThat(sink.published()).singleElement().satisfies(article ->
        assertThat(article.getWarnings()).containsExactly(
            "zone-assumed: date \"2019-03-14 16:05\" has no zone; read in UTC"));
    assertThat(meters.get("wirestream.ingest.warnings").tag("code", "zone-assumed").counter()
        .count()).isEqualTo(1.0);
  }
}
