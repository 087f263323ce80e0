package io.wirestream.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /** Wire-style leads of about the sample's length in the languages agencies file in most. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "es|El Gobierno aprobó este martes un plan de ayudas para los agricultores afectados por la"
          + " sequía, que según el ministerio llegará a más de cuarenta mil explotaciones antes del"
          + " verano. Las organizaciones agrarias consideran insuficiente la cuantía anunciada.",
      "it|Il consiglio comunale ha approvato ieri sera il nuovo piano per il traffico, che entrerà"
          + " in vigore a partire da settembre. Secondo il sindaco, le misure ridurranno del venti"
          + " per cento le auto nel centro storico entro la fine dell'anno.",
      "pt|O governo anunciou nesta segunda-feira um pacote de medidas para conter a alta dos"
          + " preços dos alimentos, que inclui a redução de impostos sobre produtos da cesta básica."
          + " Economistas ouvidos pela reportagem dizem que o efeito será limitado.",
      "nl|Het kabinet heeft dinsdag besloten om extra geld uit te trekken voor de bouw van"
          + " betaalbare woningen. Volgens de minister moeten er de komende vijf jaar ruim honderd"
          + " duizend huizen bij komen, vooral in de grote steden.",
      "ru|Правительство в понедельник утвердило новую программу поддержки малого бизнеса,"
          + " сообщили в министерстве экономики. По словам министра, в первый год помощь получат"
          + " более двадцати тысяч предприятий в разных регионах страны.",
      "pl|Rząd przyjął we wtorek projekt ustawy o wsparciu dla rolników, którzy ucierpieli w"
          + " wyniku suszy. Według ministra pomoc trafi do gospodarstw jeszcze przed końcem roku,"
          + " a wnioski będzie można składać od przyszłego miesiąca.",
      "tr|Hükümet salı günü çiftçilere yönelik yeni bir destek paketini açıkladı. Bakanlığın"
          + " açıklamasına göre kuraklıktan etkilenen bölgelerdeki üreticilere önümüzdeki ay"
          + " içinde ödeme yapılacak.",
      "sw|Serikali imetangaza mpango mpya wa kusaidia wakulima walioathirika na ukame katika"
          + " mikoa ya kaskazini. Waziri wa kilimo amesema fedha hizo zitawafikia wakulima kabla ya"
          + " msimu ujao wa mvua."})
  void shouldDetectOtherWireLanguagesFromTheSample(final String language, final String lead) {
    assertThat(detection.detect(null, lead)).contains(language);
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
}
