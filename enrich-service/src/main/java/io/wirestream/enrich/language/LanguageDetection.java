package io.wirestream.enrich.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.RemoveMinorityScriptsTextFilter;
import com.optimaize.langdetect.text.TextObjectFactory;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Detects a story's language with the optimaize n-gram detector (71 built-in profiles; Lingua is
 * 20-30x slower). Reads the headline and at most the first {@link #SAMPLE_CHARS} characters of the
 * body: more text changes nothing but the cost. Next to the CRF the detector's profiles are cold in
 * the CPU caches, and it cost 400 us a story on a 600-character sample against 250 us on 300
 * characters without the URL filter (wire bodies reach us as clean text), the same answers on the
 * gold set. Thread-safe; load once.
 */
public final class LanguageDetection {

  /** Characters of body text looked at. */
  public static final int SAMPLE_CHARS = 300;
  /** Below this probability the language is reported as unknown. */
  public static final double MIN_PROBABILITY = 0.80;

  private static final double MINORITY_SCRIPT_SHARE = 0.3;

  private final LanguageDetector detector;
  private final TextObjectFactory texts;

  private LanguageDetection(final LanguageDetector detector) {
    this.detector = detector;
    // Mixed-script text is still reduced to its main script, as for large text.
    this.texts = new TextObjectFactoryBuilder()
        .withTextFilter(RemoveMinorityScriptsTextFilter.forThreshold(MINORITY_SCRIPT_SHARE))
        .build();
  }

  /** Loads the built-in profiles. */
  public static LanguageDetection load() {
    try {
      return new LanguageDetection(LanguageDetectorBuilder.create(NgramExtractors.standard())
          .withProfiles(new LanguageProfileReader().readAllBuiltIn())
          .build());
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot read the language profiles", e);
    }
  }

  /** The detector's id, for provenance. */
  public static String modelId() {
    return "optimaize-language-detector-0.6";
  }

  /** At most the first {@link #SAMPLE_CHARS} characters: a headline is capped too. */
  private static String prefix(final String text) {
    return text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
  }

  /** ISO 639-1 code of the text's language, or empty when no language is likely enough. */
  public Optional<String> detect(final String headline, final String body) {
    final String sample = (headline == null ? "" : prefix(headline) + "\n") + prefix(body);
    final List<DetectedLanguage> candidates = detector.getProbabilities(texts.forText(sample));
    if (candidates.isEmpty() || candidates.get(0).getProbability() < MIN_PROBABILITY) {
      return Optional.empty();
    }
    return Optional.of(candidates.get(0).getLocale().getLanguage());
  }
}
