package io.wirestream.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LanguageDetectionTest {

  /** Wire-style leads of about the sample's length in the languages agencies file in most. */
  private static final List<String[]> LEADS = List.of(
      new String[] {"es", "El Gobierno aprobó este martes un plan de ayudas para los agricultores "
          + "afectados por la sequía, que según el ministerio llegará a más de cuarenta mil "
          + "explotaciones antes del verano. Las organizaciones agrarias consideran insuficiente "
          + "la cuantía anunciada."},
      new String[] {"it", "Il consiglio comunale ha approvato ieri sera il nuovo piano per il "
          + "traffico, che entrerà in vigore a partire da settembre. Secondo il sindaco, le misure "
          + "ridurranno del venti per cento le auto nel centro storico entro la fine dell'anno."},
      new String[] {"pt", "O governo anunciou nesta segunda-feira um pacote de medidas para "
          + "conter a alta dos preços dos alimentos, que inclui a redução de impostos sobre "
          + "produtos da cesta básica. Economistas ouvidos pela reportagem dizem que o efeito "
          + "será limitado."},
      new String[] {"nl", "Het kabinet heeft dinsdag besloten om extra geld uit te trekken voor "
          + "de bouw van betaalbare woningen. Volgens de minister moeten er de komende vijf jaar "
          + "ruim honderd duizend huizen bij komen, vooral in de grote steden."},
      new String[] {"ru", "Правительство в понедельник утвердило новую программу поддержки малого "
          + "бизнеса, сообщили в министерстве экономики. По словам министра, в первый год помощь "
          + "получат более двадцати тысяч предприятий в разных регионах страны."},
      new String[] {"pl", "Rząd przyjął we wtorek projekt ustawy o wsparciu dla rolników, którzy "
          + "ucierpieli w wyniku suszy. Według ministra pomoc trafi do gospodarstw jeszcze przed "
          + "końcem roku, a wnioski będzie można składać od przyszłego miesiąca."},
      new String[] {"tr", "Hükümet salı günü çiftçilere yönelik yeni bir destek paketini "
          + "açıkladı. Bakanlığın açıklamasına göre kuraklıktan etkilenen bölgelerdeki "
          + "üreticilere önümüzdeki ay içinde ödeme yapılacak."},
      new String[] {"sw", "Serikali imetangaza mpango mpya wa kusaidia wakulima walioathirika na "
          + "ukame katika mikoa ya kaskazini. Waziri wa kilimo amesema fedha hizo zitawafikia "
          + "wakulima kabla ya msimu ujao wa mvua."},
      new String[] {"vi", "Chính phủ hôm thứ Hai đã công bố gói hỗ trợ mới cho nông dân bị ảnh "
          + "hưởng bởi hạn hán ở các tỉnh miền Trung."});

  private static LanguageDetection detection;
  private static List<LanguageProfile> profiles;

  @BeforeAll
  static void load() throws IOException {
    detection = LanguageDetection.load();
    profiles = new LanguageProfileReader().readAllBuiltIn();
  }

  static Stream<Arguments> leads() {
    return LEADS.stream().map(lead -> Arguments.of(lead[0], lead[1]));
  }

  private static LanguageDetector allProfiles() {
    return LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles)
        .build();
  }

  /** A detector that answers {@code language} for any text, to see which detector was asked. */
  private static LanguageDetector answering(final String language) {
    return new LanguageDetector() {
      @Override
      public com.google.common.base.Optional<LdLocale> detect(final CharSequence text) {
        return com.google.common.base.Optional.of(LdLocale.fromString(language));
      }

      @Override
      public List<DetectedLanguage> getProbabilities(final CharSequence text) {
        return List.of(new DetectedLanguage(LdLocale.fromString(language), 1.0));
      }
    };
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("leads")
  void shouldDetectOtherWireLanguagesFromTheSample(final String language, final String lead) {
    assertThat(detection.detect(null, lead)).contains(language);
  }

  @Test
  void shouldTellLatinScriptProfilesFromTheOthers() {
    final Set<String> latin = profiles.stream().filter(LanguageDetection::writtenInLatin)
        .map(p -> p.getLocale().toString()).collect(Collectors.toSet());
    assertThat(latin).contains("en", "fr", "de", "es", "pl", "tr", "vi", "sw", "so")
        .doesNotContain("ru", "uk", "sr", "el", "ar", "fa", "he", "hi", "ja", "ko", "zh-CN", "th");
    assertThat(latin).hasSize(42);
  }

  @Test
  void shouldSendOnlyAllLatinSamplesToTheLatinProfiles() {
    final LanguageDetection routed = new LanguageDetection(answering("fr"), answering("en"));
    assertThat(routed.detect("Harbour opens", "The ministry opened a terminal.")).contains("en");
    assertThat(routed.detect(null, "Grève à Lyon: ça coûte cher, dit l'Œuvre.")).contains("en");
    // Cyrillic, Greek and a CJK letter outside the Basic Multilingual Plane: all profiles.
    assertThat(routed.detect(null, "Правительство утвердило программу.")).contains("fr");
    assertThat(routed.detect(null, "Η κυβέρνηση ανακοίνωσε νέο πρόγραμμα.")).contains("fr");
    assertThat(LanguageDetection.onlyLatinLetters("Tokyo \uD840\uDC00 office")).isFalse();
    assertThat(LanguageDetection.onlyLatinLetters("Tokyo office, 3.5% (+0.2)")).isTrue();
  }

  /**
   * Latin samples are scored against the Latin-script profiles only; the answers must be those of
   * all profiles on every gold story (headline and body as the enricher passes them, the headline
   * alone, and an 80-character lead) and on every lead above.
   */
  @Test
  void shouldAnswerAsAllProfilesDoOnLatinText() throws IOException, URISyntaxException {
    final LanguageDetection reference = new LanguageDetection(allProfiles(), allProfiles());
    final ObjectMapper json = new ObjectMapper();
    final List<String[]> samples = new ArrayList<>();
    final Path gold =
        Path.of(LanguageDetectionTest.class.getResource("/gold/stories.jsonl").toURI());
    for (final String line : Files.readAllLines(gold)) {
      final JsonNode story = json.readTree(line);
      final String headline = story.path("headline").asText("");
      final String body = story.path("body").asText("");
      samples.add(new String[] {headline, body});
      samples.add(new String[] {null, headline});
      samples.add(new String[] {null, body.substring(0, Math.min(80, body.length()))});
    }
    for (final String[] lead : LEADS) {
      samples.add(new String[] {null, lead[1]});
      samples.add(new String[] {null, lead[1].substring(0, 80)});
    }
    assertThat(samples).hasSizeGreaterThan(120);
    for (final String[] sample : samples) {
      assertThat(detection.detect(sample[0], sample[1]))
          .as("%s / %s", sample[0], sample[1])
          .isEqualTo(reference.detect(sample[0], sample[1]));
    }
  }

  @Test
  void shouldScoreOtherScriptsAgainstAllProfiles() {
    assertThat(detection.detect("Власти объявили о новой программе",
        "Правительство в понедельник утвердило новую программу поддержки малого бизнеса."))
        .contains("ru");
    assertThat(detection.detect(null, "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέο πρόγραμμα στήριξης"
        + " για τους αγρότες που επλήγησαν από την ξηρασία.")).contains("el");
    // Latin headline over a Cyrillic body: not only Latin letters, so all profiles.
    assertThat(detection.detect("Gazprom", "Правительство в понедельник утвердило новую "
        + "программу поддержки малого бизнеса, сообщили в министерстве.")).contains("ru");
  }

  /** The detector's own failure (optimaize/language-detector#24) leaves the language undetected. */
  @Test
  void shouldReportADetectorFailureAsUndetected() {
    final LanguageDetector failing = new LanguageDetector() {
      @Override
      public com.google.common.base.Optional<LdLocale> detect(final CharSequence text) {
        throw new IllegalArgumentException("Probability must be <= 1 but was Infinity");
      }

      @Override
      public List<DetectedLanguage> getProbabilities(final CharSequence text) {
        throw new IllegalArgumentException("Probability must be <= 1 but was Infinity");
      }
    };
    final LanguageDetection broken = new LanguageDetection(failing, failing);
    assertThat(broken.detect("Harbour authority opens new ferry terminal",
        "The transport ministry on Monday opened a ferry terminal.")).isEmpty();
  }

  @Test
  void shouldReadOnlyTheSampleOfALongBody() {
    final String english = "The ministry said on Tuesday that the new terminal would open in"
        + " the spring and that passenger numbers were expected to double. ";
    final String german = "Die Stadt hat am Montag eine neue Fähre in Betrieb genommen, die"
        + " doppelt so viele Fahrgäste befördern kann wie die alte. ";
    final StringBuilder body = new StringBuilder();
    while (body.length() < LanguageDetection.SAMPLE_CHARS) {
      body.append(english);
    }
    body.append(german.repeat(40));
    assertThat(detection.detect(null, body.toString())).contains("en");
  }

  @Test
  void shouldSayNothingForTextWithoutLanguage() {
    assertThat(detection.detect(null, "12345 67890 ++ -- 42")).isEmpty();
  }

  /** Short and list-like English wire copy that the n-gram detector alone calls another language. */
  private static final List<String> MISREAD_ENGLISH = List.of(
      "Outokumpu Oyj, Stora Enso Oyj, Metso Oyj",
      "Kone Oyj: Kone wins order in Espoo",
      "Nokian Tyres interim report",
      "Raisio Oyj, Lassila & Tikanoja Oyj, Uponor Oyj",
      "Ramirent Oyj Stockmann Oyj Abp Orion Oyj",
      "Danske Bank Sampo Pohjola Kesko");

  @Test
  void shortOrListLikeEnglishShouldNeverBeSwitchedToAnotherLanguage() {
    for (final String text : MISREAD_ENGLISH) {
      // The detector alone is wrong here; that is the case the enrichment rule is for.
      assertThat(detection.detect(null, text)).as(text).isPresent().isNotEqualTo(
          java.util.Optional.of("en"));
      assertThat(detection.detectForEnrichment(null, text, null)).as(text).isEmpty();
      assertThat(detection.detectForEnrichment(null, text, "en")).as(text).contains("en");
      assertThat(detection.detectForEnrichment(null, text, "en-GB")).as(text).contains("en");
    }
  }

  @Test
  void aRealForeignLanguageStoryShouldStillBeDetected() {
    for (final String[] lead : LEADS) {
      assertThat(detection.detectForEnrichment(null, lead[1], null)).as(lead[0])
          .contains(lead[0]);
    }
    assertThat(detection.detectForEnrichment("Neue Fähre im Hafen von Hamburg",
        "Die Stadt Hamburg hat am Montag eine neue Fähre in Betrieb genommen, die doppelt so viele"
            + " Fahrgäste befördern kann wie die alte.", null)).contains("de");
  }

  @Test
  void theDeclaredLanguageShouldWinWhenTheDetectorFindsItAtAll() {
    final String german = "Die Stadt Hamburg hat am Montag eine neue Fähre";
    assertThat(detection.detectForEnrichment(null, german, "de")).contains("de");
    // A short text declared English stays English even when it reads German to the detector.
    assertThat(detection.detectForEnrichment(null, "Die Stadt hat am Montag", "en"))
        .contains("en");
    assertThat(detection.detectForEnrichment("Harbour authority opens new ferry terminal",
        "The transport ministry on Monday opened a ferry terminal.", "fr")).contains("en");
  }

  @Test
  void aShortPlainAsciiForeignTextWithoutDeclarationShouldCountAsUndetected() {
    assertThat(detection.detect(null, "Die Stadt hat am Montag")).contains("de");
    assertThat(detection.detectForEnrichment(null, "Die Stadt hat am Montag", null)).isEmpty();
    // Diacritics say it is not English wire copy, however short.
    assertThat(detection.detectForEnrichment(null, "Neue Fähre im Hafen", null)).contains("de");
  }

  @Test
  void shouldReadADeclaredLanguageTag() {
    assertThat(LanguageDetection.languageCode("en-GB")).isEqualTo("en");
    assertThat(LanguageDetection.languageCode(" DE ")).isEqualTo("de");
    assertThat(LanguageDetection.languageCode("english")).isNull();
    assertThat(LanguageDetection.languageCode("")).isNull();
    assertThat(LanguageDetection.languageCode(null)).isNull();
  }
}
