package io.wirestream.deploy.dashboard;

import java.util.List;

/**
 * What the live page shows at one moment, as JSON for {@code GET /api/dashboard}. Plain records so
 * the page's contract is visible in one place.
 */
public record DashboardSnapshot(long at, Flow flow, Latency latency, DeadLetters deadLetters,
    List<Story> stories, CountryWindow countries, List<ToneMinute> tone) {

  /** Stories per second into the raw topic and out of the enriched topic, and the enrich lag. */
  public record Flow(double inPerSecond, double outPerSecond, long storiesIn, long storiesOut,
      long lag, boolean lagKnown) {
  }

  /** End-to-end latency (ingested to enriched) over the most recent stories. */
  public record Latency(long p50Millis, long p99Millis, long maxMillis, int samples) {
  }

  /** Dead letters seen since the page's stack started, and the latest reasons. */
  public record DeadLetters(long count, List<DeadLetterLine> latest) {
  }

  /** One dead letter as a person reads it. */
  public record DeadLetterLine(long at, String stage, String error, String source) {
  }

  /**
   * One enriched story with the spans to highlight (offsets into headline and snippet); snippetCut
   * says the snippet is only the start of the body.
   */
  public record Story(String id, int version, String headline, String snippet, boolean snippetCut,
      String language,
      String primaryCountry, List<String> countries, Double toneScore, String toneLabel,
      List<Mark> headlineMarks, List<Mark> snippetMarks, long enrichedAt, long latencyMillis,
      boolean withdrawn) {
  }

  /** An entity mention: [start, end) in UTF-16 code units, as Java and JavaScript count. */
  public record Mark(int start, int end, String type, String name) {
  }

  /** Stories per tagged country in the current tumbling window (by enrichment time). */
  public record CountryWindow(long windowStart, long windowEnd, List<CountryCount> counts) {
  }

  /** One country's bar. */
  public record CountryCount(String code, String name, long stories) {
  }

  /** Mean article tone of the stories enriched in one minute. */
  public record ToneMinute(long minute, double mean, long stories) {
  }
}
