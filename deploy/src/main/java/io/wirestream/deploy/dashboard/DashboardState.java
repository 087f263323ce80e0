package io.wirestream.deploy.dashboard;

import io.wirestream.deploy.dashboard.DashboardSnapshot.CountryCount;
import io.wirestream.deploy.dashboard.DashboardSnapshot.CountryWindow;
import io.wirestream.deploy.dashboard.DashboardSnapshot.DeadLetterLine;
import io.wirestream.deploy.dashboard.DashboardSnapshot.DeadLetters;
import io.wirestream.deploy.dashboard.DashboardSnapshot.Flow;
import io.wirestream.deploy.dashboard.DashboardSnapshot.Latency;
import io.wirestream.deploy.dashboard.DashboardSnapshot.Mark;
import io.wirestream.deploy.dashboard.DashboardSnapshot.Story;
import io.wirestream.deploy.dashboard.DashboardSnapshot.ToneMinute;
import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.TextField;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the dashboard knows, fed by the enriched and dead-letter topics and by the lag probe, and
 * turned into a {@link DashboardSnapshot} on request. Bounded: the latest stories, latency samples,
 * dead-letter reasons and tone minutes are kept in fixed-size windows. Thread-safe (monitor).
 */
public final class DashboardState {

  static final int LATEST_STORIES = 20;
  static final int LATEST_DEAD_LETTERS = 10;
  static final int LATENCY_SAMPLES = 1_000;
  static final int TONE_MINUTES = 30;
  static final int SNIPPET_CHARS = 320;
  private static final long MINUTE = 60_000;
  private static final int MAX_ERROR_CHARS = 300;

  private final long windowMillis;
  /**
   * Newest enrichment first. Ordered by enrichedAt, not by arrival: a page that starts by reading
   * the topic's history gets partitions in any order, and the newest must still come out on top.
   */
  private final TreeSet<Story> stories = new TreeSet<>(Comparator
      .comparingLong(Story::enrichedAt).reversed().thenComparing(Story::id)
      .thenComparingInt(Story::version));
  private final Deque<DeadLetterLine> deadLetters = new ArrayDeque<>();
  private final long[] latencies = new long[LATENCY_SAMPLES];
  private final TreeMap<Long, double[]> toneByMinute = new TreeMap<>();
  private final Map<String, CountryCount> countryCounts = new HashMap<>();
  private final RateMeter in = new RateMeter(10_000);
  private final RateMeter out = new RateMeter(10_000);
  private int latencyCount;
  private long storiesOut;
  private long deadLetterCount;
  private long currentWindow = Long.MIN_VALUE;
  private long storiesIn;
  private long lag = -1;

  /** @param trendWindow the tumbling window of the country bars (the enricher's trend window) */
  public DashboardState(final Duration trendWindow) {
    this.windowMillis = trendWindow.toMillis();
  }

  /** One record from the enriched topic; a null story is a tombstone (canceled or withheld). */
  public synchronized void onStory(final String id, final EnrichedArticle story,
      final long nowMillis) {
    storiesOut++;
    out.sample(nowMillis, storiesOut);
    if (story == null) {
      addStory(new Story(id, 0, "(withdrawn)", "", false, null, null, List.of(), null, null, List.of(),
          List.of(), nowMillis, 0, true));
      return;
    }
    final long enrichedAt = story.getProvenance().getEnrichedAt().toEpochMilli();
    final long latency = Math.max(0, enrichedAt - story.getIngestedAt().toEpochMilli());
    latencies[latencyCount++ % LATENCY_SAMPLES] = latency;
    countCountries(story, enrichedAt);
    if (story.getTone() != null) {
      final double[] minute = toneByMinute.computeIfAbsent(enrichedAt / MINUTE * MINUTE,
          key -> new double[2]);
      minute[0] += story.getTone().getScore();
      minute[1]++;
      while (toneByMinute.size() > TONE_MINUTES) {
        toneByMinute.pollFirstEntry();
      }
    }
    final String snippet = snippet(story.getBody());
    addStory(new Story(id, story.getVersion(), story.getHeadline(), snippet,
        snippet.length() < story.getBody().length(), story.getLanguage(), story.getPrimaryCountry(),
        story.getCountries().stream().map(CountryTag::getCode).toList(),
        story.getTone() == null ? null : story.getTone().getScore(),
        story.getTone() == null ? null : story.getTone().getLabel().name(),
        marks(story, TextField.HEADLINE, story.getHeadline().length()),
        marks(story, TextField.BODY, snippet.length()), enrichedAt, latency, false));
  }

