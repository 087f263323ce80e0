package io.wirestream.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A generated news corpus with known syndicated copies and hard negatives, for measuring
 * near-duplicate detection: originals of 4-9 paragraphs over a Zipf-distributed vocabulary of
 * pseudo-words with recurring names; copies of an original or of an earlier copy (an exact
 * re-send, another byline and dateline, the first half, two paragraphs added, light edits);
 * and stories that must not merge: siblings on one topic that share the names and a boilerplate
 * paragraph, and daily market reports and league tables of one shape with other figures. Every
 * story knows the original it comes from. Deterministic for a seed.
 */
final class SyndicationCorpus {

  /** How a story came to be. */
  enum Kind { ORIGINAL, RESEND, RESTYLED, FIRST_HALF, EXTENDED, EDITED, SIBLING, MARKET, TABLE }

  /**
   * One story.
   *
   * @param id story id
   * @param root id of the original it is a copy of, or its own id
   * @param kind how it was made
   * @param time when it arrives (minutes)
   * @param body its text
   */
  record Story(String id, String root, Kind kind, double time, String body) {
    boolean isCopy() {
      return !root.equals(id);
    }
  }

  private static final int VOCABULARY = 20_000;
  private static final String[] SYLLABLES = {"ka", "ro", "mi", "ten", "vos", "li", "dar", "ne",
      "sul", "po", "ma", "ri", "gan", "te", "lo", "bex", "ur", "sa", "fin", "do", "he", "qua",
      "zel", "an", "mor", "ti", "vek", "ol"};
  private static final String[] TEAMS = {"Nordvik", "Eastport", "Merriton", "Sandvale",
      "Kirkholm", "Brackley", "Alder Park", "Westfold", "Harlow", "Dunmore", "Ravensby",
      "Castlebridge", "Fenwick", "Oakham", "Tarrow", "Lindqvist"};

  private final SplittableRandom random;
  private final String[] words = new String[VOCABULARY];
  private final double[] cumulative = new double[VOCABULARY];
  private final String[] names = new String[400];

  SyndicationCorpus(final long seed) {
    this.random = new SplittableRandom(seed);
    double sum = 0;
    for (int i = 0; i < VOCABULARY; i++) {
      words[i] = pseudoWord(i);
      sum += 1.0 / Math.pow(i + 1, 1.05);
      cumulative[i] = sum;
    }
    for (int i = 0; i < VOCABULARY; i++) {
      cumulative[i] /= sum;
    }
    for (int i = 0; i < names.length; i++) {
      final String w = pseudoWord(VOCABULARY + i);
      names[i] = Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
  }

  private static String pseudoWord(final int n) {
    final StringBuilder sb = new StringBuilder();
    int x = n + 1;
    while (x > 0) {
      sb.append(SYLLABLES[x % SYLLABLES.length]);
      x /= SYLLABLES.length;
    }
    return sb.toString();
  }

  private String word() {
    final double u = random.nextDouble();
    int low = 0;
    int high = VOCABULARY - 1;
    while (low < high) {
      final int mid = (low + high) >>> 1;
      if (cumulative[mid] < u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return words[low];
  }

  private String sentence(final String[] cast) {
    final int n = 10 + random.nextInt(16);
    final StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      final String w = random.nextInt(9) == 0 ? cast[random.nextInt(cast.length)] : word();
      sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w)
          .append(i == n - 1 ? "." : " ");
    }
    return sb.toString();
  }

  private String paragraph(final String[] cast) {
    final int n = 2 + random.nextInt(3);
    final List<String> sentences = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sentences.add(sentence(cast));
    }
    return String.join(" ", sentences);
  }

  private String[] cast() {
    final String[] cast = new String[3 + random.nextInt(3)];
    for (int i = 0; i < cast.length; i++) {
      cast[i] = names[random.nextInt(names.length)] + " " + names[random.nextInt(names.length)];
    }
    return cast;
  }

