package io.wirestream.enrich.tone;

import java.util.Map;
import java.util.Set;

/**
 * The constants and word lists of the VADER method (Hutto &amp; Gilbert 2014), as in the current
 * upstream Python implementation (vaderSentiment 3.3.x). The empirically derived increments are the
 * paper's; the lists are the reference implementation's.
 */
final class Vader {

  /** Mean intensity increase of a booster word ("very good"); a dampener subtracts it. */
  static final double B_INCR = 0.293;

  /** Mean intensity decrease of a dampener word ("kind of good"). */
  static final double B_DECR = -0.293;

  /** Mean intensity increase of an ALL-CAPS word in mixed-case text. */
  static final double C_INCR = 0.733;

  /** Factor applied to a negated valence: flips the sign and dampens. */
  static final double N_SCALAR = -0.74;

  /** Intensity increase per exclamation mark. */
  static final double EXCLAMATION_INCR = 0.292;

  /** Exclamation marks counted at most. */
  static final int EXCLAMATION_MAX = 4;

  /** Intensity increase per question mark, for two or three of them. */
  static final double QUESTION_INCR = 0.18;

  /** Intensity increase for more than three question marks. */
  static final double QUESTION_MAX_AMPLIFIER = 0.96;

  /** Normalization constant: compound = sum / sqrt(sum^2 + ALPHA). */
  static final double ALPHA = 15.0;

  /** Weight of sentiment before the first "but" in a sentence. */
  static final double BEFORE_BUT = 0.5;

  /** Weight of sentiment after the first "but" in a sentence. */
  static final double AFTER_BUT = 1.5;

  /** Factor for "never so good" / "never this good": emphasis, not negation. */
  static final double NEVER_SO_FACTOR = 1.25;

  /** Scaling of a booster two words before the sentiment word. */
  static final double BOOSTER_DISTANCE_2 = 0.95;

  /** Scaling of a booster three words before the sentiment word. */
  static final double BOOSTER_DISTANCE_3 = 0.9;

  /** Negation words (any word containing "n't" negates as well). */
  static final Set<String> NEGATIONS = Set.of(
      "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
      "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
      "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
      "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
      "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
      "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
      "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
      "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

  /**
   * Booster (positive increment) and dampener (negative increment) words, the "degree adverbs".
   * Multi-word entries ("kind of") are matched as phrases before a sentiment word.
   */
  static final Map<String, Double> BOOSTERS = Map.ofEntries(
      Map.entry("absolutely", B_INCR), Map.entry("amazingly", B_INCR),
      Map.entry("awfully", B_INCR), Map.entry("completely", B_INCR),
      Map.entry("considerable", B_INCR), Map.entry("considerably", B_INCR),
      Map.entry("decidedly", B_INCR), Map.entry("deeply", B_INCR),
      Map.entry("effing", B_INCR), Map.entry("enormous", B_INCR),
      Map.entry("enormously", B_INCR), Map.entry("entirely", B_INCR),
      Map.entry("especially", B_INCR), Map.entry("exceptional", B_INCR),
      Map.entry("exceptionally", B_INCR), Map.entry("extreme", B_INCR),
      Map.entry("extremely", B_INCR), Map.entry("fabulously", B_INCR),
      Map.entry("flipping", B_INCR), Map.entry("flippin", B_INCR),
      Map.entry("frackin", B_INCR), Map.entry("fracking", B_INCR),
      Map.entry("fricking", B_INCR), Map.entry("frickin", B_INCR),
      Map.entry("frigging", B_INCR), Map.entry("friggin", B_INCR),
      Map.entry("fully", B_INCR), Map.entry("fuckin", B_INCR),
      Map.entry("fucking", B_INCR), Map.entry("fuggin", B_INCR),
      Map.entry("fugging", B_INCR), Map.entry("greatly", B_INCR),
      Map.entry("hella", B_INCR), Map.entry("highly", B_INCR),
      Map.entry("hugely", B_INCR), Map.entry("incredible", B_INCR),
      Map.entry("incredibly", B_INCR), Map.entry("intensely", B_INCR),
      Map.entry("major", B_INCR), Map.entry("majorly", B_INCR),
      Map.entry("more", B_INCR), Map.entry("most", B_INCR),
      Map.entry("particularly", B_INCR), Map.entry("purely", B_INCR),
      Map.entry("quite", B_INCR), Map.entry("really", B_INCR),
      Map.entry("remarkably", B_INCR), Map.entry("so", B_INCR),
      Map.entry("substantially", B_INCR), Map.entry("thoroughly", B_INCR),
      Map.entry("total", B_INCR), Map.entry("totally", B_INCR),
      Map.entry("tremendous", B_INCR), Map.entry("tremendously", B_INCR),
      Map.entry("uber", B_INCR), Map.entry("unbelievably", B_INCR),
      Map.entry("unusually", B_INCR), Map.entry("utter", B_INCR),
      Map.entry("utterly", B_INCR), Map.entry("very", B_INCR),
      Map.entry("almost", B_DECR), Map.entry("barely", B_DECR),
      Map.entry("hardly", B_DECR), Map.entry("just enough", B_DECR),
      Map.entry("kind of", B_DECR), Map.entry("kinda", B_DECR),
      Map.entry("kindof", B_DECR), Map.entry("kind-of", B_DECR),
      Map.entry("less", B_DECR), Map.entry("little", B_DECR),
      Map.entry("marginal", B_DECR), Map.entry("marginally", B_DECR),
      Map.entry("occasional", B_DECR), Map.entry("occasionally", B_DECR),
      Map.entry("partly", B_DECR), Map.entry("scarce", B_DECR),
      Map.entry("scarcely", B_DECR), Map.entry("slight", B_DECR),
      Map.entry("slightly", B_DECR), Map.entry("somewhat", B_DECR),
      Map.entry("sort of", B_DECR), Map.entry("sorta", B_DECR),
      Map.entry("sortof", B_DECR), Map.entry("sort-of", B_DECR));

  /**
   * Phrases around a sentiment word whose valence replaces the word's own ("the bomb" is good,
   * "yeah right" is sarcastic).
   */
  static final Map<String, Double> SPECIAL_CASES = Map.of(
      "the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "badass", 1.5, "bus stop", 0.0,
      "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
      "beating heart", 3.1, "broken heart", -2.9);

  private Vader() {
  }
}
