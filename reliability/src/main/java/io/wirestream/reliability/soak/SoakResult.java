package io.wirestream.reliability.soak;

import io.wirestream.reliability.accounting.Accounting;
import java.time.Duration;

/**
 * What a soak measured.
 *
 * @param capacity stories per second the pipeline enriched while the probe backlog drained
 * @param steadyRate the rate of the steady phase
 * @param steadyLagMax largest lag sampled during the steady phase
 * @param heapLiveStartMb enrich live heap (after a full GC) before the steady phase
 * @param heapLiveEndMb the same after it
 * @param heapUsedMaxMb largest enrich heap in use sampled
 * @param deadLetterGrowth growth of the dead-letter topic's end offsets over the whole run
 * @param burstRate the rate the burst asked for
 * @param burstSentRate the rate the burst got in (ingest answers each story; 128 requests in flight
 *     at most)
 * @param burstLagMax largest lag during the burst and its drain
 * @param burstDrain from the end of the burst until the lag was 0 again
 * @param burstDrained whether it got to 0 within the drain timeout
 * @param accounting every accepted story against the enriched topic, over the whole run
 */
public record SoakResult(double capacity, double steadyRate, long steadyLagMax,
    double heapLiveStartMb, double heapLiveEndMb, double heapUsedMaxMb, long deadLetterGrowth,
    double burstRate, double burstSentRate, long burstLagMax, Duration burstDrain, boolean burstDrained, Accounting accounting) {

  /** The summary block the runner prints. */
  public String summary() {
    return String.format("== soak summary ==%n"
        + "measured capacity        %.1f stories/s (HTTP ingest, one story per request, to enriched)%n"
        + "steady rate              %.1f stories/s%n"
        + "steady lag max           %d records%n"
        + "enrich live heap         %.1f MB at start, %.1f MB at end (after full GC)%n"
        + "enrich heap in use max   %.1f MB%n"
        + "dead letters (growth)    %d%n"
        + "burst rate               %.1f stories/s asked, %.1f/s sent%n"
        + "burst lag max            %d records%n"
        + "burst drained in         %s%n"
        + "drain rate               %.1f stories/s (burst lag max / drain time)%n"
        + "%s",
        capacity, steadyRate, steadyLagMax, heapLiveStartMb, heapLiveEndMb, heapUsedMaxMb,
        deadLetterGrowth, burstRate, burstSentRate, burstLagMax, burstDrained ? String.format("%.1f s",
            burstDrain.toMillis() / 1000.0) : "NOT drained within the timeout",
        burstDrain.isZero() ? 0.0 : burstLagMax / (burstDrain.toMillis() / 1000.0),
        accounting.report());
  }
}
