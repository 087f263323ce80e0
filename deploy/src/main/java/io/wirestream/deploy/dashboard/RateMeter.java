package io.wirestream.deploy.dashboard;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Events per second from samples of a growing total, over a sliding span: smooth enough to read
 * on a page, quick enough to show a burst. Not thread-safe; its owner synchronizes.
 */
final class RateMeter {

  private final long spanMillis;
  private final Deque<long[]> samples = new ArrayDeque<>();

  RateMeter(final long spanMillis) {
    this.spanMillis = spanMillis;
  }

  void sample(final long nowMillis, final long total) {
    samples.addLast(new long[] {nowMillis, total});
    while (samples.size() > 2 && samples.peekFirst()[0] < nowMillis - spanMillis) {
      samples.removeFirst();
    }
  }

  double perSecond() {
    if (samples.size() < 2) {
      return 0;
    }
    final long[] first = samples.peekFirst();
    final long[] last = samples.peekLast();
    final long millis = last[0] - first[0];
    return millis <= 0 ? 0 : (last[1] - first[1]) * 1000.0 / millis;
  }
}
