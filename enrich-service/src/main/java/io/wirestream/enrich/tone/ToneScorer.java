package io.wirestream.enrich.tone;

import io.wirestream.enrich.text.SentenceTones;
import io.wirestream.enrich.text.Sentences;
import io.wirestream.schemas.avro.ToneLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tone of a text by the VADER method. Immutable and thread-safe; load once, share.
 *
 * <p>VADER (Hutto &amp; Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment
 * Analysis of Social Media Text") is implemented here in Java, following the rules of the current
 * upstream Python implementation (vaderSentiment 3.3.x); the lexicon is VADER's, shipped as the
 * classpath resource {@value #LEXICON_RESOURCE} with its licenses and attribution ({@code
 * NOTICE.md} beside it; fetched by {@code enrich-service/scripts/fetch-vader-lexicon.sh}).
 *
 * <h2>Sentence score: {@link #compound(String)}</h2>
 * Each token gets its lexicon valence, adjusted by the rules: ALL-CAPS emphasis (+0.733) when the
 * text mixes case; booster and dampener words up to three tokens before it (±0.293, scaled 0.95
 * and 0.9 with distance); negation within three tokens (x -0.74; the VADER negation list and any
 * "n't" word), except "never so/this good" (x 1.25) and "without doubt"; "no" before a sentiment
 * word negates it; "least" negates unless after "at"/"very"; "kind of" and idioms ("the bomb",
 * "yeah right", ...). Sentiment before the first "but" is halved, after it is x1.5. The sum gets
 * exclamation marks (0.292 each, at most 4) and question marks (0.18 each for 2-3, 0.96 for more)
 * added in its own direction, then is normalized: {@code sum / sqrt(sum^2 + 15)}, in [-1, 1].
 *
 * <p>The npm JavaScript port {@code vader-sentiment@1.1.3}, which the lexicon comes from, follows
 * an older upstream: it matches "not" and "but" case-sensitively ("Not bad at all" scores -0.5423
 * there, 0.431 in VADER's README and here), lacks the "no" and "without doubt" rules and some
 * boosters, and weighs "never so" x1.5. Differences from upstream, on purpose: tokens are split on
 * whitespace and em dashes; leading and trailing punctuation is always stripped from words
 * (upstream keeps it on words of one or two letters, so "no." is not the lexicon's "no"), while
 * emoticons that are lexicon entries as written (":)", ":D") are kept; curly apostrophes count as
 * straight ones ("isn’t" negates); tokens of punctuation only are not words; emoji are not scored
 * (the emoji lexicon is not shipped).
 *
 * <h2>Article score: {@link #score(String)}</h2>
 * VADER's compound saturates on long texts (the sum grows with length), so an article is split
 * into sentences ({@link Sentences#split(String)}) and its {@code score} is the mean compound of
 * the sentences whose compound is non-zero (0.0 if none), which stays in [-1, 1]. The label uses
 * VADER's thresholds: POSITIVE at {@code >= 0.05}, NEGATIVE at {@code <= -0.05}, else NEUTRAL.
 * GDELT-style fields count word tokens: {@code positive} and {@code negative} are the percentages
 * (0-100) of word tokens whose lexicon valence is positive or negative and that VADER scores as
 * sentiment words (not as a booster, "kind of" or a negating "no"); {@code polarity} is their sum
 * (the share of words that carry sentiment); {@code wordCount} is the number of word tokens.
 */
public final class ToneScorer {

  /** Classpath resource of the VADER lexicon. */
  public static final String LEXICON_RESOURCE = "/io/wirestream/enrich/tone/vader_lexicon.txt";

  /** Version of the npm package {@code vader-sentiment} the lexicon was taken from. */
  static final String LEXICON_VERSION = "1.1.3";

  private static final Logger LOG = LoggerFactory.getLogger(ToneScorer.class);

  private static final String FETCH_HINT =
      "run enrich-service/scripts/fetch-vader-lexicon.sh and rebuild";

  /** Sentence punctuation that may trail an emoticon (":D," or ":-)."). */
  private static final String TRAILING_SENTENCE_PUNCT = ",.;!?";

  /** Words that occur in multi-word idioms or boosters: phrases are built only from these. */
  private static final Set<String> PHRASE_WORDS = phraseWords();

  private static final Object SHARED_LOCK = new Object();
  private static volatile ToneScorer shared;
  private static volatile ToneScorer sharedNews;

  /** Everything known about a lower-case token, in one lookup. */
  private record Term(boolean inLexicon, double valence, double booster, boolean negation) {
  }

  private final Map<String, Term> terms;
  private final int lexiconSize;
  /** The news rules over a sentence's tokens; null for plain VADER. */
  private final DirectionalGrammar grammar;

  private ToneScorer(final Map<String, Double> lexicon) {
    this(lexicon, null);
  }

  private ToneScorer(final Map<String, Double> lexicon, final DirectionalGrammar grammar) {
    this.grammar = grammar;
    final Map<String, Term> map = new HashMap<>(lexicon.size() * 2);
    for (final Map.Entry<String, Double> e : lexicon.entrySet()) {
      map.put(e.getKey(), termOf(e.getKey(), true, e.getValue()));
    }
    for (final String word : Vader.BOOSTERS.keySet()) {
      if (word.indexOf(' ') < 0) {
        map.computeIfAbsent(word, w -> termOf(w, false, 0.0));
      }
    }
    for (final String word : Vader.NEGATIONS) {
      map.computeIfAbsent(word, w -> termOf(w, false, 0.0));
    }
    this.terms = map;
    this.lexiconSize = lexicon.size();
  }

  private static Term termOf(final String word, final boolean inLexicon, final double valence) {
    return new Term(inLexicon, valence, Vader.BOOSTERS.getOrDefault(word, 0.0),
        Vader.NEGATIONS.contains(word));
  }

  /**
   * The scorer with the VADER lexicon from the classpath, loaded on first use and shared after.
   *
   * @throws IllegalStateException if the lexicon resource is missing or malformed
   */
  public static ToneScorer load() {
    ToneScorer s = shared;
    if (s == null) {
      synchronized (SHARED_LOCK) {
        s = shared;
        if (s == null) {
          s = loadFrom(LEXICON_RESOURCE);
          shared = s;
        }
      }
    }
    return s;
  }

  /**
   * The scorer for news: VADER's rules and lexicon with the financial entries of
   * {@link NewsLexicon} laid over it and the {@link DirectionalGrammar} ("sales fell", "net loss
   * narrowed"), loaded on first use and shared after. {@link #compound} gives its raw sentence
   * score; {@link NewsTone} calibrates it.
   *
   * @throws IllegalStateException if a lexicon resource is missing or malformed
   */
  public static ToneScorer loadNews() {
    ToneScorer s = sharedNews;
    if (s == null) {
      synchronized (SHARED_LOCK) {
        s = sharedNews;
        if (s == null) {
          final Map<String, Double> lexicon = readLexicon(LEXICON_RESOURCE);
          NewsLexicon.load().overlay(lexicon);
          s = new ToneScorer(lexicon, DirectionalGrammar.INSTANCE);
          sharedNews = s;
        }
      }
    }
    return s;
  }

  /** Identifies the lexicon for provenance: {@code vader-lexicon-<npm package version>}. */
  public static String lexiconId() {
    return "vader-lexicon-" + LEXICON_VERSION;
  }

  /** Loads a scorer from a lexicon resource (VADER's format: token TAB mean-valence TAB ...). */
  static ToneScorer loadFrom(final String resource) {
    final long started = System.nanoTime();
    final Map<String, Double> lexicon = readLexicon(resource);
    final ToneScorer scorer = new ToneScorer(lexicon);
    LOG.info("Loaded VADER lexicon {} ({} entries) in {} ms", lexiconId(), lexicon.size(),
        (System.nanoTime() - started) / 1_000_000);
    return scorer;
  }

  private static Map<String, Double> readLexicon(final String resource) {
    final InputStream in = ToneScorer.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "VADER lexicon resource " + resource + " is not on the classpath; " + FETCH_HINT);
    }
    final Map<String, Double> lexicon;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      lexicon = parseLexicon(reader, resource);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read VADER lexicon " + resource, e);
    }
    if (lexicon.isEmpty()) {
      throw new IllegalStateException("VADER lexicon " + resource + " is empty; " + FETCH_HINT);
    }
    return lexicon;
  }

  /** Parses lexicon lines; a later line for the same token wins (as in the reference). */
  static Map<String, Double> parseLexicon(final BufferedReader reader, final String source)
      throws IOException {
    final Map<String, Double> lexicon = new HashMap<>(16_384);
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      final int tab1 = line.indexOf('\t');
      final int tab2 = tab1 < 0 ? -1 : line.indexOf('\t', tab1 + 1);
      if (tab1 <= 0) {
        throw new IllegalStateException(source + " line " + lineNo + ": no token and valence");
      }
      final String measure = line.substring(tab1 + 1, tab2 < 0 ? line.length() : tab2).trim();
      try {
        lexicon.put(line.substring(0, tab1).trim(), Double.parseDouble(measure));
      } catch (final NumberFormatException e) {
        throw new IllegalStateException(
            source + " line " + lineNo + ": valence is not a number: '" + measure + "'", e);
      }
    }
    return lexicon;
  }

  /** Number of distinct tokens in the lexicon. */
  public int lexiconSize() {
    return lexiconSize;
  }

  /**
   * VADER compound score of one sentence, in [-1, 1]; 0.0 for null, empty or sentiment-free text.
   * The whole argument is scored as one unit (use {@link #score(String)} for an article).
   */
  public double compound(final String sentence) {
    if (sentence == null) {
      return 0.0;
    }
    return analyze(sentence, 0, sentence.length(), null, null);
  }

  /**
   * VADER compound score of {@code text[start, end)} (for example a {@link Sentences.Span}),
   * without copying it.
   */
  public double compound(final String text, final int start, final int end) {
    Objects.checkFromToIndex(start, end, text.length());
    return analyze(text, start, end, null, null);
  }

  /** Tone of a whole article; see the class documentation for the definitions. */
  public ToneResult score(final String text) {
    final Tally tally = new Tally();
    scoreSentences(text, tally);
    return tally.result();
  }

  /**
   * A story's tone as {@link #score(String)} gives it for the headline and body as separate
   * paragraphs, with the body's sentence tones kept for per-entity tone, so no sentence is scored
   * twice. A null headline or body counts as empty.
   */
  public ArticleTone scoreArticle(final String headline, final String body) {
    final Tally tally = new Tally();
    scoreSentences(headline, tally);
    final SentenceTones bodyTones = scoreSentences(body, tally);
    return new ArticleTone(tally.result(), bodyTones);
  }

  /** An article's tone, and the tone of each body sentence. */
  public record ArticleTone(ToneResult result, SentenceTones body) {
  }

  private SentenceTones scoreSentences(final String text, final Tally tally) {
    if (text == null || text.isEmpty()) {
      return SentenceTones.NONE;
    }
    final List<Sentences.Span> spans = Sentences.split(text);
    final double[] tones = new double[spans.size()];
    for (int i = 0; i < tones.length; i++) {
      final Sentences.Span span = spans.get(i);
      tones[i] = analyze(text, span.start(), span.end(), tally, null);
      if (tones[i] != 0.0) {
        tally.sentimentSum += tones[i];
        tally.sentimentSentences++;
      }
    }
    return new SentenceTones(spans, tones);
  }

  // ---------------------------------------------------------------------------------------------
  // The VADER rules over one sentence.

  /** Word counts and sentence tones of an article, summed over its sentences. */
  private static final class Tally {
    private int words;
    private int positive;
    private int negative;
    private double sentimentSum;
    private int sentimentSentences;

    /** The article's tone: the mean of its non-neutral sentences, and the word shares. */
    ToneResult result() {
      if (words == 0) {
        return ToneResult.EMPTY;
      }
      final double score = sentimentSentences == 0 ? 0.0
          : clamp(sentimentSum / sentimentSentences);
      final double positiveShare = 100.0 * positive / words;
      final double negativeShare = 100.0 * negative / words;
      return new ToneResult(score, ToneResult.labelOf(score), positiveShare, negativeShare,
          positiveShare + negativeShare, words);
    }
  }

  /** Tokens of one sentence, in parallel arrays. */
  private static final class Tokens {
    private String[] keys = new String[32];
    private boolean[] upper = new boolean[32];
    private boolean[] negating = new boolean[32];
    private Term[] terms = new Term[32];
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] breakAfter = new boolean[32];
    private int size;

    void add(final String key, final boolean isUpper, final Term term) {
      add(key, isUpper, term, 0, 0, false);
    }

    void add(final String key, final boolean isUpper, final Term term, final int start,
        final int end, final boolean clauseBreak) {
      if (size == keys.length) {
        final int cap = size * 2;
        keys = Arrays.copyOf(keys, cap);
        upper = Arrays.copyOf(upper, cap);
        negating = Arrays.copyOf(negating, cap);
        terms = Arrays.copyOf(terms, cap);
        starts = Arrays.copyOf(starts, cap);
        ends = Arrays.copyOf(ends, cap);
        breakAfter = Arrays.copyOf(breakAfter, cap);
      }
      starts[size] = start;
      ends[size] = end;
      breakAfter[size] = clauseBreak;
      keys[size] = key;
      upper[size] = isUpper;
      negating[size] = (term != null && term.negation()) || key.contains("n't");
      terms[size] = term;
      size++;
    }

    boolean inLexicon(final int i) {
      return terms[i] != null && terms[i].inLexicon();
    }

    boolean is(final int i, final String word) {
      return keys[i].equals(word);
    }
  }

  /**
   * The words of {@code text[start, end)} with their offsets and the sentiment each carries after
   * every rule (the terms whose sum makes the compound), for per-entity tone.
   */
  TokenSentiments tokenSentiments(final String text, final int start, final int end) {
    Objects.checkFromToIndex(start, end, text.length());
    final TokenSentiments[] out = new TokenSentiments[1];
    analyze(text, start, end, null, out);
    return out[0];
  }

  /** Word counts of many sentences, for {@link #tokenSentiments} callers that need the shares. */
  double analyzeCounting(final String text, final int start, final int end, final int[] counts,
      final TokenSentiments[] out) {
    final Tally tally = new Tally();
    final double compound = analyze(text, start, end, tally, out);
    counts[0] += tally.words;
    counts[1] += tally.positive;
    counts[2] += tally.negative;
    return compound;
  }

  private double analyze(final String text, final int from, final int to, final Tally tally,
      final TokenSentiments[] out) {
    final Tokens tk = tokenize(text, from, to);
    final int n = tk.size;
    if (n == 0) {
      if (out != null) {
        out[0] = TokenSentiments.EMPTY;
      }
      return 0.0;
    }
    int caps = 0;
    for (int i = 0; i < n; i++) {
      if (tk.upper[i]) {
        caps++;
      }
    }
    // ALL-CAPS only means emphasis when the text mixes case.
    final boolean capDiff = caps > 0 && caps < n;

    final double[] sentiments = new double[n];
    int positive = 0;
    int negative = 0;
    for (int i = 0; i < n; i++) {
      final Term t = tk.terms[i];
      // Modifiers carry no sentiment of their own.
      if (t != null && t.booster() != 0.0) {
        continue;
      }
      if (i < n - 1 && tk.is(i, "kind") && tk.is(i + 1, "of")) {
        continue;
      }
      if (t == null || !t.inLexicon()) {
        continue;
      }
      if (!(tk.is(i, "no") && i < n - 1 && tk.inLexicon(i + 1))) {
        if (t.valence() > 0) {
          positive++;
        } else if (t.valence() < 0) {
          negative++;
        }
      }
      sentiments[i] = valence(tk, i, capDiff);
    }
    if (grammar != null) {
      grammar.apply(tk.keys, tk.negating, tk.breakAfter, n, sentiments);
    }

    // Contrast: the first "but" halves what comes before it and strengthens what follows.
    for (int b = 0; b < n; b++) {
      if (tk.is(b, "but")) {
        for (int i = 0; i < n; i++) {
          if (i < b) {
            sentiments[i] *= Vader.BEFORE_BUT;
          } else if (i > b) {
            sentiments[i] *= Vader.AFTER_BUT;
          }
        }
        break;
      }
    }

    if (tally != null) {
      tally.words += n;
      tally.positive += positive;
      tally.negative += negative;
    }

    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      sum += sentiments[i];
    }
    if (sum > 0) {
      sum += punctuationEmphasis(text, from, to);
    } else if (sum < 0) {
      sum -= punctuationEmphasis(text, from, to);
    }
    final double compound = normalize(sum);
    if (out != null) {
      out[0] = new TokenSentiments(Arrays.copyOf(tk.keys, n), Arrays.copyOf(tk.starts, n),
          Arrays.copyOf(tk.ends, n), Arrays.copyOf(tk.breakAfter, n), sentiments, compound);
    }
    return compound;
  }

  /** Valence of the lexicon word at {@code i} after the word-level rules. */
  private static double valence(final Tokens tk, final int i, final boolean capDiff) {
    final int n = tk.size;
    final double base = tk.terms[i].valence();
    double v = base;
    // "no" right before a sentiment word negates it instead of counting as negative itself.
    if (tk.is(i, "no") && i != n - 1 && tk.inLexicon(i + 1)) {
      v = 0.0;
    }
    if ((i > 0 && tk.is(i - 1, "no"))
        || (i > 1 && tk.is(i - 2, "no"))
        || (i > 2 && tk.is(i - 3, "no") && (tk.is(i - 1, "or") || tk.is(i - 1, "nor")))) {
      v = base * Vader.N_SCALAR;
    }
    if (tk.upper[i] && capDiff) {
      v = v > 0 ? v + Vader.C_INCR : v - Vader.C_INCR;
    }
    for (int back = 0; back < 3; back++) {
      final int j = i - (back + 1);
      // Modifiers are the preceding words that are not sentiment words themselves.
      if (i > back && !tk.inLexicon(j)) {
        double s = scalarIncDec(tk, j, v, capDiff);
        if (back == 1) {
          s *= Vader.BOOSTER_DISTANCE_2;
        } else if (back == 2) {
          s *= Vader.BOOSTER_DISTANCE_3;
        }
        v += s;
        v = negationCheck(tk, v, back, i);
        if (back == 2) {
          v = specialIdioms(tk, v, i);
        }
      }
    }
    return leastCheck(tk, v, i);
  }

  /** Increment of a booster or dampener at {@code j} for a word of valence {@code v}. */
  private static double scalarIncDec(final Tokens tk, final int j, final double v,
      final boolean capDiff) {
    final Term t = tk.terms[j];
    if (t == null || t.booster() == 0.0) {
      return 0.0;
    }
    double scalar = v < 0 ? -t.booster() : t.booster();
    if (tk.upper[j] && capDiff) {
      scalar = v > 0 ? scalar + Vader.C_INCR : scalar - Vader.C_INCR;
    }
    return scalar;
  }

  private static double negationCheck(final Tokens tk, final double v, final int back,
      final int i) {
    if (back == 0) {
      return tk.negating[i - 1] ? v * Vader.N_SCALAR : v;
    }
    if (back == 1) {
      if (tk.is(i - 2, "never") && (tk.is(i - 1, "so") || tk.is(i - 1, "this"))) {
        return v * Vader.NEVER_SO_FACTOR;
      }
      if (tk.is(i - 2, "without") && tk.is(i - 1, "doubt")) {
        return v;
      }
      return tk.negating[i - 2] ? v * Vader.N_SCALAR : v;
    }
    // The reference also emphasises any word right after "so"/"this" here (its operator
    // precedence); kept for fidelity to VADER's published scores.
    if ((tk.is(i - 3, "never") && (tk.is(i - 2, "so") || tk.is(i - 2, "this")))
        || tk.is(i - 1, "so") || tk.is(i - 1, "this")) {
      return v * Vader.NEVER_SO_FACTOR;
    }
    if (tk.is(i - 3, "without") && (tk.is(i - 2, "doubt") || tk.is(i - 1, "doubt"))) {
      return v;
    }
    return tk.negating[i - 3] ? v * Vader.N_SCALAR : v;
  }

  /** Idioms around the word and multi-word dampeners before it ({@code i > 2}). */
  private static double specialIdioms(final Tokens tk, final double valence, final int i) {
    double v = valence;
    final int n = tk.size;
    final Double idiom = firstSpecialCase(tk, i);
    if (idiom != null) {
      v = idiom;
    }
    if (n - 1 > i) {
      final Double after = specialCase(phrase(tk, i, i + 1));
      if (after != null) {
        v = after;
      }
    }
    if (n - 1 > i + 1) {
      final Double after = specialCase(phrase(tk, i, i + 2));
      if (after != null) {
        v = after;
      }
    }
    v += multiWordBooster(phrase(tk, i - 3, i - 1));
    v += multiWordBooster(phrase(tk, i - 3, i - 2));
    v += multiWordBooster(phrase(tk, i - 2, i - 1));
    return v;
  }

  private static Double firstSpecialCase(final Tokens tk, final int i) {
    final int[][] sequences = {{i - 1, i}, {i - 2, i}, {i - 2, i - 1}, {i - 3, i - 1},
        {i - 3, i - 2}};
    for (final int[] seq : sequences) {
      final Double value = specialCase(phrase(tk, seq[0], seq[1]));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static Double specialCase(final String phrase) {
    return phrase == null ? null : Vader.SPECIAL_CASES.get(phrase);
  }

  private static double multiWordBooster(final String phrase) {
    return phrase == null ? 0.0 : Vader.BOOSTERS.getOrDefault(phrase, 0.0);
  }

  /** Tokens {@code first..last} joined by spaces, or null when no idiom can contain them. */
  private static String phrase(final Tokens tk, final int first, final int last) {
    for (int k = first; k <= last; k++) {
      if (!PHRASE_WORDS.contains(tk.keys[k])) {
        return null;
      }
    }
    final StringBuilder sb = new StringBuilder(24);
    for (int k = first; k <= last; k++) {
      if (k > first) {
        sb.append(' ');
      }
      sb.append(tk.keys[k]);
    }
    return sb.toString();
  }

  private static double leastCheck(final Tokens tk, final double v, final int i) {
    if (i > 0 && tk.is(i - 1, "least") && !tk.inLexicon(i - 1)) {
      if (i > 1 && (tk.is(i - 2, "at") || tk.is(i - 2, "very"))) {
        return v;
      }
      return v * Vader.N_SCALAR;
    }
    return v;
  }

  private static double punctuationEmphasis(final String text, final int from, final int to) {
    int exclamations = 0;
    int questions = 0;
    for (int i = from; i < to; i++) {
      final char c = text.charAt(i);
      if (c == '!') {
        exclamations++;
      } else if (c == '?') {
        questions++;
      }
    }
    double amplifier = Math.min(exclamations, Vader.EXCLAMATION_MAX) * Vader.EXCLAMATION_INCR;
    if (questions > 3) {
      amplifier += Vader.QUESTION_MAX_AMPLIFIER;
    } else if (questions > 1) {
      amplifier += questions * Vader.QUESTION_INCR;
    }
    return amplifier;
  }

  /** VADER's normalization {@code score / sqrt(score^2 + 15)}, in [-1, 1]. */
  static double normalize(final double score) {
    if (Math.abs(score) > 1e150) {
      // score^2 would overflow; the limit is the sign.
      return Math.signum(score);
    }
    return clamp(score / Math.sqrt(score * score + Vader.ALPHA));
  }

  private static double clamp(final double x) {
    return Math.max(-1.0, Math.min(1.0, x));
  }

  // ---------------------------------------------------------------------------------------------
  // Tokenization: a hand-written scanner, no regex.

  private Tokens tokenize(final String text, final int from, final int to) {
    final Tokens tk = new Tokens();
    int i = from;
    while (i < to) {
      if (isSeparator(text.charAt(i))) {
        i++;
        continue;
      }
      final int start = i;
      while (i < to && !isSeparator(text.charAt(i))) {
        i++;
      }
      addToken(tk, text, start, i);
    }
    return tk;
  }

  private void addToken(final Tokens tk, final String text, final int start, final int end) {
    int ws = start;
    while (ws < end && !Character.isLetterOrDigit(text.charAt(ws))) {
      ws++;
    }
    if (ws == end) {
      // Punctuation only: a word only if it is an emoticon of the lexicon (":)", ";-(").
      if (!addEmoticon(tk, text, start, end) && tk.size > 0 && isDash(text, start, end)) {
        tk.breakAfter[tk.size - 1] = true;
      }
      return;
    }
    int we = end;
    while (!Character.isLetterOrDigit(text.charAt(we - 1))) {
      we--;
    }
    if (ws > start || hasEmoticonTail(text, we, end)) {
      // Maybe an emoticon with letters (":D", "=P", "D:", "<3"): keep it as written.
      if (addEmoticon(tk, text, start, end)) {
        return;
      }
    }
    final String key = key(text, ws, we);
    tk.add(key, isUpper(text, ws, we), terms.get(key), ws, we, endsClause(text, we, end));
  }

  /** Adds the token (or the token less trailing sentence punctuation) if the lexicon has it. */
  private boolean addEmoticon(final Tokens tk, final String text, final int start, final int end) {
    final String raw = key(text, start, end);
    Term t = terms.get(raw);
    if (t != null && t.inLexicon()) {
      tk.add(raw, isUpper(text, start, end), t, start, end, false);
      return true;
    }
    int e = end;
    while (e > start && TRAILING_SENTENCE_PUNCT.indexOf(text.charAt(e - 1)) >= 0) {
      e--;
    }
    if (e < end && e > start) {
      final String trimmed = key(text, start, e);
      t = terms.get(trimmed);
      if (t != null && t.inLexicon()) {
        tk.add(trimmed, isUpper(text, start, e), t, start, e, false);
        return true;
      }
    }
    return false;
  }

  /** Whether a punctuation-only token is a dash set off by spaces ("gains - and losses"). */
  private static boolean isDash(final String text, final int start, final int end) {
    return end - start <= 2 && "-\u2013\u2014;:,".indexOf(text.charAt(start)) >= 0;
  }

  /** Whether the punctuation after a word closes a clause (a comma, semicolon, colon, dash). */
  private static boolean endsClause(final String text, final int from, final int to) {
    for (int i = from; i < to; i++) {
      switch (text.charAt(i)) {
        case ',', ';', ':', '\u2013', '\u2014', '(', ')' -> {
          return true;
        }
        default -> {
        }
      }
    }
    return false;
  }

  /** Whether the non-letters after a word are more than sentence punctuation and quotes. */
  private static boolean hasEmoticonTail(final String text, final int from, final int to) {
    for (int i = from; i < to; i++) {
      switch (text.charAt(i)) {
        case '.', ',', ';', '!', '?', '"', '\'', ')', ']', '}', '\u201D', '\u2019', '\u00BB' -> {
        }
        default -> {
          return true;
        }
      }
    }
    return false;
  }

  /** Lower-case lookup key of {@code text[start, end)}, curly apostrophes made straight. */
  private static String key(final String text, final int start, final int end) {
    int i = start;
    while (i < end) {
      final char c = text.charAt(i);
      if (Character.isUpperCase(c) || c == '\u2019' || c == '\u2018') {
        break;
      }
      i++;
    }
    if (i == end) {
      return text.substring(start, end);
    }
    final char[] buf = new char[end - start];
    for (int k = start; k < end; k++) {
      final char c = text.charAt(k);
      buf[k - start] = c == '\u2019' || c == '\u2018' ? '\'' : Character.toLowerCase(c);
    }
    return new String(buf);
  }

  /** Python's {@code str.isupper()}: some cased letter, and no lower-case letter. */
  private static boolean isUpper(final String text, final int start, final int end) {
    boolean upper = false;
    for (int i = start; i < end; i++) {
      final char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        upper = true;
      }
    }
    return upper;
  }

  private static boolean isSeparator(final char c) {
    if (c <= ' ') {
      return true;
    }
    if (c < 0x80) {
      return false;
    }
    // No-break and other Unicode spaces, and em dashes written without spaces ("deal—but").
    return Character.isSpaceChar(c) || Character.isWhitespace(c) || c == '\u2014' || c == '\u2015';
  }

  private static Set<String> phraseWords() {
    final Set<String> words = new HashSet<>();
    for (final String phrase : Vader.SPECIAL_CASES.keySet()) {
      if (phrase.indexOf(' ') >= 0) {
        words.addAll(List.of(phrase.split(" ")));
      }
    }
    for (final String phrase : Vader.BOOSTERS.keySet()) {
      if (phrase.indexOf(' ') >= 0) {
        words.addAll(List.of(phrase.split(" ")));
      }
    }
    return Set.copyOf(words);
  }

  /** The label of a compound score (VADER's thresholds); see {@link ToneResult#labelOf}. */
  public static ToneLabel labelOf(final double compound) {
    return ToneResult.labelOf(compound);
  }
}
