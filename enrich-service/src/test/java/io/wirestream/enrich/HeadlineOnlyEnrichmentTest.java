package io.wirestream.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real enricher on a headline-only story (an agency flash, which ingest keeps with an empty
 * body and a {@code no-body} warning): it is enriched from its headline.
 */
class HeadlineOnlyEnrichmentTest {

  private static NewsEnricher enricher;

  @BeforeAll
  static void load() {
    enricher = NewsEnricher.load();
  }

  @Test
  void aFlashShouldBeEnrichedFromItsHeadlineAndKeepItsWarnings() {
    final RawArticle flash = RawArticle.newBuilder().setId("flash-1").setVersion(1)
        .setSource("Test Wire").setHeadline("Maria Sundqvist resigns as Norwegian finance minister")
        .setBody("").setIngestedAt(Instant.parse("2026-03-02T08:00:00Z")).setContentHash("h")
        .setFormat(SourceFormat.NEWSML_G2)
        .setWarnings(List.of("no-body: the item has no body text (a flash or headline-only item)"))
        .build();

    final EnrichedArticle story = enricher.enrich(flash);

    assertThat(story.getBody()).isEmpty();
    assertThat(story.getEntities()).extracting(Entity::getName).contains("Maria Sundqvist");
    assertThat(story.getCountries()).extracting(CountryTag::getCode).contains("NO");
    assertThat(story.getTone()).isNotNull();
    assertThat(story.getWarnings())
        .containsExactly("no-body: the item has no body text (a flash or headline-only item)");
  }
}
