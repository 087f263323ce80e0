package io.wirestream.enrich.tone;

import io.wirestream.enrich.text.Sentences;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.TextField;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tone towards one entity, from its role in the sentences that mention it rather than from the
 * whole sentences ("X accused Y of fraud" is bad for Y, much less so for X).
 *
 * <p>For each mention, over the words of its sentence as {@link ToneScorer#loadNews()} scored
 * them (lexicon, negation, boosters, "but", the directional grammar):
 * <ol>
 *   <li><b>Clause</b>: the words of the mention's clause (bounded by commas, semicolons, colons,
 *       dashes and words such as "but", "while", "because", "which") count fully; the rest of the
 *       sentence counts {@value #REST_WEIGHT}.</li>
 *   <li><b>Role</b>: a verb of attack, accusation, criticism or harm ("accused", "attacked",
 *       "sued", "blamed") or of praise, support or help ("praised", "backed", "thanked") in the
 *       clause makes the entity its target when the mention follows the verb ("X accused Y"), or
 *       precedes it in the passive ("Y was accused"); its agent when the mention precedes it
 *       ("X accused Y") or follows "by" ("accused by X"). The target gets the verb's direction at
 *       {@value #TARGET_VALENCE}; for the agent the verb's own valence counts
 *       {@value #AGENT_WEIGHT} and the words after the verb (what it accuses the target of)
 *       count as outside the clause.</li>
 *   <li><b>Reported speech</b>: when the entity is the speaker ("X said ...", "..., X said",
 *       "according to X"), what is said is the speaker's view of something else and counts
 *       {@value #SPEAKER_WEIGHT}.</li>
 *   <li>The sum is normalized as VADER does ({@code x / sqrt(x^2 + 15)}).</li>
 * </ol>
 * The entity's raw tone is the mean over its mentions, a headline mention weighing
 * {@value #HEADLINE_WEIGHT}; the published tone is that raw tone through the entity
 * {@link Calibration} ({@link NewsTone#ENTITY}). Stateless; thread-safe.
 */
final class EntityTone {

  /** Weight of the words outside the mention's clause. */
  static final double REST_WEIGHT = 0.35;
  /** Valence the target of a verb of attack or praise gets (VADER scale). */
  static final double TARGET_VALENCE = 2.0;
  /** Weight of a role verb's own valence for its agent. */
  static final double AGENT_WEIGHT = 0.5;
  /** Weight of what a speaker says, for the speaker. */
  static final double SPEAKER_WEIGHT = 0.5;
  /** Weight of a headline mention in the entity's mean. */
  static final double HEADLINE_WEIGHT = 1.5;

  /** +1: praise, support, help; -1: attack, accusation, criticism, harm. */
  private static final Map<String, Integer> ROLE_VERBS = roleVerbs();

  private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "say", "told", "tells",
      "added", "stated", "argued", "argues", "claimed", "claims", "tweeted", "wrote", "writes",
      "insisted", "insists", "warned", "warns", "noted", "notes", "asked", "asks", "explained",
      "declared", "announced", "suggested", "suggests", "contended", "maintained", "predicted",
      "acknowledged", "conceded", "testified", "recalled", "complained", "alleged", "replied",
      "responded", "continued", "posted", "believes", "believed", "thinks", "thought");

  private static final Set<String> PASSIVE = Set.of("was", "were", "been", "being", "is", "are",
      "be", "get", "got", "gets", "getting");

  private static final Set<String> CLAUSE_WORDS = Set.of("but", "while", "whereas", "although",
      "though", "however", "because", "which", "who", "whom", "whose", "since", "unless",
      "despite", "after", "before", "when", "if", "yet");

  /** The linear model over the rules and the words around a mention; null for the rules alone. */
  private final EntityToneModel model;

  EntityTone(final EntityToneModel model) {
    this.model = model;
  }

  /**
   * The entity's raw tone: the mean over its mentions of the model's P(POSITIVE) - P(NEGATIVE)
   * (or, without a model, of the rules' raw tone); NaN when no mention is in the headline or
   * body.
   */
  double raw(final NewsTone.Story story, final List<Mention> mentions) {
    return raw(story, mentions, model);
  }

  /** The raw tone by the rules alone, without the model. */
  double rulesRaw(final NewsTone.Story story, final List<Mention> mentions) {
    return raw(story, mentions, null);
  }

  private static double raw(final NewsTone.Story story, final List<Mention> mentions,
      final EntityToneModel model) {
    double sum = 0.0;
    double weight = 0.0;
    for (final Mention m : mentions) {
      final boolean inHeadline = m.getField() == TextField.HEADLINE;
      if (!inHeadline && m.getField() != TextField.BODY) {
        continue;
      }
      final List<Sentences.Span> spans = story.spans(inHeadline);
      final int s = sentenceAt(spans, m.getStart());
      if (s < 0) {
        continue;
      }
      final double w = inHeadline ? HEADLINE_WEIGHT : 1.0;
      final TokenSentiments ts = story.words(inHeadline, s);
      final double[] sentenceWords = model == null ? null
          : story.sentenceWords(inHeadline, s, model);
      sum += w * mentionTone(ts, m.getStart(), m.getEnd(), model, sentenceWords);
      weight += w;
    }
    return weight == 0.0 ? Double.NaN : sum / weight;
  }

  /** Tone towards the characters {@code [start, end)} of one scored sentence, in [-1, 1]. */
  static double mentionTone(final TokenSentiments ts, final int start, final int end,
      final EntityToneModel model, final double[] sentenceWords) {
    final int n = ts.size();
    final int a = ts.wordAt(start);
    int b = a;
    while (b < n && ts.starts()[b] < end) {
      b++;
    }
    if (a >= n || b == a) {
      // The mention is no word of its own (punctuation only): the sentence's tone.
      return ts.compound();
    }
    final double rule = mentionRaw(ts, a, b);
    return model == null ? rule : model.polarity(ts, a, b, rule, sentenceWords);
  }

  /**
   * The first word of the clause that holds word {@code a}: clauses end at a comma, semicolon,
   * colon or dash, and (when {@code atClauseWords}) before a word that opens one
   * ({@code CLAUSE_WORDS}: "but", "while", ...).
   */
  static int clauseStart(final TokenSentiments ts, final int a, final boolean atClauseWords) {
    int left = a;
    while (left > 0 && !ts.breakAfter()[left - 1]
        && !(atClauseWords && CLAUSE_WORDS.contains(ts.keys()[left - 1]))) {
      left--;
    }
    return left;
  }

  /** One past the last word of the clause that holds word {@code b - 1} (b > 0); see above. */
  static int clauseEnd(final TokenSentiments ts, final int b, final boolean atClauseWords) {
    int right = b;
    while (right < ts.size() && !ts.breakAfter()[right - 1]
        && !(atClauseWords && CLAUSE_WORDS.contains(ts.keys()[right]))) {
      right++;
    }
    return right;
  }

  /** Raw tone by the rules towards the words {@code [a, b)} of one scored sentence. */
  static double mentionRaw(final TokenSentiments ts, final int a, final int b) {
    final int n = ts.size();
    final String[] keys = ts.keys();
    final double[] sentiments = ts.sentiments();
    final int left = clauseStart(ts, a, true);
    final int right = clauseEnd(ts, b, true);
    final boolean speaker = isSpeaker(keys, a, b);
    double role = 0.0;
    int agentOf = -1;
    final boolean[] roleWord = new boolean[n];
    for (int k = left; k < right; k++) {
      final Integer verb = k >= a && k < b ? null : ROLE_VERBS.get(keys[k]);
      if (verb == null) {
        continue;
      }
      final boolean passive = k > 0 && PASSIVE.contains(keys[k - 1])
          || k > 1 && PASSIVE.contains(keys[k - 2]) && keys[k - 1].endsWith("ly");
      final boolean byAgent = a > 0 && keys[a - 1].equals("by");
      final boolean target = k < a ? !byAgent : passive;
      if (target) {
        role += verb * TARGET_VALENCE;
        roleWord[k] = true;
      } else {
        role += sentiments[k] * AGENT_WEIGHT;
        roleWord[k] = true;
        agentOf = k;
      }
      break;
    }
    double sum = role;
    for (int k = 0; k < n; k++) {
      if (k >= a && k < b || roleWord[k] || sentiments[k] == 0.0) {
        continue;
      }
      // What the agent does to its target ("accused Y of fraud") is about the target.
      final boolean inClause = k >= left && k < right && (agentOf < 0 || k < agentOf);
      double w = inClause ? 1.0 : REST_WEIGHT;
      if (speaker) {
        w *= SPEAKER_WEIGHT;
      }
      sum += w * sentiments[k];
    }
    return ToneScorer.normalize(sum);
  }

  /** "X said", "X, a senator, told", "said X", "according to X". */
  private static boolean isSpeaker(final String[] keys, final int a, final int b) {
    final int n = keys.length;
    for (int k = b; k < Math.min(n, b + 3); k++) {
      if (SPEECH_VERBS.contains(keys[k])) {
        return true;
      }
    }
    if (a > 0 && SPEECH_VERBS.contains(keys[a - 1])) {
      return true;
    }
    return a > 1 && keys[a - 2].equals("according") && keys[a - 1].equals("to");
  }

  static int sentenceAt(final List<Sentences.Span> spans, final int offset) {
    int low = 0;
    int high = spans.size() - 1;
    while (low <= high) {
      final int mid = (low + high) >>> 1;
      final Sentences.Span span = spans.get(mid);
      if (offset < span.start()) {
        high = mid - 1;
      } else if (offset >= span.end()) {
        low = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  private static Map<String, Integer> roleVerbs() {
    final Map<String, Integer> map = new java.util.HashMap<>();
    for (final String stem : new String[] {"accus", "attack", "criticiz", "criticis", "blam",
        "condemn", "denounc", "arrest", "oust", "defeat", "mock", "threaten", "sanction",
        "investigat", "indict", "impeach", "rebuk", "bash", "blast", "lambast", "berat", "assail",
        "insult", "ridicul", "derid", "chastis", "scold", "punish", "smear", "harass", "assault",
        "betray", "undermin", "oppos", "reject", "disparag", "taunt", "humiliat", "expos",
        "confront", "prosecut", "convict", "jail", "imprison", "expel", "censur", "reprimand",
        "kill", "hurt", "harm", "vilif", "demoniz", "slander", "discredit", "accost", "attack"}) {
      verbForms(map, stem, -1);
    }
    for (final String form : new String[] {"sue", "sues", "sued", "suing", "slammed",
        "slamming", "slams", "fired", "firing", "charged", "targeted", "targeting", "questioned",
        "challenged", "faulted", "blasted", "shot", "hit", "hits", "vilified", "denied",
        "rebuffed", "snubbed", "spurned", "sentenced", "banned", "probed", "grilled"}) {
      map.put(form, -1);
    }
    for (final String stem : new String[] {"prais", "thank", "support", "endors", "defend",
        "congratulat", "hail", "laud", "welcom", "help", "sav", "rescu", "honor", "honour",
        "applaud", "commend", "celebrat", "reward", "acquit", "exonerat", "champion", "admir",
        "compliment", "cheer", "embrac", "forgiv", "pardon", "protect", "promot", "elect",
        "re-elect", "reelect"}) {
      verbForms(map, stem, 1);
    }
    for (final String form : new String[] {"backed", "backing", "backs", "cleared", "credited",
        "awarded", "lauded", "hailed", "vindicated", "freed", "chose", "chosen", "picked",
        "nominated", "appointed"}) {
      map.put(form, 1);
    }
    return Map.copyOf(map);
  }

  private static void verbForms(final Map<String, Integer> map, final String stem,
      final int sign) {
    // Regular forms; a junk form ("accuss") is harmless, it never occurs.
    for (final String suffix : new String[] {"", "e", "es", "ed", "ing", "s", "d", "ied", "ies",
        "y", "ation", "ations"}) {
      map.putIfAbsent(stem + suffix, sign);
    }
  }
}
