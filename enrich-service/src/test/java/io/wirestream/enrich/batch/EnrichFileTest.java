package io.wirestream.enrich.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.enrich.topology.TestEnrichers;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch mode's input handling and output contract, with the predictable test enricher. */
class EnrichFileTest {

  private final EnrichFile batch = new EnrichFile(new TestEnrichers().predictable(),
      Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void shouldWriteOnePlainJsonLinePerStoryWithTheDocumentedFields() throws Exception {
    final StringWriter out = new StringWriter();

    final EnrichFile.Report report = batch.run(new BufferedReader(new StringReader(
        "{\"id\":\"s1\",\"headline\":\"Ferry strike ends\",\"body\":\"The strike ended, a good"
            + " day.\",\"dateline\":\"Malta\",\"published\":\"2026-04-30T10:00:00Z\"}\n")), out);

    assertThat(report.enriched()).isEqualTo(1);
    assertThat(report.rejected()).isEmpty();
    final JsonNode line = new ObjectMapper().readTree(out.toString());
    assertThat(line.path("id").asText()).isEqualTo("s1");
    assertThat(line.path("language").asText()).isEqualTo("en");
    assertThat(line.path("primaryCountry").asText()).isEqualTo("MA");
    assertThat(line.path("tone").path("label").asText()).isEqualTo("POSITIVE");
    assertThat(line.path("tone").has("wordCount")).isTrue();
    assertThat(line.path("tone").path("confidence").asDouble(-1)).isBetween(0.0, 1.0);
    final JsonNode evidence = line.path("countries").get(0).path("evidence").get(0);
    assertThat(evidence.path("field").asText()).isEqualTo("dateline");
    assertThat(evidence.path("kind").asText()).isEqualTo("DATELINE");
    assertThat(line.path("provenance").path("enricherVersion").asText()).isEqualTo("test");
    final List<String> fields = new java.util.ArrayList<>();
    line.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "language", "entities", "tone", "countries",
        "primaryCountry", "duplicateOf", "provenance");
  }

  @Test
  void shouldWriteTheConfidenceOfEveryEntityAndMention() throws Exception {
    final ObjectMapper json = new ObjectMapper();
    final io.wirestream.schemas.avro.RawArticle raw = io.wirestream.schemas.avro.RawArticle
        .newBuilder(batch.article(json.readTree("{\"id\":\"s2\",\"headline\":\"Vote\","
            + "\"body\":\"Ana Ruiz said the vote was close.\"}")))
        .setByline("Ana Ruiz").build();

    final JsonNode entity = json.valueToTree(EnrichedJson.toMap(
        new TestEnrichers().predictable().enrich(raw))).path("entities").get(0);

    final List<String> fields = new java.util.ArrayList<>();
    entity.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("type", "name", "count", "salience", "tone", "confidence",
        "mentions");
    assertThat(entity.path("confidence").asDouble()).isEqualTo(0.9);
    assertThat(entity.path("mentions").get(0).path("confidence").asDouble()).isEqualTo(0.9);
  }

  @Test
  void shouldPointACopyUnderAnotherIdToTheFirstStoryOfItsCluster() throws Exception {
    final ObjectMapper json = new ObjectMapper();
    final String strike = io.wirestream.enrich.cluster.NearDuplicateTest.read("port-strike.txt");
    final String match = io.wirestream.enrich.cluster.NearDuplicateTest.read("match-report-a.txt");
    final String input = String.join("\n",
        json.writeValueAsString(java.util.Map.of("id", "agency-1", "body", strike)),
        json.writeValueAsString(java.util.Map.of("id", "match-1", "body", match)),
        json.writeValueAsString(java.util.Map.of("id", "outlet-7",
            "body", "By Petra Lind, Harbour Times\n\n" + strike)),
        json.writeValueAsString(java.util.Map.of("id", "agency-1", "body", strike)));

    final List<JsonNode> clustered = lines(batch, input);
    assertThat(clustered).extracting(l -> l.path("id").asText())
        .containsExactly("agency-1", "match-1", "outlet-7", "agency-1");
    assertThat(clustered).extracting(l -> l.path("duplicateOf").isNull() ? null
        : l.path("duplicateOf").asText()).containsExactly(null, null, "agency-1", null);

    final EnrichFile off = new EnrichFile(new TestEnrichers().predictable(),
        Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC), 0);
    assertThat(lines(off, input)).allMatch(l -> l.path("duplicateOf").isNull());
  }

  private static List<JsonNode> lines(final EnrichFile file, final String input) throws Exception {
    final StringWriter out = new StringWriter();
    assertThat(file.run(new BufferedReader(new StringReader(input)), out).rejected()).isEmpty();
    final List<JsonNode> lines = new java.util.ArrayList<>();
    for (final String line : out.toString().split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    return lines;
  }

  @Test
  void shouldReportBadLinesWithTheirNumbersAndGoOn() throws Exception {
    final StringWriter out = new StringWriter();

    final EnrichFile.Report report = batch.run(new BufferedReader(new StringReader(String.join(
        "\n", "{not json", "{\"id\":\"no-body\"}", "", "{\"body\":\"no id\"}",
        "{\"id\":\"ok\",\"body\":\"Fine.\"}", "{\"id\":\"d\",\"body\":\"x\",\"published\":"
            + "\"yesterday\"}"))), out);

    assertThat(report.enriched()).isEqualTo(1);
    assertThat(report.rejected()).containsExactly(
        "line 1: malformed JSON: Unexpected character ('n' (code 110)): was expecting double-quote"
            + " to start field name",
        "line 2: story no-body has no \"body\"",
        "line 4: no \"id\"",
        "line 6: \"published\" is not an ISO-8601 instant: yesterday");
    assertThat(out.toString().lines()).hasSize(1);
  }
}
