package io.wirestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.devstack.TopicReader;
import io.wirestream.enrich.EnrichConfig;
import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.app.EnrichApp;
import io.wirestream.ingest.cli.IngestCommand;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.TextField;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole path on the real devstack broker and registry: `wirestream ingest` publishes wire
 * stories, the enrich-service with the real NLP enriches them, a read_committed consumer sees
 * entities with offsets, tone and countries; a non-English story passes through tagged with its
 * language; an embargoed story does not appear before its time.
 */
@Tag("integration")
@Timeout(240)
@ExtendWith(DevStackExtension.class)
class PipelineEndToEndIT {

  private final KafkaStack stack;
  @TempDir
  Path inbox;
  @TempDir
  Path state;

  PipelineEndToEndIT(final KafkaStack stack) {
    this.stack = stack;
  }

  @Test
  void ingestedStoriesShouldComeOutEnrichedWithEntitiesToneAndCountries() throws Exception {
    final String prefix = "e2e-" + UUID.randomUUID() + ".";
    final EnrichConfig config = EnrichConfig.of(stack.bootstrapServers(),
        stack.schemaRegistryUrl(), state).withApplicationId("e2e-" + UUID.randomUUID())
        .withTopics(EnrichConfig.TopicNames.standard().withPrefix(prefix));
    final Instant embargo = Instant.now().plus(Duration.ofHours(6));
    Files.writeString(inbox.resolve("wire.jsonl"), String.join("\n",
        "{\"id\":\"urn:e2e:1\",\"source\":\"E2E Wire\",\"dateline\":\"SEOUL\",\"headline\":"
            + "\"DPRK envoy meets Lavrov in Moscow\",\"body\":\"Foreign Minister Sergei Lavrov met"
            + " an envoy from the Democratic People's Republic of Korea in Moscow on Tuesday.\\n\\n"
            + "Lavrov said the talks were useful and that Russia welcomed the visit.\"}",
        "{\"id\":\"urn:e2e:2\",\"source\":\"E2E Wire\",\"language\":\"fr\",\"headline\":"
            + "\"Les vols reprennent à Lyon\",\"body\":\"Les vols ont repris lundi à l'aéroport"
            + " de Lyon après trois jours de grève des contrôleurs aériens.\"}",
        "{\"id\":\"urn:e2e:3\",\"source\":\"E2E Wire\",\"headline\":\"Embargoed results\","
            + "\"body\":\"Quarterly results of the harbour company will be published later.\","
            + "\"embargoUntil\":\"" + embargo + "\"}"), StandardCharsets.UTF_8);

    try (EnrichApp app = EnrichApp.start(config, NewsEnricher.load(), 2, Optional.empty())) {
      final StringWriter err = new StringWriter();
      final CommandLine ingest = new CommandLine(new IngestCommand());
      ingest.setErr(new PrintWriter(err));
      ingest.setOut(new PrintWriter(new StringWriter()));
      final int exit = ingest.execute("--bootstrap-servers", stack.bootstrapServers(),
          "--schema-registry-url", stack.schemaRegistryUrl(), "--output-topic",
          config.topics().raw(), "--error-topic", config.topics().deadLetters(), "--no-progress",
          inbox.toString());
      assertThat(exit).as(err.toString()).isZero();
      assertThat(err.toString()).contains("3 published");

      final List<ConsumerRecord<String, EnrichedArticle>> enriched =
          read(config.topics().enriched(), 2, Duration.ofSeconds(90));

      assertThat(enriched).extracting(ConsumerRecord::key)
          .as("the embargoed story is held back").containsExactlyInAnyOrder("urn:e2e:1", "urn:e2e:2");
      final EnrichedArticle english = enriched.stream().filter(r -> r.key().equals("urn:e2e:1"))
          .findFirst().orElseThrow().value();
      assertThat(english.getLanguage()).isEqualTo("en");
      assertThat(english.getEntities()).extracting(Entity::getName).contains("Sergei Lavrov");
      final Entity lavrov = english.getEntities().stream()
          .filter(e -> e.getName().equals("Sergei Lavrov")).findFirst().orElseThrow();
      assertThat(lavrov.getType()).isEqualTo(EntityType.PERSON);
      assertThat(lavrov.getCount()).as("'Lavrov' merged into the full name").isGreaterThanOrEqualTo(3);
      for (final Mention mention : lavrov.getMentions()) {
        final String field = mention.getField() == TextField.HEADLINE ? english.getHeadline()
            : english.getBody();
        assertThat(field.substring(mention.getStart(), mention.getEnd()))
            .isEqualTo(mention.getText());
      }
      assertThat(english.getCountries()).extracting(tag -> tag.getCode())
          .contains("KP", "RU", "KR");
      assertThat(english.getPrimaryCountry()).isEqualTo("KR");
      assertThat(english.getTone()).isNotNull();
      assertThat(english.getProvenance().getModelIds())
          .contains("corenlp-4.5.10/english.conll.4class.distsim");

      final EnrichedArticle french = enriched.stream().filter(r -> r.key().equals("urn:e2e:2"))
          .findFirst().orElseThrow().value();
      assertThat(french.getLanguage()).isEqualTo("fr");
      assertThat(french.getEntities()).isEmpty();
      assertThat(french.getTone()).isNull();
    }
  }

  private List<ConsumerRecord<String, EnrichedArticle>> read(final String topic,
      final int expected, final Duration timeout) {
    try (SpecificAvroSerde<EnrichedArticle> serde = WirestreamSerdes.valueSerde(Topics.ENRICHED,
        Map.of("schema.registry.url", stack.schemaRegistryUrl()))) {
      // 3 s more after the expected ones, so a story that should be held back would show up too.
      return TopicReader.read(stack, topic, serde.deserializer(),
          records -> records.size() >= expected, Duration.ofSeconds(3), timeout);
    }
  }
}
