package io.wirestream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Provenance;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichedArticlesTest {

  @Test
  void ingestWarningsShouldCarryOverIntoTheEnrichedRecord() {
    final RawArticle raw = RawArticle.newBuilder().setId("a").setVersion(1).setSource("Wire")
        .setHeadline("FLASH: Bridge closed").setBody("").setIngestedAt(Instant.EPOCH)
        .setContentHash("h").setFormat(SourceFormat.NEWSML_G2)
        .setWarnings(List.of("no-body: the item has no body text")).build();

    final EnrichedArticle enriched = EnrichedArticles.from(raw).setLanguage("en")
        .setProvenance(new Provenance("t", List.of(), Instant.EPOCH, 1L)).build();

    assertThat(enriched.getWarnings()).containsExactly("no-body: the item has no body text");
    assertThat(RawArticle.newBuilder(raw).clearWarnings().build().getWarnings())
        .as("a story with nothing to warn about has none, by default").isEmpty();
  }
}
