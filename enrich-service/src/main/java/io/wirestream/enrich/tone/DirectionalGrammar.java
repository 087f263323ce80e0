package io.wirestream.enrich.tone;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The directional grammar of economic news, over one sentence's words after VADER's word rules.
 *
 * <p>Most financial sentiment is a quantity moving: "operating profit rose" is good, "net loss
 * narrowed" is good, "sales decreased 5%" and "costs rose" are bad, "the company will cut 150 jobs"
 * is bad. A word list sees "loss" and "narrowed" and calls the second one bad twice. Here:
 * <ol>
 *   <li>A <b>quantity</b> is good when it goes up (profit, sales, revenue, orders, margin, growth,
 *       dividend, employment, jobs, shares, ...) or bad when it goes up (loss, costs, debt,
 *       deficit, unemployment, layoffs, inflation, ...).</li>
 *   <li>A <b>direction</b> word goes up (rise, increase, grow, climb, jump, higher, record, ...) or
 *       down (fall, decline, drop, narrow, cut, reduce, lower, ...); "improve" and "worsen" are
 *       good and bad whatever the quantity.</li>
 *   <li>Each direction is paired with the nearest quantity of its clause, up to
 *       {@value #LEFT_WINDOW} words before it (the subject: "net sales fell") or
 *       {@value #RIGHT_WINDOW} after (the object or complement: "cut costs", "a rise of 5% in
 *       orders"), figures ("5", "%", "EUR", "mn") not counted; a direction that opens a clause
 *       (", up 5% from a year earlier") takes the nearest quantity of the clause before.
 *       Clauses end at commas, semicolons, colons, dashes and at words such as "but", "while",
 *       "as", "after". The pair carries {@value #PAIR_VALENCE} times (quantity sign x direction
 *       sign) in place of the two words' own lexicon valences; a negation up to two words before
 *       the pair ("did not rise", "no increase in costs") flips it as VADER's negation does;
 *       "sharply" and "slightly" near the direction scale it; "than expected" strengthens it.</li>
 *   <li>A quantity left unpaired whose clause compares two figures ("EUR 5.1 mn, compared with
 *       EUR 3.2 mn", "... from EUR 4 mn") moves in the direction of the figures; compared with
 *       its opposite ("a loss, compared with a profit") it counts as grown.</li>
 *   <li>"beat", "topped", "exceeded" and "missed" followed by expectations, estimates, forecasts or
 *       consensus are good and bad.</li>
 *   <li>"up" and "down" after a phrasal-verb head ("set up", "step down", "shut down") are
 *       neither direction nor sentiment.</li>
 * </ol>
 * Stateless and thread-safe.
 */
final class DirectionalGrammar {

  /** The shared instance. */
  static final DirectionalGrammar INSTANCE = new DirectionalGrammar();

  /** Valence of a quantity-direction pair, about VADER's "good" (1.9) or "bad" (-2.5). */
  static final double PAIR_VALENCE = 2.8;
  /** Valence of a quantity that moves by the figures it is compared with. */
  static final double FIGURES_VALENCE = 2.4;
  /** Words a direction looks back for its quantity. */
  static final int LEFT_WINDOW = 6;
  /** Words a direction looks ahead for its quantity. */
  static final int RIGHT_WINDOW = 4;
  /** Factor of "than expected" on a pair. */
  static final double THAN_EXPECTED = 1.3;

  private static final Map<String, Integer> QUANTITY = new HashMap<>();
  private static final Map<String, Integer> DIRECTION = new HashMap<>();
  private static final Map<String, Integer> ABSOLUTE = new HashMap<>();
  private static final Map<String, Integer> VERDICT = new HashMap<>();
  private static final Map<String, Double> INTENSITY = new HashMap<>();
  private static final Map<String, Double> MULTIPLIER = new HashMap<>();

  static {
    words(QUANTITY, 1, "profit", "profits", "earnings", "sales", "revenue", "revenues",
        "turnover", "orders", "order", "backlog", "margin", "margins", "growth", "dividend",
        "dividends", "employment", "jobs", "job", "payrolls", "income", "ebit", "ebitda", "ebita",
        "eps", "result", "results", "cashflow", "demand", "output", "production", "exports",
        "shares", "share", "stock", "stocks", "valuation", "rating", "ratings", "guidance",
        "outlook", "forecast", "forecasts", "volume", "volumes", "deliveries", "subscribers",
        "customers", "productivity", "gdp", "economy", "index", "market", "markets",
        "confidence", "traffic", "passengers", "occupancy", "investment", "investments",
        "bookings", "shipments", "spending", "hiring", "value", "surplus",
        "competitiveness", "efficiency", "liquidity", "solvency");
    words(QUANTITY, -1, "loss", "losses", "cost", "costs", "expense", "expenses", "expenditure",
        "debt", "debts", "deficit", "deficits", "unemployment", "jobless", "layoffs", "layoff",
        "redundancies", "inflation", "risk", "risks", "impairment", "impairments", "writedown",
        "writedowns", "write-down", "write-downs", "provisions", "liabilities", "borrowing",
        "borrowings", "defaults", "delinquencies", "arrears", "bankruptcies", "insolvencies",
        "tariffs", "uncertainty", "poverty", "crime", "deaths", "casualties", "emissions",
        "churn", "outflows", "leverage", "shortfall", "downtime");
    words(DIRECTION, 1, "rise", "rises", "rose", "risen", "rising", "increase", "increases",
        "increased", "increasing", "grow", "grows", "grew", "grown", "growing", "climb", "climbs",
        "climbed", "climbing", "gain", "gains", "gained", "gaining", "jump", "jumps", "jumped",
        "jumping", "surge", "surges", "surged", "surging", "soar", "soars", "soared", "soaring",
        "up", "higher", "advance", "advances", "advanced", "boost", "boosts", "boosted",
        "boosting", "double", "doubled", "doubling", "tripled", "expand", "expands", "expanded",
        "expanding", "expansion", "widen", "widens", "widened", "widening", "raise", "raises",
        "raised", "raising", "hike", "hikes", "hiked", "accelerate", "accelerated",
        "accelerating", "spike", "spiked", "swell", "swelled", "balloon", "ballooned", "mount",
        "mounting", "mounted", "rally", "rallied", "rallies", "added", "bigger", "larger",
        "greater", "stronger", "record", "highest", "upturn", "strengthen", "strengthened",
        "lift", "lifted", "lifts", "increasingly", "turned", "swung", "swings", "returned");
    words(DIRECTION, -1, "fall", "falls", "fell", "fallen", "falling", "decline", "declines",
        "declined", "declining", "drop", "drops", "dropped", "dropping", "decrease", "decreases",
        "decreased", "decreasing", "narrow", "narrows", "narrowed", "narrowing", "shrink",
        "shrinks", "shrank", "shrunk", "shrinking", "cut", "cuts", "cutting", "reduce", "reduces",
        "reduced", "reducing", "reduction", "reductions", "lower", "lowered", "lowering", "down",
        "slump", "slumps", "slumped", "plunge", "plunges", "plunged", "plunging", "tumble",
        "tumbles", "tumbled", "tumbling", "slide", "slides", "slid", "sliding", "dip", "dips",
        "dipped", "weaken", "weakened", "weakening", "weaker", "halve", "halved",
        "contracted", "contracting", "contraction", "sink", "sinks", "sank", "sunk", "slip",
        "slips", "slipped", "ease", "eased", "easing", "retreat", "retreated", "slow", "slowed",
        "slowing", "slowdown", "shed", "sheds", "shedding", "lose", "loses", "lost", "trim",
        "trimmed", "slash", "slashed", "slashing", "erode", "eroded", "eroding", "smaller",
        "fewer", "lowest", "downturn", "crash", "crashed", "tank", "tanked", "collapse",
        "collapsed", "sagged", "softened", "softer");
    words(ABSOLUTE, 1, "improve", "improves", "improved", "improving", "improvement", "better",
        "recovered", "recover", "recovers", "healthy", "solid", "robust");
    words(ABSOLUTE, -1, "worsen", "worsens", "worsened", "worsening", "deteriorate",
        "deteriorated", "deteriorating", "deterioration", "worse", "weak", "poor", "sluggish",
        "disappointing");
    words(VERDICT, 1, "beat", "beats", "beating", "topped", "tops", "exceeded", "exceeds",
        "exceeding", "surpassed", "surpasses", "outperformed", "outpaced");
    words(VERDICT, -1, "missed", "miss", "misses", "missing", "lagged", "trailed");
    for (final String w : new String[] {"sharply", "significantly", "strongly", "substantially",
        "considerably", "dramatically", "steeply", "markedly", "heavily", "greatly", "rapidly",
        "sharp", "significant", "strong", "substantial", "considerable", "dramatic", "steep"}) {
      INTENSITY.put(w, 1.3);
    }
    // A small move is still a move: dampened, but not below a plain word's weight.
    for (final String w : new String[] {"slightly", "marginally", "somewhat", "modestly",
        "slight", "marginal", "modest", "moderate", "moderately"}) {
      INTENSITY.put(w, 0.85);
    }
    for (final String w : new String[] {"mn", "m", "mln", "million", "millions"}) {
      MULTIPLIER.put(w, 1e6);
    }
    for (final String w : new String[] {"bn", "b", "bln", "billion", "billions"}) {
      MULTIPLIER.put(w, 1e9);
    }
    for (final String w : new String[] {"k", "thousand", "thousands"}) {
      MULTIPLIER.put(w, 1e3);
    }
  }

  /** Words of a figure besides numbers and multipliers. */
  private static final Set<String> FIGURE_WORDS = Set.of("percent", "pct", "per", "cent",
      "eur", "euro", "euros", "usd", "dollars", "gbp", "sek", "nok", "dkk", "chf", "jpy", "yen",
      "points", "basis", "bps", "pc");

  /** Nouns a verdict ("beat", "missed") is about. */
  private static final Set<String> EXPECTATIONS = Set.of("expectations", "expectation",
      "estimates", "estimate", "forecast", "forecasts", "consensus", "projections", "targets",
      "target", "views", "guidance", "predictions");

  /** What "than" is followed by in "than expected". */
  private static final Set<String> EXPECTED = Set.of("expected", "anticipated", "forecast",
      "estimated", "predicted", "feared", "hoped", "projected", "thought");

  /** Words that open a new clause: a direction never pairs across them. */
  private static final Set<String> BARRIERS = Set.of("but", "while", "whereas", "although",
      "though", "however", "yet", "as", "after", "because", "despite", "amid", "since", "when",
      "which", "who", "that", "if", "unless", "said", "says");

  /** Words that introduce the earlier figure of a comparison. */
  private static final Set<String> COMPARED = Set.of("compared", "from", "against", "versus",
      "vs", "year-earlier", "year-ago");

  /** Verbs that make "up"/"down" a particle ("set up", "step down"), not a direction. */
  private static final Set<String> PHRASAL_HEADS = Set.of("set", "sets", "setting", "sign",
      "signed", "signs", "signing", "shut", "shuts", "shutting", "break", "broke", "broken",
      "wind", "winding", "wound", "close", "closed", "closing", "turn", "turned", "turning",
      "crack", "cracked", "cracking", "back", "backed", "pick", "picked", "show", "showed",
      "end", "ended", "come", "came", "take", "took", "taken", "make", "made", "line", "lined",
      "open", "opened", "pay", "paid", "hold", "held", "put", "bring", "brought", "clean",
      "cleaned", "sum", "summed", "follow", "followed", "team", "teamed", "step", "stepped",
      "stepping", "stand", "stood", "standing", "bogged", "calm", "sit", "sat", "build", "built",
      "speak", "spoke", "gear", "geared", "tear", "tore", "knock", "knocked", "shot", "shoot",
      "beef", "beefed", "hand", "handed", "sold", "sell", "sign-up", "write", "wrote", "looked",
      "look", "play", "played", "blow", "blew", "mixed", "mix", "hung", "hang", "boil", "boiled",
      "cooked", "cook", "locked", "lock", "backing", "pointed", "point", "drew", "draw", "burn",
      "burned", "rule", "ruled", "vote", "voted", "called", "call", "shake", "shook");

  private DirectionalGrammar() {
  }

  private static void words(final Map<String, Integer> map, final int sign,
      final String... words) {
    for (final String w : words) {
      map.put(w, sign);
    }
  }

  /**
   * Applies the grammar to one sentence, in place: pairs replace the sentiments of their words.
   *
   * @param keys the words (lower case), {@code n} of them
   * @param negating whether each word negates (VADER's list and any "n't")
   * @param breakAfter whether a clause ends after each word
   * @param n number of words
   * @param sentiments each word's sentiment after VADER's word rules
   */
  void apply(final String[] keys, final boolean[] negating, final boolean[] breakAfter,
      final int n, final double[] sentiments) {
    final int[] quantity = new int[n];
    final int[] direction = new int[n];
    final int[] clause = new int[n];
    boolean anyQuantity = false;
    boolean anyDirection = false;
    int clauseNo = 0;
    for (int i = 0; i < n; i++) {
      final String key = keys[i];
      if (BARRIERS.contains(key)) {
        clauseNo++;
      }
      clause[i] = clauseNo;
      if (breakAfter[i]) {
        clauseNo++;
      }
      final Integer q = QUANTITY.get(key);
      if (q != null) {
        quantity[i] = q;
        anyQuantity = true;
      }
      direction[i] = directionOf(keys, i);
      if (direction[i] != 0) {
        anyDirection = true;
      } else if ((key.equals("up") || key.equals("down")) && i > 0
          && PHRASAL_HEADS.contains(keys[i - 1])) {
        sentiments[i] = 0.0;
      }
      final Integer v = VERDICT.get(key);
      if (v != null) {
        verdict(keys, negating, n, sentiments, i, v);
      }
    }
    if (!anyQuantity) {
      return;
    }
    final boolean[] paired = new boolean[n];
    if (anyDirection) {
      for (int i = 0; i < n; i++) {
        if (direction[i] != 0) {
          pair(keys, negating, n, sentiments, quantity, direction, clause, paired, i);
        }
      }
    }
    for (int j = 0; j < n; j++) {
      if (quantity[j] != 0 && !paired[j]) {
        final int figures = figures(keys, n, j, sentiments);
        if (figures != 0) {
          sentiments[j] = quantity[j] * figures * FIGURES_VALENCE;
        }
      }
    }
  }

  /** Direction of the word at {@code i}: +2/-2 for good/bad whatever the quantity, +1/-1, 0. */
  private static int directionOf(final String[] keys, final int i) {
    String key = keys[i];
    final int than = key.indexOf("-than-");
    if (than > 0) {
      // "weaker-than-expected", "better-than-forecast": the comparative decides.
      key = key.substring(0, than);
    }
    final Integer abs = ABSOLUTE.get(key);
    if (abs != null) {
      return 2 * abs;
    }
    final Integer d = DIRECTION.get(key);
    if (d == null) {
      return 0;
    }
    if ((key.equals("up") || key.equals("down")) && i > 0
        && PHRASAL_HEADS.contains(keys[i - 1])) {
      return 0;
    }
    return d;
  }

  private static void pair(final String[] keys, final boolean[] negating, final int n,
      final double[] sentiments, final int[] quantity, final int[] direction, final int[] clause,
      final boolean[] paired, final int i) {
    // Nearest quantity of the clause; figures ("5", "%", "EUR", "mn") do not count as distance.
    int best = -1;
    int left = i;
    int right = i;
    int leftDistance = 0;
    int rightDistance = 0;
    while (best < 0 && (leftDistance < LEFT_WINDOW || rightDistance < RIGHT_WINDOW)) {
      boolean moved = false;
      if (leftDistance < LEFT_WINDOW && left > 0 && clause[left - 1] == clause[i]) {
        left--;
        moved = true;
        if (!isFigure(keys, left)) {
          leftDistance++;
        }
        if (quantity[left] != 0) {
          best = left;
          break;
        }
      }
      if (rightDistance < RIGHT_WINDOW && right < n - 1 && clause[right + 1] == clause[i]) {
        right++;
        moved = true;
        if (!isFigure(keys, right)) {
          rightDistance++;
        }
        if (quantity[right] != 0) {
          best = right;
          break;
        }
      }
      if (!moved) {
        break;
      }
    }
    if (best < 0 && opensClause(keys, clause, i)) {
      // ", up 5% from a year earlier", ", down from EUR 6.1 mn": the quantity is the previous
      // clause's (an appositive), the nearest one there.
      for (int k = i - 1; k >= 0 && k >= i - LEFT_WINDOW - 4 && clause[k] >= clause[i] - 1; k--) {
        if (quantity[k] != 0 && clause[k] == clause[i] - 1) {
          best = k;
          break;
        }
      }
    }
    if (best < 0) {
      return;
    }
    final int d = direction[i];
    double v = (Math.abs(d) == 2 ? Integer.signum(d) : quantity[best] * d) * PAIR_VALENCE;
    final int first = Math.min(i, best);
    for (int k = Math.max(0, first - 2); k < Math.max(i, best); k++) {
      if (negating[k]) {
        v *= Vader.N_SCALAR;
        break;
      }
    }
    for (int k = Math.max(0, i - 2); k <= Math.min(n - 1, i + 2); k++) {
      final Double f = INTENSITY.get(keys[k]);
      if (f != null) {
        v *= f;
        sentiments[k] = 0.0;
        break;
      }
    }
    if (keys[i].contains("-than-") || thanExpected(keys, n, i)) {
      v *= THAN_EXPECTED;
    }
    sentiments[best] = 0.0;
    sentiments[i] = v;
    paired[best] = true;
  }

  /** A figure: a number, a percent, a currency or a unit ("5", "pct", "EUR", "mn"). */
  private static boolean isFigure(final String[] keys, final int k) {
    final String key = keys[k];
    final char c = key.charAt(0);
    return c >= '0' && c <= '9' || MULTIPLIER.containsKey(key) || FIGURE_WORDS.contains(key);
  }

  /** Whether the word at {@code i} opens its clause, after figures only ("5% up"). */
  private static boolean opensClause(final String[] keys, final int[] clause, final int i) {
    int k = i - 1;
    while (k >= 0 && clause[k] == clause[i] && isFigure(keys, k)) {
      k--;
    }
    return k >= 0 && clause[k] == clause[i] - 1;
  }

  private static boolean thanExpected(final String[] keys, final int n, final int i) {
    for (int k = i + 1; k < Math.min(n - 1, i + 4); k++) {
      if (keys[k].equals("than") && EXPECTED.contains(keys[k + 1])) {
        return true;
      }
    }
    return false;
  }

  private static void verdict(final String[] keys, final boolean[] negating, final int n,
      final double[] sentiments, final int i, final int sign) {
    for (int k = i + 1; k < Math.min(n, i + 5); k++) {
      if (EXPECTATIONS.contains(keys[k])) {
        double v = sign * PAIR_VALENCE;
        if ((i > 0 && negating[i - 1]) || (i > 1 && negating[i - 2])) {
          v *= Vader.N_SCALAR;
        }
        sentiments[i] = v;
        sentiments[k] = 0.0;
        return;
      }
    }
  }

  /**
   * +1 or -1 when the clause after the quantity at {@code j} gives a figure and then, after
   * "compared", "from", "against" or "versus", a smaller or larger earlier one; else 0.
   */
  private static int figures(final String[] keys, final int n, final int j,
      final double[] sentiments) {
    double current = Double.NaN;
    boolean compared = false;
    for (int k = j + 1; k < n && k < j + 25; k++) {
      final String key = keys[k];
      final Integer other = QUANTITY.get(key);
      if (other != null && compared && other == -QUANTITY.get(keys[j])) {
        // "a loss of EUR 3 mn, compared with a profit of EUR 1 mn": the quantity took over
        // from its opposite, as if it had grown; the opposite's own valence goes with it.
        sentiments[k] = 0.0;
        return 1;
      }
      if (other != null || key.equals("but") || key.equals("while")) {
        return 0;
      }
      if (COMPARED.contains(key)) {
        if (Double.isNaN(current)) {
          return 0;
        }
        compared = true;
        continue;
      }
      final double value = number(keys, n, k);
      if (Double.isNaN(value)) {
        continue;
      }
      if (!compared) {
        if (Double.isNaN(current)) {
          current = value;
        }
      } else {
        return value == current ? 0 : current > value ? 1 : -1;
      }
    }
    return 0;
  }

  /** The figure at {@code k} times a following "mn"/"billion", or NaN; years are not figures. */
  private static double number(final String[] keys, final int n, final int k) {
    final String key = keys[k];
    final char c0 = key.charAt(0);
    if (c0 < '0' || c0 > '9') {
      return Double.NaN;
    }
    double value = 0;
    double scale = 0;
    for (int i = 0; i < key.length(); i++) {
      final char c = key.charAt(i);
      if (c >= '0' && c <= '9') {
        if (scale == 0) {
          value = value * 10 + (c - '0');
        } else {
          value += (c - '0') * scale;
          scale /= 10;
        }
      } else if (c == '.' && scale == 0) {
        scale = 0.1;
      } else if (c != ',') {
        return Double.NaN;
      }
    }
    final Double multiplier = k + 1 < n ? MULTIPLIER.get(keys[k + 1]) : null;
    if (multiplier != null) {
      return value * multiplier;
    }
    if (scale == 0 && value >= 1900 && value <= 2100 && key.length() == 4) {
      return Double.NaN;
    }
    return value;
  }
}
