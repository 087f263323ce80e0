package io.wirestream.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of every parser through the real entry point ({@link StoryParsers}: input
 * checks, then the forced or detected format), so that hostile documents are known to end as
 * stories or as a {@link StoryParseException} with a specific reason, never as another exception,
 * a hang or an unbounded allocation.
 *
 * <p>Without {@code JAZZER_FUZZ} each target runs once on the empty input and on its seeds in
 * {@code ParserFuzzTestInputs/<target>/} (found crashes are kept there as regression seeds). With
 * it, Jazzer fuzzes one target per JVM; the build has one surefire execution per target, each
 * bounded by {@code wirestream.fuzz.duration} (profile {@code fuzz} in ingest-service/pom.xml).
 */
class ParserFuzzTest {

  /** Far above any parse of a fuzzer-sized input (4 KiB by default), even on a loaded machine. */
  private static final Duration MAX_PARSE_TIME = Duration.ofSeconds(10);
  /** Small, so that the fuzzer also reaches the size limit through the detection target. */
  private static final long DETECTED_MAX_BYTES = 2048;

  private static final StoryParsers PARSERS = new StoryParsers(ParserConfig.defaults());
  private static final StoryParsers SMALL_LIMIT_PARSERS =
      new StoryParsers(ParserConfig.defaults().withMaxDocumentBytes(DETECTED_MAX_BYTES));

  private static ExecutorService worker = newWorker();

  private static final AtomicLong INPUTS = new AtomicLong();
  private static final AtomicLong STORIES = new AtomicLong();
  private static final AtomicLong LARGEST_INPUT = new AtomicLong();
  private static final Map<RejectReason, AtomicLong> REJECTIONS = new ConcurrentHashMap<>();

  @FuzzTest(maxDuration = "15s")
  void plainText(final byte[] input) throws Exception {
    assertStoryOrSpecificRejection(PARSERS, input, Optional.of(SourceFormat.PLAIN_TEXT));
  }

  @FuzzTest(maxDuration = "15s")
  void ninjs(final byte[] input) throws Exception {
    assertStoryOrSpecificRejection(PARSERS, input, Optional.of(SourceFormat.NINJS));
  }

  @FuzzTest(maxDuration = "15s")
  void newsMlG2(final byte[] input) throws Exception {
    assertStoryOrSpecificRejection(PARSERS, input, Optional.of(SourceFormat.NEWSML_G2));
  }

  /** RSS and Atom share one parser ({@link FeedParser}); Rome tells them apart. */
  @FuzzTest(maxDuration = "15s")
  void feed(final byte[] input) throws Exception {
    assertStoryOrSpecificRejection(PARSERS, input, Optional.of(SourceFormat.RSS));
  }

  /** Format detection, then whichever parser it picks, with a size limit the fuzzer can cross. */
  @FuzzTest(maxDuration = "15s")
  void detected(final byte[] input) throws Exception {
    final Optional<RejectReason> reason =
        assertStoryOrSpecificRejection(SMALL_LIMIT_PARSERS, input, Optional.empty());
    if (input.length > DETECTED_MAX_BYTES) {
      assertThat(reason).as("an input over the size limit is refused for its size")
          .contains(RejectReason.TOO_LARGE);
    }
  }

  @AfterAll
  static void printSummary() {
    final Map<RejectReason, Long> rejections = new TreeMap<>();
    REJECTIONS.forEach((reason, count) -> rejections.put(reason, count.get()));
    // Printed so that a build log says what the fuzzing did, not only that it passed.
    System.out.printf("ParserFuzzTest: %d inputs (largest %d bytes), %d stories, rejections %s%n",
        INPUTS.get(), LARGEST_INPUT.get(), STORIES.get(), rejections);
    worker.shutdownNow();
  }

