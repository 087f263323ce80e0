package io.wirestream.enrich.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.RemoveMinorityScriptsTextFilter;
import com.optimaize.langdetect.text.TextObject;
import com.optimaize.langdetect.text.TextObjectFactory;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects a story's language with the optimaize n-gram detector (70 built-in profiles; Lingua is
 * 20-30x slower). Reads the headline and at most the first {@link #SAMPLE_CHARS} characters of the
 * body: more text changes nothing but the cost. Next to the CRF the detector's profiles are cold in
 * the CPU caches, and it cost 400 us a story on a 600-character sample against 250 us on 300
 * characters without the URL filter (wire bodies reach us as clean text), the same answers on the
 * gold set.
 *
 * <p>A sample written only in Latin letters is scored against the 42 Latin-script profiles alone.
 * A profile's n-gram probabilities do not depend on the other profiles, so the evidence for those
 * languages is the same; what can differ is where the random-sampling trials stop (they stop once
 * the leader's normalized share passes 0.99999, a share now taken over fewer languages) and whether
 * a borderline leader clears {@link #MIN_PROBABILITY}. {@code LanguageDetectionTest} checks that
 * the answers equal the all-profile detector's on the gold stories and the test leads. The lookup
 * table is 31,819 n-grams instead of 114,316 and each n-gram updates 42 languages instead of 70:
 * about 15% of the detector's time next to the CRF (0.6% of a story), for 12.6 MB more heap for
 * the second table. Any other sample goes to all profiles, as before.
 *
 * <p>{@link #detect} is the detector's answer. {@link #detectForEnrichment} is what the enricher
 * acts on, and it never switches English enrichment off on thin evidence: n-gram detectors are
 * unreliable on short or list-like text ("Fiskars Brands report net sales of EUR 1.2 bn" scores
 * Swedish), and wire copy is mostly English. See that method for the rules.
 *
 * <p>Thread-safe; load once.
 */
public final class LanguageDetection {

  /** Characters of body text looked at. */
  public static final int SAMPLE_CHARS = 300;
  /** Below this probability the language is reported as unknown. */
  public static final double MIN_PROBABILITY = 0.80;

  /**
   * Letters a sample needs before a language other than English (or the declared one) may win:
   * about twenty words.
   */
  public static final int MIN_LETTERS_TO_SWITCH = 100;
  /** Probability margin a language other than English needs over English to win. */
  public static final double MARGIN_OVER_ENGLISH = 0.5;
  /** Share of non-ASCII letters that lets a short sample switch away from English. */
  public static final double MIN_NON_ASCII_SHARE = 0.05;

  private static final Logger LOG = LoggerFactory.getLogger(LanguageDetection.class);
  private static final double MINORITY_SCRIPT_SHARE = 0.3;

  private final LanguageDetector allProfiles;
  private final LanguageDetector latinProfiles;
  private final TextObjectFactory texts;

  LanguageDetection(final LanguageDetector allProfiles, final LanguageDetector latinProfiles) {
    this.allProfiles = allProfiles;
    this.latinProfiles = latinProfiles;
    // Mixed-script text is still reduced to its main script, as for large text.
    this.texts = new TextObjectFactoryBuilder()
        .withTextFilter(RemoveMinorityScriptsTextFilter.forThreshold(MINORITY_SCRIPT_SHARE))
        .build();
  }

  /** Loads the built-in profiles. */
  public static LanguageDetection load() {
    final List<LanguageProfile> profiles;
    try {
      profiles = new LanguageProfileReader().readAllBuiltIn();
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot read the language profiles", e);
    }
    final List<LanguageProfile> latin = profiles.stream()
        .filter(LanguageDetection::writtenInLatin)
        .toList();
    return new LanguageDetection(detector(profiles), detector(latin));
  }

  private static LanguageDetector detector(final List<LanguageProfile> profiles) {
    return LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles)
        .build();
  }

  /** Whether most of the profile's letter occurrences are Latin script (read off its unigrams). */
  static boolean writtenInLatin(final LanguageProfile profile) {
    long latin = 0;
    long letters = 0;
    for (final Map.Entry<String, Integer> gram : profile.iterateGrams(1)) {
      final int c = gram.getKey().codePointAt(0);
      if (Character.isLetter(c)) {
        letters += gram.getValue();
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
          latin += gram.getValue();
        }
      }
    }
    return latin * 2 > letters;
  }

  /** The detector's id, for provenance. */
  public static String modelId() {
    return "optimaize-language-detector-0.6";
  }

  /** At most the first {@link #SAMPLE_CHARS} characters: a headline is capped too. */
  private static String prefix(final String text) {
    return text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
  }

  /** Whether every letter of the text is Latin script (ASCII checked without a table lookup). */
  static boolean onlyLatinLetters(final CharSequence text) {
    int i = 0;
    while (i < text.length()) {
      final int c = Character.codePointAt(text, i);
      i += Character.charCount(c);
      if (c >= 0x80 && Character.isLetter(c)
          && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
        return false;
      }
    }
    return true;
  }

  /**
   * ISO 639-1 code of the text's language, or empty when no language is likely enough. Also empty
   * when the detector itself fails: optimaize can throw "Probability must be <= 1" on rare input
   * (optimaize/language-detector#24); the story is then treated as undetected, never lost.
   */
  public Optional<String> detect(final String headline, final String body) {
    final List<DetectedLanguage> candidates = candidates(sample(headline, body));
    if (candidates.isEmpty() || candidates.get(0).getProbability() < MIN_PROBABILITY) {
      return Optional.empty();
    }
    return Optional.of(candidates.get(0).getLocale().getLanguage());
  }

  /**
   * The language a story is to be enriched as, from the detector's candidates and the language
   * the story declares (an ISO 639-1 code or a tag such as "en-GB"; null when none):
   * <ol>
   *   <li>the declared language when the detector gives it any probability at all (prefer what
   *       the source says);</li>
   *   <li>otherwise the detector's leader if it is likely enough ({@link #MIN_PROBABILITY}) and
   *       is English, or is another language that leads English by at least
   *       {@link #MARGIN_OVER_ENGLISH} on a sample of at least {@link #MIN_LETTERS_TO_SWITCH}
   *       letters or one whose letters are at least {@link #MIN_NON_ASCII_SHARE} non-ASCII
   *       (diacritics or another script: not plain English wire copy);</li>
   *   <li>otherwise the declared language, or empty (undetected) when there is none, which the
   *       enricher reads as English.</li>
   * </ol>
   * So a short or list-like English story is never switched to another language by a detector's
   * guess, and a real foreign-language story still is.
   */
  public Optional<String> detectForEnrichment(final String headline, final String body,
      final String declared) {
    final String sample = sample(headline, body);
    final List<DetectedLanguage> candidates = candidates(sample);
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    final String declaredCode = languageCode(declared);
    double english = 0.0;
    for (final DetectedLanguage c : candidates) {
      final String code = c.getLocale().getLanguage();
      if (code.equals(declaredCode)) {
        return Optional.of(code);
      }
      if (code.equals("en")) {
        english = c.getProbability();
      }
    }
    final DetectedLanguage top = candidates.get(0);
    final String code = top.getLocale().getLanguage();
    if (top.getProbability() >= MIN_PROBABILITY) {
      if (code.equals("en")) {
        return Optional.of(code);
      }
      final int[] letters = letters(sample);
      final boolean enoughText = letters[0] >= MIN_LETTERS_TO_SWITCH
          || letters[1] >= MIN_NON_ASCII_SHARE * letters[0];
      if (enoughText && top.getProbability() - english >= MARGIN_OVER_ENGLISH) {
        return Optional.of(code);
      }
    }
    return Optional.ofNullable(declaredCode);
  }

  /** The ISO 639 code of a declared language ("en", "en-GB", "EN_us"), or null. */
  static String languageCode(final String declared) {
    if (declared == null) {
      return null;
    }
    final String code = declared.strip().toLowerCase(java.util.Locale.ROOT).split("[-_]", 2)[0];
    return code.matches("[a-z]{2,3}") ? code : null;
  }

  private static String sample(final String headline, final String body) {
    return (headline == null ? "" : prefix(headline) + "\n") + prefix(body == null ? "" : body);
  }

  /** Letters of the text, and how many of them are not ASCII. */
  private static int[] letters(final String text) {
    final int[] counts = new int[2];
    for (int i = 0; i < text.length(); i++) {
      final char c = text.charAt(i);
      if (Character.isLetter(c)) {
        counts[0]++;
        if (c >= 0x80) {
          counts[1]++;
        }
      }
    }
    return counts;
  }

  /** The detector's candidates, most likely first; empty when the detector fails. */
  private List<DetectedLanguage> candidates(final String sample) {
    final TextObject text = texts.forText(sample);
    final LanguageDetector detector = onlyLatinLetters(text) ? latinProfiles : allProfiles;
    try {
      return detector.getProbabilities(text);
    } catch (final IllegalArgumentException e) {
      LOG.warn("Language detector failed on a {}-character sample; treating the language as "
          + "undetected: {}", sample.length(), e.getMessage());
      return List.of();
    }
  }
}
