package io.wirestream.deploy;

import io.wirestream.deploy.dlq.DeadLetterReplay;
import io.wirestream.deploy.dlq.DeadLetterScan;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterStage;
import io.wirestream.schemas.cli.ClusterOptions;
import io.wirestream.schemas.registry.SchemaRegistryConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream dlq list|replay}: read the dead-letter topic, and send dead letters back to the
 * topic they were read from once their cause is fixed (a new enricher version, a raised limit). The
 * enricher forgets a story it dead-lettered, so a replayed story is enriched, not taken for a
 * re-send; replaying the same letters twice is harmless: the second copy is a re-send.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true,
    description = "Read the dead-letter topic and replay dead letters.",
    subcommands = {DlqCommand.ListLetters.class, DlqCommand.Replay.class})
final class DlqCommand {

  /** Options both subcommands take: where the dead letters are and which ones. */
  static final class Selection {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--dlq-topic", paramLabel = "TOPIC", defaultValue = "news.dlq.v1",
        description = "Dead-letter topic (default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--article-id", paramLabel = "ID", description = "Only this article's.")
    String articleId;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT60S",
        description = "Give up reading the topic after this long (default 60s).")
    Duration timeout;

    List<ConsumerRecord<String, DeadLetter>> read(final CommandLine commandLine,
        final Set<DeadLetterStage> stages) throws Exception {
      if (cluster.bootstrapServers() == null || cluster.schemaRegistryUrl() == null) {
        throw new CommandLine.ParameterException(commandLine,
            "--bootstrap-servers and --schema-registry-url are required");
      }
      return DeadLetterScan.readAll(clientProperties(), SchemaRegistryConfig.registryProperties(
              cluster.schemaRegistryUrl(), cluster.clientProperties()), topic, timeout)
          .stream()
          .filter(r -> stages.contains(r.value().getStage()))
          .filter(r -> articleId == null || articleId.equals(r.value().getArticleId()))
          .toList();
    }

    Properties clientProperties() {
      final Properties client = new Properties();
      client.putAll(SchemaRegistryConfig.kafkaProperties(cluster.clientProperties()));
      client.put("bootstrap.servers", cluster.bootstrapServers());
      return client;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Print the dead letters now on the topic, one per line, oldest first.")
  static final class ListLetters implements Callable<Integer> {

    @Mixin
    Selection selection;

    @Option(names = "--stage", paramLabel = "STAGE", split = ",",
        description = "Only these stages: INGEST, DESERIALIZE, ENRICH, PRODUCE (default all).")
    Set<DeadLetterStage> stages = EnumSet.allOf(DeadLetterStage.class);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      final PrintWriter out = spec.commandLine().getOut();
      final List<ConsumerRecord<String, DeadLetter>> letters =
          selection.read(spec.commandLine(), stages);
      letters.forEach(record -> out.println(line(record)));
      out.println(letters.size() + " dead letter(s) on " + selection.topic);
      out.flush();
      return 0;
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = "Send dead letters back to the topic they were read from (original key, "
          + "value and headers) and print what was sent and what could not be.")
  static final class Replay implements Callable<Integer> {

    @Mixin
    Selection selection;

    @Option(names = "--stage", paramLabel = "STAGE", split = ",", defaultValue = "ENRICH",
        description = "Only these stages (default ENRICH: stories the enricher failed on).")
    Set<DeadLetterStage> stages;

    @Option(names = "--to", paramLabel = "TOPIC",
        description = "Send to this topic instead of each letter's source topic.")
    String to;

    @Option(names = "--dry-run", description = "Print what would be replayed; send nothing.")
    boolean dryRun;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      final PrintWriter out = spec.commandLine().getOut();
      final List<ConsumerRecord<String, DeadLetter>> letters =
          selection.read(spec.commandLine(), stages);
      final Properties props = selection.clientProperties();
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      int skipped = 0;
      final List<Future<RecordMetadata>> sent = new ArrayList<>();
      try (KafkaProducer<byte[], byte[]> producer = dryRun ? null
          : new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
        for (final ConsumerRecord<String, DeadLetter> record : letters) {
          final DeadLetter letter = record.value();
          final String from = record.topic() + "/" + record.partition() + "@" + record.offset();
          final Optional<String> whyNot = DeadLetterReplay.whyNot(letter);
          if (whyNot.isPresent()) {
            skipped++;
            out.println("skip   " + line(record) + " -- cannot replay: " + whyNot.get());
            continue;
          }
          final String topic = to != null ? to : letter.getSourceTopic();
          out.println((dryRun ? "would  " : "replay ") + line(record) + " -> " + topic);
          if (!dryRun) {
            sent.add(producer.send(DeadLetterReplay.record(letter, topic, from)));
          }
        }
        if (!dryRun) {
          producer.flush();
          for (final Future<RecordMetadata> future : sent) {
            future.get(selection.timeout.toMillis(), TimeUnit.MILLISECONDS);
          }
        }
      }
      out.println((dryRun ? "would replay " : "replayed ") + (letters.size() - skipped)
          + " dead letter(s), skipped " + skipped + " that cannot be replayed");
      out.flush();
      return 0;
    }
  }

  static String line(final ConsumerRecord<String, DeadLetter> record) {
    final DeadLetter letter = record.value();
    final String source = letter.getSourceTopic() != null
        ? letter.getSourceTopic() + "/" + letter.getSourcePartition() + "@"
            + letter.getSourceOffset()
        : String.valueOf(letter.getOrigin());
    return String.format("%s %-11s %s id=%s %s: %s", letter.getTimestamp(), letter.getStage(),
        source, letter.getArticleId() == null ? "-" : letter.getArticleId(),
        letter.getErrorClass().substring(letter.getErrorClass().lastIndexOf('.') + 1),
        letter.getErrorMessage());
  }
}