  /**
   * The property every target checks: the document becomes stories with bounded fields, or is
   * refused with a specific reason, within {@link #MAX_PARSE_TIME}.
   *
   * @return the rejection reason, empty when the document gave an outcome
   */
  private static Optional<RejectReason> assertStoryOrSpecificRejection(
      final StoryParsers parsers, final byte[] input, final Optional<SourceFormat> format)
      throws Exception {
    INPUTS.incrementAndGet();
    LARGEST_INPUT.accumulateAndGet(input.length, Math::max);
    final Future<ParseOutcome> parse =
        worker.submit(() -> parsers.parseAll(input, "fuzz", format));
    final ParseOutcome outcome;
    try {
      outcome = parse.get(MAX_PARSE_TIME.toMillis(), TimeUnit.MILLISECONDS);
    } catch (final TimeoutException e) {
      parse.cancel(true);
      // The stuck thread cannot be stopped; later inputs get a fresh one.
      worker.shutdownNow();
      worker = newWorker();
      throw new AssertionError("hang: parsing a " + input.length + "-byte input took more than "
          + MAX_PARSE_TIME.toSeconds() + " s", e);
    } catch (final ExecutionException e) {
      final Throwable cause = e.getCause();
      if (cause instanceof StoryParseException rejection) {
        assertSpecific(rejection);
        REJECTIONS.computeIfAbsent(rejection.reason(), r -> new AtomicLong()).incrementAndGet();
        return Optional.of(rejection.reason());
      }
      // Rethrown as it is, so that Jazzer reports (and deduplicates) the parser's own stack.
      if (cause instanceof Error error) {
        throw error;
      }
      throw (Exception) cause;
    }
    assertThat(outcome.stories().size() + outcome.rejected().size())
        .as("stories and rejections of a %d-byte input", input.length)
        .isBetween(1, input.length);
    for (final ParsedStory story : outcome.stories()) {
      assertBounded(story, input.length);
    }
    outcome.rejected().forEach(ParserFuzzTest::assertSpecific);
    STORIES.addAndGet(outcome.stories().size());
    return Optional.empty();
  }

  private static void assertSpecific(final StoryParseException rejection) {
    assertThat(rejection.reason()).isNotNull();
    assertThat(rejection.position()).isNotBlank();
    assertThat(rejection.detail()).isNotBlank();
    assertThat(rejection.getMessage()).startsWith("fuzz ");
  }

  /**
   * The headline is never blank; a blank body is empty and carries the no-body warning. No field
   * of a story is more than twice as long as the input it came from: decoding only
   * shrinks text, and the one thing that grows is a single line break becoming a paragraph
   * separator ({@code "\n\n"}) in plain text. Anything else (an expanded entity, a field copied
   * into itself) is a finding.
   */
  private static void assertBounded(final ParsedStory story, final int inputBytes) {
    final int bound = 2 * inputBytes;
    assertThat(story.headline()).isNotBlank();
    // A headline-only item is kept with an empty body, and says so (issue 13).
    if (story.body().isBlank()) {
      assertThat(story.body()).isEmpty();
      assertThat(story.warnings()).anyMatch(w -> w.startsWith(ParsedStory.NO_BODY));
    }
    for (final String field : new String[] {story.source(), story.outlet(), story.sourceGuid(),
        story.url(), story.headline(), story.byline(), story.dateline(), story.section(),
        story.language(), story.body()}) {
      if (field != null) {
        assertThat(field.length()).as("a story field from a %d-byte input", inputBytes)
            .isLessThanOrEqualTo(bound);
      }
    }
    assertThat(story.subjects().size()).isLessThanOrEqualTo(inputBytes);
    story.subjects().forEach(subject ->
        assertThat(subject.length()).isLessThanOrEqualTo(bound));
    story.attributes().forEach((key, value) ->
        assertThat(key.length() + value.length()).isLessThanOrEqualTo(bound));
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(task -> {
      final Thread thread = new Thread(task, "parser-fuzz");
      thread.setDaemon(true);
      return thread;
    });
  }
}
