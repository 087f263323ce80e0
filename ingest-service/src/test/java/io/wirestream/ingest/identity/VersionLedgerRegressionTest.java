package io.wirestream.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.identity.VersionLedger.Decision;
import io.wirestream.ingest.identity.VersionLedger.Outcome;
import io.wirestream.schemas.avro.ArticleStatus;
import org.junit.jupiter.api.Test;

class VersionLedgerRegressionTest {

  private static final String ID = "urn:lantern:2024:mill-77";
  private static final String HASH_A = "a".repeat(64);
  private static final String HASH_B = "b".repeat(64);

  private final VersionLedger ledger = new VersionLedger();

  @Test
  void shouldReportIdenticalResendAsUnchangedAfterLedgerRaisedDeclaredVersion() {
    ledger.decide(ID, HASH_A, ArticleStatus.USABLE, 3);
    ledger.decide(ID, HASH_B, ArticleStatus.USABLE, 3);

    final Decision resend = ledger.decide(ID, HASH_B, ArticleStatus.USABLE, 3);

    assertThat(resend.outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void shouldReportIdenticalResendOfDeclaredVersionZeroAsUnchanged() {
    ledger.decide(ID, HASH_A, ArticleStatus.USABLE, 0);

    final Decision resend = ledger.decide(ID, HASH_A, ArticleStatus.USABLE, 0);

    assertThat(resend.outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void shouldKeepLaterUpdateWhenEarlierDecisionIsUndone() {
    final Decision first = ledger.decide(ID, HASH_A, ArticleStatus.USABLE, null);
    ledger.decide(ID, HASH_B, ArticleStatus.USABLE, null);

    ledger.undo(ID, first);

    final Decision resendOfUpdate = ledger.decide(ID, HASH_B, ArticleStatus.USABLE, null);
    assertThat(resendOfUpdate.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(resendOfUpdate.version()).isEqualTo(2);
  }
}
