package io.wirestream.reliability.load;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a load driver saw: every id the ingest endpoint accepted (202, i.e. acknowledged by the
 * brokers), and every request that was not, by status.
 *
 * @param sent requests sent
 * @param accepted ids answered 202
 * @param refused status code (or "error: type" for an I/O failure) to count, for the others
 * @param refusedIds ids of the requests not answered 202 (their fate is unknown to the client)
 * @param skipped ticks with no request sent because the in-flight limit was reached
 * @param maxLatencyMs slowest answer
 * @param seconds how long the driver ran
 */
public record LoadReport(long sent, Set<String> accepted, Map<String, Long> refused,
    List<String> refusedIds, long skipped, long maxLatencyMs, double seconds) {

  /** Requests per second actually sent. */
  public double rate() {
    return seconds <= 0 ? 0 : sent / seconds;
  }

  /** One line for the logs. */
  public String summary() {
    return String.format("sent %d in %.1f s (%.1f/s), accepted (202) %d, not accepted %s,"
        + " skipped ticks %d, slowest answer %d ms", sent, seconds, rate(), accepted.size(),
        refused, skipped, maxLatencyMs);
  }
}
