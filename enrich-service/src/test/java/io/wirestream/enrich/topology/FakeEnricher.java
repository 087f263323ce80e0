package io.wirestream.enrich.topology;

import io.wirestream.enrich.Enricher;
import io.wirestream.schemas.EnrichedArticles;
import io.wirestream.schemas.avro.CountryEvidence;
import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.EvidenceKind;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.Provenance;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.TextField;
import io.wirestream.schemas.avro.Tone;
import io.wirestream.schemas.avro.ToneLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A predictable stand-in for the NLP, so topology tests check routing and state, not models:
 * the dateline becomes the one country (its code is the dateline's first two letters, upper
 * case), the byline becomes a PERSON entity, and the tone is read from the word "good" or "bad".
 * A body containing "EXPLODE" makes it throw, as a failing model would.
 */
final class FakeEnricher implements Enricher {

  @Override
  public EnrichedArticle enrich(final RawArticle raw) {
    if (raw.getBody().contains("EXPLODE")) {
      throw new IllegalStateException("model failed on story " + raw.getId());
    }
    final List<CountryTag> countries = new ArrayList<>();
    if (raw.getDateline() != null) {
      final String code = raw.getDateline().substring(0, 2).toUpperCase();
      countries.add(new CountryTag(code, raw.getDateline(), 0.9, List.of(new CountryEvidence(
          raw.getDateline(), TextField.DATELINE, 0, raw.getDateline().length(),
          EvidenceKind.DATELINE))));
    }
    final List<Entity> entities = new ArrayList<>();
    if (raw.getByline() != null) {
      final int start = Math.max(0, raw.getBody().indexOf(raw.getByline()));
      entities.add(new Entity(EntityType.PERSON, raw.getByline(), 1, 0.8, null, List.of(
          new Mention(TextField.BODY, start, start + raw.getByline().length(),
              raw.getByline(), 0.9)), 0.9));
    }
    final double score = raw.getBody().contains("good") ? 0.6
        : raw.getBody().contains("bad") ? -0.4 : 0.0;
    return EnrichedArticles.from(raw)
        .setLanguage("en")
        .setEntities(entities)
        .setTone(new Tone(score, score > 0 ? ToneLabel.POSITIVE : score < 0 ? ToneLabel.NEGATIVE
            : ToneLabel.NEUTRAL, 1.0, 1.0, 2.0, 10, 0.7))
        .setCountries(countries)
        .setPrimaryCountry(countries.isEmpty() ? null : countries.get(0).getCode())
        .setProvenance(new Provenance("test", List.of("fake"), Instant.parse("2026-01-01T00:00:00Z"),
            1L))
        .build();
  }
}