  private List<String> paragraphs(final String[] cast, final int count) {
    final List<String> ps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ps.add(paragraph(cast));
    }
    return ps;
  }

  /** About {@code total} stories, sorted by arrival. */
  List<Story> generate(final int total) {
    final List<Story> stories = new ArrayList<>(total + 64);
    int id = 0;
    // Daily series of one shape: 2 market reports and 1 league table a day.
    final int days = Math.max(10, total / 400);
    for (int day = 0; day < days; day++) {
      for (int market = 0; market < 2; market++) {
        stories.add(new Story("s" + id, "s" + id, Kind.MARKET, day * 1440.0 + 600 + market * 60,
            marketReport(market)));
        id++;
      }
      stories.add(new Story("s" + id, "s" + id, Kind.TABLE, day * 1440.0 + 1200, leagueTable()));
      id++;
    }
    while (stories.size() < total) {
      final double time = random.nextDouble() * days * 1440.0;
      final String[] cast = cast();
      final List<String> body = paragraphs(cast, 4 + random.nextInt(6));
      final String rootId = "s" + id++;
      final List<Story> family = new ArrayList<>();
      family.add(new Story(rootId, rootId, Kind.ORIGINAL, time, String.join("\n\n", body)));
      if (random.nextInt(100) < 12) {
        // Siblings: the same people and the same closing boilerplate, other news.
        final String boilerplate = body.get(body.size() - 1);
        for (int s = 0, n = 1 + random.nextInt(2); s < n; s++) {
          final List<String> other = paragraphs(cast, 3 + random.nextInt(4));
          other.add(boilerplate);
          final String sid = "s" + id++;
          stories.add(new Story(sid, sid, Kind.SIBLING, time + 60 + random.nextDouble() * 600,
              String.join("\n\n", other)));
        }
      }
      if (random.nextInt(100) < 40) {
        for (int c = 0, n = 1 + random.nextInt(4); c < n; c++) {
          final Story source = family.get(random.nextInt(family.size()));
          final Kind kind = Kind.values()[1 + random.nextInt(5)];
          final String cid = "s" + id++;
          family.add(new Story(cid, rootId, kind, source.time() + 1 + random.nextDouble() * 240,
              copy(kind, source.body(), cast)));
        }
      }
      stories.addAll(family);
    }
    stories.sort(Comparator.comparingDouble(Story::time));
    return stories;
  }

  private String copy(final Kind kind, final String body, final String[] cast) {
    final List<String> ps = new ArrayList<>(List.of(body.split("\n\n")));
    return switch (kind) {
      case RESEND -> body;
      case RESTYLED -> "By " + names[random.nextInt(names.length)] + ", "
          + names[random.nextInt(names.length)] + " Times\n\n"
          + names[random.nextInt(names.length)].toUpperCase(Locale.ROOT) + ", "
          + (1 + random.nextInt(28)) + " March - " + body;
      case FIRST_HALF -> String.join("\n\n", ps.subList(0, Math.max(2, (ps.size() + 1) / 2)));
      case EXTENDED -> {
        final int at = 1 + random.nextInt(ps.size());
        ps.add(Math.min(at, ps.size()), paragraph(cast));
        ps.add(Math.min(at + 1, ps.size()), paragraph(cast));
        yield String.join("\n\n", ps);
      }
      case EDITED -> {
        // An outlet's light edit: 3% of words changed, one sentence dropped.
        final String[] ws = body.split(" ");
        for (int i = 0; i < ws.length; i++) {
          if (random.nextInt(100) < 3) {
            ws[i] = word();
          }
        }
        final String edited = String.join(" ", ws);
        final int cut = edited.indexOf(". ", edited.length() / 3);
        final int next = cut < 0 ? -1 : edited.indexOf(". ", cut + 2);
        yield next < 0 ? edited : edited.substring(0, cut + 2) + edited.substring(next + 2);
      }
      default -> throw new IllegalArgumentException(kind.name());
    };
  }

  private String marketReport(final int market) {
    final String index = market == 0 ? "VX30" : "North 50";
    final boolean up = random.nextBoolean();
    final StringBuilder sb = new StringBuilder();
    sb.append("Stocks closed ").append(up ? "higher" : "lower").append(" on the day, with the ")
        .append(index).append(" index ").append(up ? "rising " : "falling ")
        .append(String.format(Locale.ROOT, "%.1f", random.nextDouble() * 2))
        .append(" percent to ").append(3000 + random.nextInt(2000)).append(" points.\n\n");
    for (int i = 0; i < 6; i++) {
      sb.append(names[(market * 50 + i * 7) % names.length]).append(" Group ")
          .append(random.nextBoolean() ? "gained " : "lost ")
          .append(String.format(Locale.ROOT, "%.1f", random.nextDouble() * 5))
          .append(" percent to ").append(10 + random.nextInt(400)).append(" crowns. ");
    }
    sb.append("\n\nTrading volume was ").append(String.format(Locale.ROOT, "%.1f",
        0.5 + random.nextDouble())).append(" billion shares. The crown traded at ")
        .append(String.format(Locale.ROOT, "%.2f", 9 + random.nextDouble() * 2))
        .append(" per dollar and the ten-year yield was ")
        .append(String.format(Locale.ROOT, "%.2f", 2 + random.nextDouble() * 2)).append(" percent.");
    return sb.toString();
  }

  private String leagueTable() {
    final StringBuilder sb = new StringBuilder("Premier Division standings after the day's"
        + " matches (played, won, drawn, lost, goals for, goals against, points):\n");
    for (int i = 0; i < TEAMS.length; i++) {
      final int won = random.nextInt(15);
      final int drawn = random.nextInt(8);
      sb.append(i + 1).append(". ").append(TEAMS[(i * 5 + random.nextInt(2)) % TEAMS.length])
          .append(' ').append(20).append(' ').append(won).append(' ').append(drawn).append(' ')
          .append(20 - won - drawn < 0 ? 0 : 20 - won - drawn).append(' ')
          .append(10 + random.nextInt(40)).append(' ').append(10 + random.nextInt(40)).append(' ')
          .append(won * 3 + drawn).append('\n');
    }
    return sb.toString();
  }
}
