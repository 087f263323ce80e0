package io.wirestream.schemas.testing;

import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.CountryEvidence;
import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.EvidenceKind;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.Provenance;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import io.wirestream.schemas.avro.TextField;
import io.wirestream.schemas.avro.Tone;
import io.wirestream.schemas.avro.ToneLabel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test stories written for these tests (never copied from real articles). */
public final class Stories {

  private static final String HEADLINE = "Harbour authority opens new ferry terminal in Valletta";
  private static final String BODY = "The Maltese transport ministry on Monday opened a ferry"
      + " terminal in Valletta that officials said would double passenger capacity.\n\n"
      + "Minister Clara Vella said the project was finished ahead of schedule.";

  private Stories() {
  }

  /** A raw story with every optional field set. */
  public static RawArticle raw(final String id) {
    return RawArticle.newBuilder()
        .setId(id)
        .setVersion(2)
        .setSource("Harbour Wire")
        .setOutlet("Harbour Daily")
        .setSourceGuid("urn:harbourwire:" + id)
        .setUrl("https://news.example.org/" + id)
        .setHeadline(HEADLINE)
        .setByline("Ana Borg")
        .setDateline("Valletta")
        .setSection("World")
        .setLanguage("en")
        .setBody(BODY)
        .setSubjects(List.of("medtop:20000000"))
        .setUrgency(4)
        .setPublishedAt(Instant.parse("2026-03-02T08:15:00Z"))
        .setIngestedAt(Instant.parse("2026-03-02T08:15:03.250Z"))
        .setContentHash("9f2c1b7a")
        .setEmbargoUntil(null)
        .setStatus(ArticleStatus.USABLE)
        .setFormat(SourceFormat.PLAIN_TEXT)
        .setAttributes(Map.of("caption", "The new terminal. (Photo: Harbour Wire)"))
        .build();
  }

  /** An enriched story with entities, tone and a country tag. */
  public static EnrichedArticle enriched(final String id) {
    final int start = BODY.indexOf("Clara Vella");
    final int city = HEADLINE.indexOf("Valletta");
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setVersion(2)
        .setSource("Harbour Wire")
        .setHeadline(HEADLINE)
        .setDateline("Valletta")
        .setBody(BODY)
        .setIngestedAt(Instant.parse("2026-03-02T08:15:03.250Z"))
        .setContentHash("9f2c1b7a")
        .setFormat(SourceFormat.PLAIN_TEXT)
        .setLanguage("en")
        .setEntities(List.of(Entity.newBuilder()
            .setType(EntityType.PERSON)
            .setName("Clara Vella")
            .setCount(1)
            .setSalience(0.4)
            .setTone(0.2)
            .setMentions(List.of(new Mention(TextField.BODY, start, start + 11, "Clara Vella", null)))
            .build()))
        .setTone(new Tone(0.31, ToneLabel.POSITIVE, 6.5, 1.2, 7.7, 38, 0.8))
        .setCountries(List.of(new CountryTag("MT", "Malta", 0.93, List.of(
            new CountryEvidence("Valletta", TextField.HEADLINE, city, city + 8, EvidenceKind.CAPITAL)))))
        .setPrimaryCountry("MT")
        .setProvenance(new Provenance("0.1.0", List.of("test-model"),
            Instant.parse("2026-03-02T08:15:03.400Z"), 1_250L))
        .build();
  }
}
