package io.wirestream.enrich.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wirestream.schemas.avro.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerCorpusTest {

  @TempDir
  Path dir;

  @Test
  void shouldStripInlineMarksAndKeepTheirSpans() throws IOException {
    final Path file = dir.resolve("stories.jsonl");
    Files.writeString(file, "{\"id\":\"s1\",\"headline\":\"[[ORG|LEEDS]] WIN\","
        + "\"body\":\"[[LOC|LEEDS]] 2026-03-14\\n[[ORG|Leeds]] beat [[ORG|Newcastle]] .\"}\n");

    final NerCorpus.Document doc = NerCorpus.readInline(file).get(0);

    assertThat(doc.headline()).isEqualTo("LEEDS WIN");
    assertThat(doc.body()).isEqualTo("LEEDS 2026-03-14\nLeeds beat Newcastle .");
    assertThat(doc.headlineGold()).containsExactly(new NerCorpus.Span(0, 5, EntityType.ORGANIZATION));
    assertThat(doc.bodyGold()).extracting(s -> doc.body().substring(s.start(), s.end()),
        NerCorpus.Span::type).containsExactly(
        tuple("LEEDS", EntityType.LOCATION), tuple("Leeds", EntityType.ORGANIZATION),
        tuple("Newcastle", EntityType.ORGANIZATION));
  }

  @Test
  void shouldRejectAMalformedMarkNamingTheStory() {
    assertThatThrownBy(() -> NerCorpus.strip("[[ORG Leeds]] won", new ArrayList<>(), "s9"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s9");
    assertThatThrownBy(() -> NerCorpus.strip("[[TEAM|Leeds]] won", new ArrayList<>(), "s9"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldJoinTheSentencesOfADocumentOnePerLine() throws IOException {
    final Path file = dir.resolve("ner.jsonl");
    Files.write(file, List.of(
        "{\"doc\":\"d1\",\"text\":\"Anna Berg lives in Oslo .\",\"entities\":["
            + "{\"start\":0,\"end\":9,\"type\":\"PER\"},{\"start\":19,\"end\":23,\"type\":\"LOC\"}]}",
        "{\"doc\":\"d1\",\"text\":\"She works for Statoil .\",\"entities\":["
            + "{\"start\":14,\"end\":21,\"type\":\"ORG\"}]}",
        "{\"doc\":\"d2\",\"text\":\"Rain .\",\"entities\":[]}"));

    final List<NerCorpus.Document> docs = NerCorpus.readSentences(file);

    assertThat(docs).extracting(NerCorpus.Document::id).containsExactly("d1", "d2");
    final NerCorpus.Document d1 = docs.get(0);
    assertThat(d1.body()).isEqualTo("Anna Berg lives in Oslo .\nShe works for Statoil .");
    assertThat(d1.bodyGold()).extracting(s -> d1.body().substring(s.start(), s.end()))
        .containsExactly("Anna Berg", "Oslo", "Statoil");
  }
}
