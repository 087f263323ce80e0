package io.wirestream.reliability.accounting;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Stories in against stories out for one stretch of load: what the ingest endpoint accepted, what a
 * read_committed consumer found in the enriched topic, and the difference.
 *
 * @param label what was done (the fault)
 * @param accepted ids the endpoint answered 202 for
 * @param enrichedDistinct accepted ids found in the enriched topic
 * @param lost accepted ids not found
 * @param duplicated ids found more than once, with their count
 * @param unacknowledgedButEnriched ids the client was not told were accepted, found anyway
 * @param recordsRead records read from the topic in all
 * @param timeToComplete from the end of the load until every accepted id was found (or the timeout)
 */
public record Accounting(String label, int accepted, int enrichedDistinct, List<String> lost,
    Map<String, Integer> duplicated, int unacknowledgedButEnriched, long recordsRead,
    Duration timeToComplete) {

  /** The accounting, as the tests print it. */
  public String report() {
    final StringBuilder out = new StringBuilder();
    out.append("== ").append(label).append(" ==").append(System.lineSeparator());
    out.append(String.format("accepted (202)          %d%n", accepted));
    out.append(String.format("enriched, distinct      %d%n", enrichedDistinct));
    out.append(String.format("lost                    %d %s%n", lost.size(),
        lost.size() > 50 ? lost.subList(0, 50) + " ..." : lost));
    out.append(String.format("duplicated              %d %s%n", duplicated.size(),
        duplicated.size() > 50 ? "(first 50 shown) " + duplicated.entrySet().stream().limit(50)
            .toList() : duplicated));
    out.append(String.format("not 202 but enriched    %d%n", unacknowledgedButEnriched));
    out.append(String.format("records read (topic)    %d%n", recordsRead));
    out.append(String.format("all accepted out after  %.1f s (after the load stopped)%n",
        timeToComplete.toMillis() / 1000.0));
    return out.toString();
  }
}
