package io.wirestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.devstack.TopicReader;
import io.wirestream.enrich.EnrichConfig;
import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.app.EnrichApp;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The DLQ round trip an operator does: the enricher dead-letters a story (its body is over the
 * configured limit), {@code wirestream dlq list} shows why, the enricher is restarted with the limit
 * raised, {@code wirestream dlq replay} sends the story back, and it comes out enriched once, even
 * when the replay is run twice.
 */
@Tag("integration")
@Timeout(300)
@ExtendWith(DevStackExtension.class)
class DlqCommandIT {

  private final KafkaStack stack;
  @TempDir
  Path state;

  DlqCommandIT(final KafkaStack stack) {
    this.stack = stack;
  }

  @Test
  void aStoryDeadLetteredByTheEnricherShouldComeOutEnrichedAfterTheFixAndAReplay()
      throws Exception {
    final String prefix = "dlq-it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    final EnrichConfig config = EnrichConfig.of(stack.bootstrapServers(),
            stack.schemaRegistryUrl(), state)
        .withApplicationId(prefix + "enrich")
        .withTopics(EnrichConfig.TopicNames.standard().withPrefix(prefix));
    final String id = prefix + "story";
    final String body = "Officials in Nairobi said on Monday that Kenya would host the regional "
        + "summit in March, and that delegations from Uganda and Tanzania had confirmed.";

    try (EnrichApp tooStrict = EnrichApp.start(config.withMaxBodyChars(40), NewsEnricher.load(),
        2, Optional.empty())) {
      produce(config, id, body);
      awaitDeadLetter(config, id);
    }

    final String listed = run("dlq", "list", "--dlq-topic", config.topics().deadLetters(),
        "--article-id", id);
    assertThat(listed).contains("ENRICH").contains("over the limit of 40")
        .contains("1 dead letter(s)");
    final String dryRun = run("dlq", "replay", "--dlq-topic", config.topics().deadLetters(),
        "--dry-run");
    assertThat(dryRun).contains("would replay 1 dead letter(s)");

    // The restarted instance gets its own state directory, as a new pod would: the first one's
    // directory stays locked until its stop completes, which can outlast close() on a busy host.
    try (EnrichApp fixed = EnrichApp.start(config.withStateDir(state.resolve("restarted")),
        NewsEnricher.load(), 2, Optional.empty())) {
      final String replayed = run("dlq", "replay", "--dlq-topic", config.topics().deadLetters());
      assertThat(replayed).contains("replay ").contains("-> " + config.topics().raw())
          .contains("replayed 1 dead letter(s), skipped 0");
      // A second replay of the same letter is a re-send: the gate drops it.
      run("dlq", "replay", "--dlq-topic", config.topics().deadLetters());

      try (SpecificAvroSerde<EnrichedArticle> serde = WirestreamSerdes.valueSerde(
          Topics.ENRICHED, config.registryProperties())) {
        final List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.read(stack,
            config.topics().enriched(), serde.deserializer(), records -> !records.isEmpty(),
            Duration.ofSeconds(10), Duration.ofSeconds(120));
        assertThat(enriched).as("the replayed story, enriched exactly once").hasSize(1);
        assertThat(enriched.get(0).key()).isEqualTo(id);
        assertThat(enriched.get(0).value().getCountries()).extracting(c -> c.getCode())
            .contains("KE");
        assertThat(enriched.get(0).headers().lastHeader("ws.replayed-from")).isNotNull();
      }
    }
  }

  private void produce(final EnrichConfig config, final String id, final String body)
      throws Exception {
    final Properties props = new Properties();
    props.put("bootstrap.servers", stack.bootstrapServers());
    try (SpecificAvroSerde<RawArticle> serde = WirestreamSerdes.valueSerde(Topics.RAW,
        config.registryProperties());
        KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(props,
            new StringSerializer(), serde.serializer())) {
      producer.send(new ProducerRecord<>(config.topics().raw(), id, RawArticle.newBuilder()
          .setId(id).setVersion(1).setSource("Test Wire").setHeadline("Kenya to host summit")
          .setBody(body).setIngestedAt(Instant.now()).setContentHash("hash-" + id)
          .setFormat(SourceFormat.JSON_LINES).build())).get();
    }
  }

  private void awaitDeadLetter(final EnrichConfig config, final String id) {
    try (SpecificAvroSerde<DeadLetter> serde = WirestreamSerdes.valueSerde(Topics.DLQ,
        config.registryProperties())) {
      final List<ConsumerRecord<String, DeadLetter>> letters = TopicReader.read(stack,
          config.topics().deadLetters(), serde.deserializer(), records -> !records.isEmpty(),
          Duration.ZERO, Duration.ofSeconds(120));
      assertThat(letters).hasSize(1);
      assertThat(letters.get(0).value().getStage()).isEqualTo(DeadLetterStage.ENRICH);
      assertThat(letters.get(0).value().getArticleId()).isEqualTo(id);
    }
  }

  private String run(final String... args) {
    final StringWriter out = new StringWriter();
    final CommandLine commandLine = WirestreamCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(out, true));
    final String[] full = new String[args.length + 4];
    System.arraycopy(args, 0, full, 0, 2);
    full[2] = "--bootstrap-servers";
    full[3] = stack.bootstrapServers();
    full[4] = "--schema-registry-url";
    full[5] = stack.schemaRegistryUrl();
    System.arraycopy(args, 2, full, 6, args.length - 2);
    final int exit = commandLine.execute(full);
    assertThat(exit).as(out.toString()).isZero();
    return out.toString();
  }
}
