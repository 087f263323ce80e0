package io.wirestream.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.identity.VersionLedger.Outcome;
import io.wirestream.ingest.parse.RejectReason;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class IngestSummaryTest {

  private static StoryResult story(final String id, final int version, final Outcome outcome) {
    return new StoryResult(id, version, outcome, "Headline of " + id,
        CompletableFuture.completedFuture(null));
  }

  private static StoryResult failedStory(final String id, final int version) {
    return new StoryResult(id, version, Outcome.NEW, "Headline of " + id,
        CompletableFuture.failedFuture(new IllegalStateException("broker down")));
  }

  private static final Rejection BAD_LINE = new Rejection("bulk.jsonl", "line 2",
      RejectReason.MALFORMED_JSON, "malformed JSON: unexpected end-of-input");
  private static final Rejection EMPTY_FILE = new Rejection("empty.txt", "",
      RejectReason.EMPTY, "document is empty");

  private static IngestSummary summaryOfThreeDocuments() {
    final IngestSummary summary = new IngestSummary();
    summary.add(new DocumentResult("bulk.jsonl", List.of(story("urn:a", 1, Outcome.NEW),
        story("urn:b", 3, Outcome.UPDATED), failedStory("urn:c", 1)), List.of(BAD_LINE)));
    summary.add(new DocumentResult("again.xml", List.of(story("urn:d", 2, Outcome.UNCHANGED),
        story("urn:e", 5, Outcome.STALE)), List.of()));
    summary.add(new DocumentResult("empty.txt", List.of(), List.of(EMPTY_FILE)));
    summary.awaitAcknowledgements();
    return summary;
  }

  @Test
  void shouldCountDocumentsAndOutcomes() {
    final IngestSummary summary = summaryOfThreeDocuments();

    assertThat(summary.documents()).isEqualTo(3);
    assertThat(summary.count(Outcome.NEW)).isEqualTo(2);
    assertThat(summary.count(Outcome.UPDATED)).isEqualTo(1);
    assertThat(summary.count(Outcome.UNCHANGED)).isEqualTo(1);
    assertThat(summary.count(Outcome.STALE)).isEqualTo(1);
  }

  @Test
  void shouldKeepRejectionsInOrder() {
    assertThat(summaryOfThreeDocuments().rejections()).containsExactly(BAD_LINE, EMPTY_FILE);
  }

  @Test
  void shouldRecordFailedAcknowledgementWithIdVersionAndCause() {
    assertThat(summaryOfThreeDocuments().publishFailures())
        .containsExactly("urn:c v1: java.lang.IllegalStateException: broker down");
  }

  @Test
  void shouldWriteTotalsRejectionsAndFailuresAsLines() {
    assertThat(summaryOfThreeDocuments().lines()).containsExactly(
        "3 document(s): 2 published, 1 updated version(s), 1 unchanged re-send(s), 1 stale,"
            + " 2 rejected, 1 not acknowledged",
        "  rejected bulk.jsonl (line 2): MALFORMED_JSON: malformed JSON: unexpected end-of-input",
        "  rejected empty.txt: EMPTY: document is empty",
        "  not acknowledged: urn:c v1: java.lang.IllegalStateException: broker down");
  }

  @Test
  void shouldReportNothingNotAcknowledgedWhenEveryStoryWasAcknowledged() {
    final IngestSummary summary = new IngestSummary();
    summary.add(new DocumentResult("one.txt", List.of(story("urn:a", 1, Outcome.NEW)),
        List.of()));

    summary.awaitAcknowledgements();

    assertThat(summary.publishFailures()).isEmpty();
    assertThat(summary.lines()).containsExactly("1 document(s): 1 published, 0 updated"
        + " version(s), 0 unchanged re-send(s), 0 stale, 0 rejected, 0 not acknowledged");
  }
}
