package io.wirestream.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

  private static LanguageDetection detection;

  @BeforeAll
  static void load() {
    detection = LanguageDetection.load();
  }

  @Test
  void shouldDetectEnglishWireCopy() {
    assertThat(detection.detect("Harbour authority opens new ferry terminal",
        "The transport ministry on Monday opened a ferry terminal that officials said would"
            + " double passenger capacity by the end of next year."))
        .contains("en");
  }

  @Test
  void shouldDetectFrenchAndGerman() {
    assertThat(detection.detect("Grève des contrôleurs aériens à Lyon",
        "Environ trois cents vols ont été annulés samedi à l'aéroport, et la grève doit durer"
            + " jusqu'à lundi selon les syndicats.")).contains("fr");
    assertThat(detection.detect("Neue Fähre im Hafen",
        "Die Stadt hat am Montag eine neue Fähre in Betrieb genommen, die doppelt so viele"
            + " Fahrgäste befördern kann wie die alte.")).contains("de");
  }

  @Test
  void shouldSayNothingForTextWithoutLanguage() {
    assertThat(detection.detect(null, "12345 67890 ++ -- 42")).isEmpty();
  }
}
