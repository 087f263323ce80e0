package io.wirestream.ingest.pipeline;

import io.wirestream.ingest.identity.ArticleIdentity;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.DocumentContext;
import io.wirestream.ingest.parse.ParseOutcome;
import io.wirestream.ingest.parse.ParsedStory;
import io.wirestream.ingest.parse.StoryParseException;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.publish.StorySink;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document in, stories out: parse, identify, decide new / updated / unchanged / stale against
 * the ledger, publish what is new. Every input is accounted for in the result: a story, or a
 * rejection with its reason (and a dead letter when the input came from a feed or a watched
 * folder, where no person is there to read the error). Thread-safe.
 */
public final class IngestPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);

  private final StoryParsers parsers;
  private final VersionLedger ledger;
  private final StorySink sink;
  private final IngestMetrics metrics;
  private final Clock clock;

  public IngestPipeline(final StoryParsers parsers, final VersionLedger ledger,
      final StorySink sink, final IngestMetrics metrics, final Clock clock) {
    this.parsers = parsers;
    this.ledger = ledger;
    this.sink = sink;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Ingests one document.
   *
   * @param input the raw bytes
   * @param origin file path, feed URL or HTTP client, for messages and dead letters
   * @param forcedFormat the format to parse as, or empty to detect it
   * @param deadLetterRejects whether unreadable input also goes to the dead-letter topic
   */
  public DocumentResult ingest(final byte[] input, final String origin,
      final Optional<SourceFormat> forcedFormat, final boolean deadLetterRejects) {
    return ingest(input, origin, forcedFormat, deadLetterRejects, DocumentContext.NONE);
  }

  /**
   * As {@link #ingest(byte[], String, Optional, boolean)}, with what the way in knows about the
   * document: the HTTP Content-Type it came with (its charset) and the zone of its zone-less
   * timestamps (a feed's own zone).
   */
  public DocumentResult ingest(final byte[] input, final String origin,
      final Optional<SourceFormat> forcedFormat, final boolean deadLetterRejects,
      final DocumentContext context) {
    metrics.document(input.length);
    final ParseOutcome outcome;
    try {
      outcome = parsers.parseAll(input, origin, forcedFormat, context);
    } catch (final StoryParseException e) {
      reject(input, e, deadLetterRejects);
      return new DocumentResult(origin, List.of(), List.of(Rejection.of(e)));
    }
    final List<Rejection> rejections = new ArrayList<>();
    for (final StoryParseException e : outcome.rejected()) {
      reject(input, e, deadLetterRejects);
      rejections.add(Rejection.of(e));
    }
    final List<StoryResult> stories = new ArrayList<>(outcome.stories().size());
    for (final ParsedStory story : outcome.stories()) {
      stories.add(publish(story));
    }
    return new DocumentResult(origin, stories, rejections);
  }

  private StoryResult publish(final ParsedStory story) {
    final String id = ArticleIdentity.articleId(story);
    final String hash = ArticleIdentity.contentHash(story);
    final VersionLedger.Decision decision =
        ledger.decide(id, hash, story.status(), story.version());
    metrics.story(decision.outcome(), story.format());
    metrics.warnings(story.warnings());
    if (!decision.publish()) {
      return new StoryResult(id, decision.version(), decision.outcome(), story.headline(),
          CompletableFuture.completedFuture(null));
    }
    final RawArticle article =
        RawArticles.of(story, id, decision.version(), hash, clock.instant());
    final CompletableFuture<Void> acked = sink.publish(article).whenComplete((ok, error) -> {
      if (error != null) {
        // Not published: forget it, so a retry of the same input publishes it.
        ledger.undo(id, decision);
        metrics.publishFailed();
        LOG.warn("Story {} v{} was not acknowledged: {}", id, decision.version(), error.toString());
      }
    });
    return new StoryResult(id, decision.version(), decision.outcome(), story.headline(), acked);
  }

  private void reject(final byte[] input, final StoryParseException e,
      final boolean deadLetter) {
    metrics.rejected(e.reason());
    LOG.debug("Rejected {}: {}", e.origin(), e.getMessage());
    if (deadLetter) {
      sink.deadLetter(null, DeadLetters.ingest(input, e, clock.instant())).whenComplete(
          (ok, error) -> {
            if (error == null) {
              metrics.deadLettered();
            } else {
              LOG.error("Could not dead-letter rejected input from {}: {}", e.origin(),
                  error.toString());
            }
          });
    }
  }
}
