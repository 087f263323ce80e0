package io.wirestream.enrich.countries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wirestream.schemas.avro.CountryEvidence;
import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.EvidenceKind;
import io.wirestream.schemas.avro.TextField;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Country tagging on invented wire-style stories. Every result goes through
 * {@link #tag(String, String, String)}, which checks the invariants: evidence offsets point at
 * the evidence text in its field, scores are in [0, 1] and sorted, a primary is confident.
 */
class CountryTaggerTest {

  private static CountryTagger tagger;

  @BeforeAll
  static void load() {
    tagger = new CountryTagger(Gazetteer.load());
  }

  @Test
  void shouldTagStateAcronyms() {
    final CountryTags tags = tag("DPRK envoy meets ROK counterpart",
        "The two delegations later flew to the UAE for a second round of talks.", null);

    assertThat(tags.tags()).extracting(CountryTag::getCode).containsExactlyInAnyOrder("KP", "KR", "AE");
    assertThat(evidence(tags, "KP")).extracting(CountryEvidence::getText, CountryEvidence::getField,
        CountryEvidence::getKind).containsExactly(tuple("DPRK", TextField.HEADLINE, EvidenceKind.ACRONYM));
    assertThat(evidence(tags, "AE")).extracting(CountryEvidence::getText).containsExactly("UAE");
    assertThat(tag(tags, "KP").getName()).isEqualTo("North Korea");
  }

  @Test
  void shouldTagUpperCaseUsButNotThePronoun() {
    final String body = "Officials told us the US delegation would arrive late; let us wait.";
    final CountryTags tags = tag("Delegation delayed", body, null);

    assertThat(tags.tags()).extracting(CountryTag::getCode).containsExactly("US");
    assertThat(evidence(tags, "US")).extracting(CountryEvidence::getText, CountryEvidence::getStart)
        .containsExactly(tuple("US", body.indexOf("US")));
  }

  @Test
  void shouldNotTakeUsInAShoutedHeadlineForTheCountry() {
    assertThat(tag("LET US KNOW WHAT YOU THINK", "Readers wrote in by the hundreds.", null).tags())
        .isEmpty();
  }

  @Test
  void shouldTagDottedAcronymsWithTheirFinalDot() {
    final String body = "The U.S. Treasury and a U.S.-led group of lenders agreed on the plan.";
    final CountryTags tags = tag("Lenders agree", body, null);

    assertThat(evidence(tags, "US")).extracting(CountryEvidence::getText, CountryEvidence::getStart,
        CountryEvidence::getEnd).containsExactly(
            tuple("U.S.", body.indexOf("U.S."), body.indexOf("U.S.") + 4),
            tuple("U.S.", body.lastIndexOf("U.S."), body.lastIndexOf("U.S.") + 4));
  }

  @Test
  void shouldPreferTheLongestOfficialName() {
    final String body = "Delegates of the Democratic People's Republic of Korea walked out, while "
        + "the Republic of Korea stayed in the room.";
    final CountryTags tags = tag("Delegates walk out", body, null);

    assertThat(evidence(tags, "KP")).extracting(CountryEvidence::getText)
        .containsExactly("Democratic People's Republic of Korea");
    assertThat(evidence(tags, "KR")).extracting(CountryEvidence::getText)
        .containsExactly("Republic of Korea");
  }

  @Test
  void shouldTagDemonyms() {
    final CountryTags tags = tag("Envoys meet",
        "Russian and Chinese diplomats held a closed meeting on Thursday.", null);

    assertThat(tags.tags()).extracting(CountryTag::getCode).containsExactlyInAnyOrder("RU", "CN");
    assertThat(evidence(tags, "RU")).extracting(CountryEvidence::getText, CountryEvidence::getKind)
        .containsExactly(tuple("Russian", EvidenceKind.DEMONYM));
    assertThat(evidence(tags, "CN")).extracting(CountryEvidence::getText, CountryEvidence::getKind)
        .containsExactly(tuple("Chinese", EvidenceKind.DEMONYM));
  }

  @Test
  void shouldTagCapitalsAndCities() {
    final CountryTags tags = tag("Envoy shuttles between capitals",
        "The envoy flew from Moscow to Pyongyang, then on to Geneva for a conference.", null);

    assertThat(tags.tags()).extracting(CountryTag::getCode).containsExactlyInAnyOrder("RU", "KP", "CH");
    assertThat(evidence(tags, "RU")).extracting(CountryEvidence::getKind).containsExactly(EvidenceKind.CAPITAL);
    assertThat(evidence(tags, "KP")).extracting(CountryEvidence::getKind).containsExactly(EvidenceKind.CAPITAL);
    assertThat(evidence(tags, "CH")).extracting(CountryEvidence::getText, CountryEvidence::getKind)
        .containsExactly(tuple("Geneva", EvidenceKind.CITY));
  }

  @Test
  void shouldMakeTheDatelineCountryPrimary() {
    final CountryTags tags = tag("Nuclear talks resume",
        "Iran and the United States resumed talks on Monday. Iran's delegation said Iran wanted "
            + "sanctions lifted, and the United States said it was ready to listen.",
        "GENEVA");

    assertThat(tags.primary()).isEqualTo("CH");
    assertThat(evidence(tags, "CH")).extracting(CountryEvidence::getText, CountryEvidence::getField,
        CountryEvidence::getStart, CountryEvidence::getEnd, CountryEvidence::getKind)
        .containsExactly(tuple("GENEVA", TextField.DATELINE, 0, 6, EvidenceKind.DATELINE));
    assertThat(tag(tags, "IR").getScore()).isGreaterThan(tag(tags, "CH").getScore());
  }

  @Test
  void shouldReadADatelineThatOpensTheBody() {
    final String body = "GENEVA (Wire) - Swiss banks reported higher profits on Tuesday.";
    final CountryTags tags = tag("Banks report profits", body, null);

    assertThat(tags.primary()).isEqualTo("CH");
    assertThat(evidence(tags, "CH")).extracting(CountryEvidence::getText, CountryEvidence::getField,
        CountryEvidence::getKind).containsExactly(
            tuple("GENEVA", TextField.BODY, EvidenceKind.DATELINE),
            tuple("Swiss", TextField.BODY, EvidenceKind.DEMONYM));
  }

  @Test
  void shouldNotTagKoreanAlone() {
    final CountryTags tags = tag("Korean food fair draws crowds",
        "Thousands queued for Korean dishes at the fair on Sunday.", null);

    assertThat(tags.tags()).isEmpty();
    assertThat(tags.primary()).isNull();
  }

  @Test
  void shouldTagKoreanWithSeoulAsSouthKoreaConfidently() {
    final CountryTags tags = tag("Korean band sells out arena",
        "The Korean band played two nights in Seoul, both sold out.", null);

    assertThat(tags.tags()).extracting(CountryTag::getCode).containsExactly("KR");
    assertThat(tags.primary()).isEqualTo("KR");
    assertThat(tag(tags, "KR").getScore()).isGreaterThanOrEqualTo(CountryTagger.CONFIDENCE_THRESHOLD);
    assertThat(evidence(tags, "KR")).extracting(CountryEvidence::getText, CountryEvidence::getKind)
        .containsExactly(tuple("Korean", EvidenceKind.DEMONYM), tuple("Korean", EvidenceKind.DEMONYM),
            tuple("Seoul", EvidenceKind.CAPITAL));
  }

  @Test
  void shouldSplitAnAmbiguousCueBetweenCorroboratedCountries() {
    final CountryTags tags = tag("Border talks",
        "Korean negotiators from Seoul and Pyongyang met at the border.", null);

    assertThat(evidence(tags, "KR")).extracting(CountryEvidence::getText).contains("Korean");
    assertThat(evidence(tags, "KP")).extracting(CountryEvidence::getText).contains("Korean");
  }

  @Test
  void shouldNotTagGeorgiaAlone() {
    final CountryTags tags = tag("Storm floods Georgia", "Heavy rain flooded roads across Georgia.", null);

    assertThat(tags.tags()).isEmpty();
    assertThat(tags.primary()).isNull();
  }

  @Test
  void shouldResolveGeorgiaByItsNeighbours() {
    assertThat(tag("Protests in Georgia", "Crowds filled the streets of Tbilisi.", null).primary())
        .isEqualTo("GE");
    final CountryTags state = tag("Storm floods Georgia", "Roads around Atlanta were closed.", null);
    assertThat(state.tags()).extracting(CountryTag::getCode).containsExactly("US");
    assertThat(evidence(state, "US")).extracting(CountryEvidence::getText).contains("Georgia", "Atlanta");
  }

  @Test
  void shouldNotTagAmbiguousCitiesOrCongoAlone() {
    assertThat(tag("Clashes reported", "Gunfire was heard in Tripoli overnight.", null).tags()).isEmpty();
    assertThat(tag("Rains", "Floods hit the Congo basin.", null).tags()).isEmpty();
    assertThat(tag("Visit", "The president praised America.", null).tags()).isEmpty();
    final CountryTags libya = tag("Clashes in Tripoli", "Libya's government said the fighting stopped.", null);
    assertThat(libya.tags()).extracting(CountryTag::getCode).containsExactly("LY");
  }

  @Test
  void shouldNotFindOmanInsideRomania() {
    final CountryTags tags = tag("Romania wins", "Romania beat the hosts in Bucharest; Romanian fans cheered.", null);

    assertThat(tags.tags()).extracting(CountryTag::getCode).containsExactly("RO");
    assertThat(evidence(tags, "RO")).extracting(CountryEvidence::getText)
        .containsExactly("Romania", "Romania", "Bucharest", "Romanian");
  }

  @Test
  void shouldNotTagLowerCaseChina() {
    final CountryTags tags = tag("Auction of fine china",
        "Collectors bid on old china and silverware at the estate sale.", null);

    assertThat(tags.tags()).isEmpty();
    assertThat(tags.primary()).isNull();
  }

  @Test
  void shouldTagNamesInAllCapsHeadlines() {
    final CountryTags tags = tag("CHINA AND JAPAN SIGN FISHERIES PACT", "The pact runs for five years.", null);

    assertThat(tags.tags()).extracting(CountryTag::getCode).containsExactlyInAnyOrder("CN", "JP");
  }

  @Test
  void shouldIgnoreStopPhrases() {
    final CountryTags tags = tag("Cyclone forms",
        "A cyclone formed over the Indian Ocean, forecasters in New Mexico said.", null);

    assertThat(tags.tags()).extracting(CountryTag::getCode).containsExactly("US");
  }

  @Test
  void shouldHaveNoPrimaryWithoutCountries() {
    final CountryTags tags = tag("Local bakery wins prize", "The bakery's rye loaf won first place.", null);

    assertThat(tags.tags()).isEmpty();
    assertThat(tags.primary()).isNull();
    assertThat(tag(null, null, null).tags()).isEmpty();
    assertThat(tag("", "", " ").primary()).isNull();
  }

  @Test
  void shouldScoreMoreEvidenceAndTheHeadlineHigher() {
    final CountryTags tags = tag("Chile and Peru sign trade deal",
        "Chile and Peru signed a trade deal on Friday. Chile will cut tariffs on copper parts, the "
            + "Chilean trade ministry said, while Argentina watched from the sidelines.",
        null);

    assertThat(tags.tags()).extracting(CountryTag::getCode).containsExactly("CL", "PE", "AR");
    assertThat(tags.primary()).isEqualTo("CL");
    assertThat(tag(tags, "AR").getScore()).isLessThan(tag(tags, "PE").getScore());
  }

  @Test
  void shouldScoreAsDocumented() {
    assertThat(tag(tag("Talks end", "Chile hosted the talks.", null), "CL").getScore()).isEqualTo(0.503);
    final CountryTags dateline = tag("Talks end", "The talks ended without a statement.", "LIMA");
    assertThat(tag(dateline, "PE").getScore()).isEqualTo(0.528);
    assertThat(dateline.primary()).isEqualTo("PE");
  }

  @Test
  void shouldKeepUtf16OffsetsAfterSupplementaryCharacters() {
    final String body = "\uD83C\uDF0D Report: C\u00f4te d\u2019Ivoire and \uD83D\uDE80 Kenya lead growth.";
    final CountryTags tags = tag("Growth report", body, null);

    assertThat(evidence(tags, "CI")).extracting(CountryEvidence::getText)
        .containsExactly("C\u00f4te d\u2019Ivoire");
    assertThat(evidence(tags, "KE")).extracting(CountryEvidence::getStart)
        .containsExactly(body.indexOf("Kenya"));
  }

  /** Tags a story and checks the invariants every result must hold. */
  private static CountryTags tag(final String headline, final String body, final String dateline) {
    final CountryTags tags = tagger.tag(headline, body, dateline);
    double previous = 1.0;
    for (final CountryTag t : tags.tags()) {
      assertThat(t.getScore()).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
      previous = t.getScore();
      assertThat(t.getEvidence()).isNotEmpty();
      for (final CountryEvidence e : t.getEvidence()) {
        final String text = switch (e.getField()) {
          case HEADLINE -> headline;
          case BODY -> body;
          case DATELINE -> dateline;
          default -> null;
        };
        assertThat(text).as("field %s of %s", e.getField(), e).isNotNull();
        assertThat(text.substring(e.getStart(), e.getEnd())).isEqualTo(e.getText());
      }
    }
    if (tags.primary() != null) {
      assertThat(tag(tags, tags.primary()).getScore())
          .isGreaterThanOrEqualTo(CountryTagger.CONFIDENCE_THRESHOLD);
    }
    return tags;
  }

  private static CountryTag tag(final CountryTags tags, final String code) {
    final Optional<CountryTag> found = tags.tags().stream().filter(t -> t.getCode().equals(code)).findFirst();
    assertThat(found).as("tag %s in %s", code, tags).isPresent();
    return found.get();
  }

  private static List<CountryEvidence> evidence(final CountryTags tags, final String code) {
    return tag(tags, code).getEvidence();
  }
}
