package io.wirestream.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.identity.VersionLedger.Decision;
import io.wirestream.ingest.identity.VersionLedger.Entry;
import io.wirestream.ingest.identity.VersionLedger.Outcome;
import io.wirestream.schemas.avro.ArticleStatus;
import org.junit.jupiter.api.Test;

class VersionLedgerTest {

  private static final String ID = "urn:lantern:2024:mill-77";
  private static final String HASH_A = "a".repeat(64);
  private static final String HASH_B = "b".repeat(64);

  private final VersionLedger ledger = new VersionLedger();

  @Test
  void shouldStartNewStoryAtVersionOneWithoutDeclaredVersion() {
    final Decision decision = ledger.decide(ID, HASH_A, ArticleStatus.USABLE, null);

    assertThat(decision).usingRecursiveComparison().ignoringFields("recorded")
        .isEqualTo(new Decision(Outcome.NEW, 1, null, null));
    assertThat(decision.publish()).isTrue();
  }

  @Test
  void shouldHonourDeclaredVersionOfNewStory() {
    final Decision decision = ledger.decide(ID, HASH_A, ArticleStatus.USABLE, 4);

    assertThat(decision).usingRecursiveComparison().ignoringFields("recorded")
        .isEqualTo(new Decision(Outcome.NEW, 4, null, null));
  }

  @Test
  void shouldReportSameHashAndStatusAsUnchanged() {
    ledger.decide(ID, HASH_A, ArticleStatus.USABLE, 2);

    final Decision again = ledger.decide(ID, HASH_A, ArticleStatus.USABLE, 2);

    assertThat(again).usingRecursiveComparison().ignoringFields("recorded")
        .isEqualTo(new Decision(Outcome.UNCHANGED, 2,
        new Entry(HASH_A, ArticleStatus.USABLE, 2), null));
    assertThat(again.publish()).isFalse();
  }

  @Test
  void shouldReportChangedHashAsUpdateWithNextVersion() {
    ledger.decide(ID, HASH_A, ArticleStatus.USABLE, null);

    final Decision update = ledger.decide(ID, HASH_B, ArticleStatus.USABLE, null);

    assertThat(update).usingRecursiveComparison().ignoringFields("recorded")
        .isEqualTo(new Decision(Outcome.UPDATED, 2,
        new Entry(HASH_A, ArticleStatus.USABLE, 1), null));
    assertThat(update.publish()).isTrue();
  }

  @Test
  void shouldReportStatusChangeAloneAsUpdate() {
    ledger.decide(ID, HASH_A, ArticleStatus.USABLE, null);

    final Decision cancel = ledger.decide(ID, HASH_A, ArticleStatus.CANCELED, null);

    assertThat(cancel).usingRecursiveComparison().ignoringFields("recorded")
        .isEqualTo(new Decision(Outcome.UPDATED, 2,
        new Entry(HASH_A, ArticleStatus.USABLE, 1), null));
  }

  @Test
  void shouldTakeDeclaredVersionOfUpdateWhenHigherThanNext() {
    ledger.decide(ID, HASH_A, ArticleStatus.USABLE, 2);

    final Decision update = ledger.decide(ID, HASH_B, ArticleStatus.USABLE, 7);

    assertThat(update.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(update.version()).isEqualTo(7);
  }

  @Test
  void shouldTakeNextVersionOfUpdateWhenDeclaredVersionIsNotHigher() {
    ledger.decide(ID, HASH_A, ArticleStatus.USABLE, 3);

    final Decision update = ledger.decide(ID, HASH_B, ArticleStatus.USABLE, 3);

    assertThat(update.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(update.version()).isEqualTo(4);
  }

  @Test
  void shouldReportDeclaredVersionBelowPublishedAsStale() {
    ledger.decide(ID, HASH_B, ArticleStatus.USABLE, 5);

    final Decision older = ledger.decide(ID, HASH_A, ArticleStatus.USABLE, 4);

    assertThat(older).usingRecursiveComparison().ignoringFields("recorded")
        .isEqualTo(new Decision(Outcome.STALE, 5,
        new Entry(HASH_B, ArticleStatus.USABLE, 5), null));
    assertThat(older.publish()).isFalse();
  }

  @Test
  void shouldKeepPublishedVersionAfterStaleStory() {
    ledger.decide(ID, HASH_B, ArticleStatus.USABLE, 5);
    ledger.decide(ID, HASH_A, ArticleStatus.USABLE, 4);

    final Decision again = ledger.decide(ID, HASH_B, ArticleStatus.USABLE, 5);

    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.version()).isEqualTo(5);
  }

  @Test
  void shouldForgetIdWhenNewDecisionIsUndone() {
    final Decision decision = ledger.decide(ID, HASH_A, ArticleStatus.USABLE, null);

    ledger.undo(ID, decision);

    assertThat(ledger.size()).isZero();
    assertThat(ledger.decide(ID, HASH_A, ArticleStatus.USABLE, null))
        .usingRecursiveComparison().ignoringFields("recorded")
        .isEqualTo(new Decision(Outcome.NEW, 1, null, null));
  }

  @Test
  void shouldRestorePreviousEntryWhenUpdateIsUndone() {
    ledger.decide(ID, HASH_A, ArticleStatus.USABLE, null);
    final Decision update = ledger.decide(ID, HASH_B, ArticleStatus.USABLE, null);

    ledger.undo(ID, update);

    assertThat(ledger.decide(ID, HASH_B, ArticleStatus.USABLE, null)).usingRecursiveComparison().ignoringFields("recorded")
        .isEqualTo(new Decision(
        Outcome.UPDATED, 2, new Entry(HASH_A, ArticleStatus.USABLE, 1), null));
  }

  @Test
  void shouldIgnoreUndoOfDecisionThatPublishedNothing() {
    ledger.decide(ID, HASH_A, ArticleStatus.USABLE, null);
    final Decision unchanged = ledger.decide(ID, HASH_A, ArticleStatus.USABLE, null);

    ledger.undo(ID, unchanged);

    assertThat(ledger.decide(ID, HASH_A, ArticleStatus.USABLE, null).outcome())
        .isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void shouldRememberHighestVersionWhenHigherArrivesLast() {
    ledger.remember(ID, new Entry(HASH_A, ArticleStatus.USABLE, 2));
    ledger.remember(ID, new Entry(HASH_B, ArticleStatus.WITHHELD, 3));

    assertThat(ledger.decide(ID, HASH_B, ArticleStatus.WITHHELD, null))
        .usingRecursiveComparison().ignoringFields("recorded")
        .isEqualTo(new Decision(Outcome.UNCHANGED, 3,
            new Entry(HASH_B, ArticleStatus.WITHHELD, 3), null));
  }

  @Test
  void shouldRememberHighestVersionWhenLowerArrivesLast() {
    ledger.remember(ID, new Entry(HASH_B, ArticleStatus.WITHHELD, 3));
    ledger.remember(ID, new Entry(HASH_A, ArticleStatus.USABLE, 2));

    assertThat(ledger.decide(ID, HASH_B, ArticleStatus.WITHHELD, null))
        .usingRecursiveComparison().ignoringFields("recorded")
        .isEqualTo(new Decision(Outcome.UNCHANGED, 3,
            new Entry(HASH_B, ArticleStatus.WITHHELD, 3), null));
    assertThat(ledger.size()).isEqualTo(1);
  }
}
