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
 * <p>Thread-safe; load once.
 */
public final class LanguageDetection {

  /** Characters of body text looked at. */
  public static final int SAMPLE_CHARS = 300;
  /** Below this probability the language is reported as unknown. */
  public static final double MIN_PROBABILITY = 0.80;

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
    final String sample = (headline == null ? "" : prefix(headline) + "\n") + prefix(body);
    final TextObject text = texts.forText(sample);
    final LanguageDetector detector = onlyLatinLetters(text) ? latinProfiles : allProfiles;
    final List<DetectedLanguage> candidates;
    try {
      candidates = detector.getProbabilities(text);
    } catch (final IllegalArgumentException e) {
      LOG.warn("Language detector failed on a {}-character sample; treating the language as "
          + "undetected: {}", sample.length(), e.getMessage());
      return Optional.empty();
    }
    if (candidates.isEmpty() || candidates.get(0).getProbability() < MIN_PROBABILITY) {
      return Optional.empty();
    }
    return Optional.of(candidates.get(0).getLocale().getLanguage());
  }
}