  /** One record from the dead-letter topic. */
  public synchronized void onDeadLetter(final DeadLetter deadLetter, final long nowMillis) {
    deadLetterCount++;
    final String error = deadLetter.getErrorClass() + ": " + deadLetter.getErrorMessage();
    final String source = deadLetter.getSourceTopic() == null
        ? deadLetter.getOrigin() == null ? "" : deadLetter.getOrigin()
        : deadLetter.getSourceTopic() + "/" + deadLetter.getSourcePartition() + "@"
            + deadLetter.getSourceOffset();
    deadLetters.addFirst(new DeadLetterLine(deadLetter.getTimestamp().toEpochMilli(),
        deadLetter.getStage().name(), error.length() > MAX_ERROR_CHARS
            ? error.substring(0, MAX_ERROR_CHARS) + "..." : error, source));
    while (deadLetters.size() > LATEST_DEAD_LETTERS) {
      deadLetters.removeLast();
    }
  }

  /**
   * A reading of the raw topic and the enrich group: stories written to the raw topic so far (sum
   * of end offsets) and the group's lag, or -1 when unknown (group not yet committed).
   */
  public synchronized void onFlow(final long rawEndOffsets, final long groupLag,
      final long nowMillis) {
    storiesIn = rawEndOffsets;
    lag = groupLag;
    in.sample(nowMillis, rawEndOffsets);
    out.sample(nowMillis, storiesOut);
  }

  /** The page's view now. */
  public synchronized DashboardSnapshot snapshot(final long nowMillis) {
    final long window = nowMillis / windowMillis * windowMillis;
    final List<CountryCount> counts = window == currentWindow
        ? countryCounts.values().stream()
            .sorted(Comparator.comparingLong(CountryCount::stories).reversed()
                .thenComparing(CountryCount::code)).toList()
        : List.of();
    final List<ToneMinute> tone = new ArrayList<>();
    toneByMinute.forEach((minute, sum) -> tone.add(new ToneMinute(minute, sum[0] / sum[1],
        (long) sum[1])));
    return new DashboardSnapshot(nowMillis,
        new Flow(in.perSecond(), out.perSecond(), storiesIn, storiesOut, Math.max(lag, 0),
            lag >= 0),
        latency(), new DeadLetters(deadLetterCount, List.copyOf(deadLetters)),
        List.copyOf(stories), new CountryWindow(window, window + windowMillis, counts), tone);
  }

  private void addStory(final Story story) {
    stories.add(story);
    while (stories.size() > LATEST_STORIES) {
      stories.pollLast();
    }
  }

  private void countCountries(final EnrichedArticle story, final long enrichedAt) {
    final long window = enrichedAt / windowMillis * windowMillis;
    if (window < currentWindow) {
      return; // a late arrival from a window the page no longer shows
    }
    if (window > currentWindow) {
      currentWindow = window;
      countryCounts.clear();
    }
    for (final CountryTag tag : story.getCountries()) {
      countryCounts.merge(tag.getCode(), new CountryCount(tag.getCode(), tag.getName(), 1),
          (a, b) -> new CountryCount(a.code(), a.name(), a.stories() + 1));
    }
  }

  private Latency latency() {
    final int n = Math.min(latencyCount, LATENCY_SAMPLES);
    if (n == 0) {
      return new Latency(0, 0, 0, 0);
    }
    final long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    return new Latency(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[n - 1], n);
  }

  private static long percentile(final long[] sorted, final double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
  }

  /** The start of the body, cut at a word boundary so marks inside it stay whole. */
  static String snippet(final String body) {
    if (body.length() <= SNIPPET_CHARS) {
      return body;
    }
    final int space = body.lastIndexOf(' ', SNIPPET_CHARS);
    return body.substring(0, space > SNIPPET_CHARS / 2 ? space : SNIPPET_CHARS);
  }

  /** Mentions in one field that lie wholly inside its first {@code limit} chars, in order. */
  static List<Mark> marks(final EnrichedArticle story, final TextField field, final int limit) {
    final List<Mark> marks = new ArrayList<>();
    for (final Entity entity : story.getEntities()) {
      for (final Mention mention : entity.getMentions()) {
        if (mention.getField() == field && mention.getStart() >= 0
            && mention.getEnd() <= limit && mention.getStart() < mention.getEnd()) {
          marks.add(new Mark(mention.getStart(), mention.getEnd(),
              entity.getType().name().toLowerCase(Locale.ROOT), entity.getName()));
        }
      }
    }
    marks.sort(Comparator.comparingInt(Mark::start));
    // Overlaps cannot be drawn as nested highlights; keep the first of each overlapping run.
    final List<Mark> disjoint = new ArrayList<>();
    int end = -1;
    for (final Mark mark : marks) {
      if (mark.start() >= end) {
        disjoint.add(mark);
        end = mark.end();
      }
    }
    return disjoint;
  }
}
