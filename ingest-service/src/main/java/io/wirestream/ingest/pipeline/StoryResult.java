package io.wirestream.ingest.pipeline;

import io.wirestream.ingest.identity.VersionLedger;
import java.util.concurrent.CompletableFuture;

/**
 * What happened to one story.
 *
 * @param id article id
 * @param version version published (or, when not published, the latest known)
 * @param outcome new, updated, unchanged or stale
 * @param headline for reports
 * @param acknowledged completes when the broker acknowledged the record; already complete when
 *     nothing was published
 */
public record StoryResult(String id, int version, VersionLedger.Outcome outcome, String headline,
    CompletableFuture<Void> acknowledged) {
}
