package io.wirestream.reliability.soak;

import java.time.Duration;

/**
 * How a soak runs.
 *
 * @param brokers Kafka nodes (separate JVMs); 1 is enough for load, 3 for replication
 * @param partitions partitions of the topics
 * @param probeStories stories sent as fast as ingest takes them first, to measure capacity
 * @param rate steady stories per second; 0 to use {@code loadFactor} times the measured capacity
 * @param loadFactor share of the measured capacity used as the steady rate
 * @param soak how long the steady rate runs
 * @param interval sampling interval of the table
 * @param burstFactor burst rate as a multiple of the steady rate
 * @param burst how long the burst lasts
 * @param drainTimeout the longest wait for the lag to drain after the burst
 */
public record SoakSettings(int brokers, int partitions, int probeStories, double rate,
    double loadFactor, Duration soak, Duration interval, double burstFactor, Duration burst,
    Duration drainTimeout) {

  /** A short run: 2 minutes of steady load, a 10 s burst. */
  public static SoakSettings defaults() {
    return new SoakSettings(1, 6, 3000, 0, 0.7, Duration.ofMinutes(2), Duration.ofSeconds(10),
        10, Duration.ofSeconds(10), Duration.ofMinutes(5));
  }
}
