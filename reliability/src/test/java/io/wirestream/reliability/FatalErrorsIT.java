package io.wirestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.devstack.LoopbackPorts;
import io.wirestream.devstack.MachineRequirements;
import io.wirestream.reliability.load.StoryFactory;
import io.wirestream.reliability.process.ChildJvm;
import io.wirestream.reliability.process.ServiceProcesses;
import io.wirestream.reliability.process.TinyDisk;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the services do when the ground goes away under them: a topic that does not exist, a topic
 * deleted while the service runs. The answer must be a clear error and a non-zero exit within a
 * bounded time, never a hang. Real processes (the launcher's {@code ingest} and {@code enrich}) on
 * the devstack broker and registry.
 */
@Tag("integration")
@ExtendWith(DevStackExtension.class)
class FatalErrorsIT {

  /** The state volume of the disk-full test. */
  private static final String DISK_SIZE = "256k";

  private final KafkaStack stack;
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path workDir;

  FatalErrorsIT(final KafkaStack stack) {
    this.stack = stack;
  }

  @Test
  @Timeout(180)
  void ingestShouldExitNonZeroWhenItsTopicDoesNotExistAndMayNotBeCreated() throws Exception {
    final Path story = workDir.resolve("story.json");
    Files.write(story, new StoryFactory("missing-topic").story(1));
    final String topic = "missing-" + UUID.randomUUID();
    final long started = System.nanoTime();
    try (ChildJvm ingest = ChildJvm.start("ingest-missing-topic", List.of("-Xmx256m"),
        ChildJvm.currentClasspath(), ServiceProcesses.CLI, List.of("ingest",
            "--bootstrap-servers", stack.bootstrapServers(),
            "--schema-registry-url", stack.schemaRegistryUrl(),
            "--output-topic", topic, "--no-create-topics", "--no-progress",
            // The producer waits max.block.ms (default 60 s) for the topic's metadata.
            "--kafka-config", "max.block.ms=15000", story.toString()),
        workDir.resolve("ingest-missing-topic.log"))) {
      final Optional<Integer> exit = ingest.awaitExit(Duration.ofSeconds(120));
      final double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("ingest to a missing topic, creation disabled: exit %s after %.1f s%n%s%n",
          exit.map(String::valueOf).orElse("none (still running)"), seconds, ingest.logTail());
      assertThat(exit).as(ingest.logTail()).contains(3);
      assertThat(ingest.log()).contains(topic).containsIgnoringCase("not present in metadata");
    }
  }

  @Test
  @Timeout(300)
  void enrichShouldExitNonZeroWhenItsSourceTopicIsDeleted() throws Exception {
    final String prefix = "fatal-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    final int port = LoopbackPorts.pick();
    try (ChildJvm enrich = ServiceProcesses.awaitReady(ServiceProcesses.launchEnrich(
        "enrich-source-deleted", workDir, port, stack.bootstrapServers(),
        stack.schemaRegistryUrl(), "fatal-" + UUID.randomUUID(), 2, 1,
        List.of("--topic-prefix", prefix)), port);
        Admin admin = admin()) {
      final long deleted = System.nanoTime();
      admin.deleteTopics(Set.of(prefix + Topics.RAW.name())).all().get(30, TimeUnit.SECONDS);
      final Optional<Integer> exit = enrich.awaitExit(Duration.ofSeconds(180));
      final double seconds = (System.nanoTime() - deleted) / 1e9;
      System.out.printf("enrich with its source topic deleted: exit %s %.1f s after the delete%n%s%n",
          exit.map(String::valueOf).orElse("none (still running)"), seconds, enrich.logTail());
      assertThat(exit).as(enrich.logTail()).contains(1);
      assertThat(enrich.log()).contains("error: enrich-service stopped")
          .contains(prefix + Topics.RAW.name());
    }
  }

  @Test
  @Timeout(420)
  void enrichShouldExitNonZeroWhenItsOutputTopicIsDeleted() throws Exception {
    final String prefix = "fatal-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    final int port = LoopbackPorts.pick();
    try (ChildJvm enrich = ServiceProcesses.awaitReady(ServiceProcesses.launchEnrich(
        "enrich-output-deleted", workDir, port, stack.bootstrapServers(),
        stack.schemaRegistryUrl(), "fatal-" + UUID.randomUUID(), 2, 1,
        List.of("--topic-prefix", prefix)), port);
        Admin admin = admin()) {
      produceStory(prefix + Topics.RAW.name(), "before-delete");
      final long deleted = System.nanoTime();
      admin.deleteTopics(Set.of(prefix + Topics.ENRICHED.name())).all().get(30, TimeUnit.SECONDS);
      produceStory(prefix + Topics.RAW.name(), "after-delete");
      final Optional<Integer> exit = enrich.awaitExit(Duration.ofSeconds(360));
      final double seconds = (System.nanoTime() - deleted) / 1e9;
      System.out.printf("enrich with its output topic deleted: exit %s %.1f s after the delete%n%s%n",
          exit.map(String::valueOf).orElse("none (still running)"), seconds, enrich.logTail());
      assertThat(exit).as(enrich.logTail()).contains(1);
      assertThat(enrich.log()).contains("error: enrich-service stopped")
          .contains(prefix + Topics.ENRICHED.name());
    }
  }

  @Test
  @Timeout(420)
  void enrichShouldExitNonZeroWhenItsStateDiskIsFull() throws Exception {
    MachineRequirements.require(TinyDisk.available(), "this machine does not allow an unprivileged"
        + " user+mount namespace (unshare --user --mount from util-linux), so no tiny tmpfs can be"
        + " made without root; enable user namespaces (sysctl kernel.unprivileged_userns_clone=1)");
    final String prefix = "full-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    final String name = "enrich-disk-full";
    final Path state = Files.createDirectories(ServiceProcesses.enrichStateDir(workDir, name));
    final int port = LoopbackPorts.pick();
    try (ChildJvm enrich = ServiceProcesses.launchEnrich(name, TinyDisk.launcher(state, DISK_SIZE),
        workDir, port, stack.bootstrapServers(), stack.schemaRegistryUrl(),
        "full-" + UUID.randomUUID(), 2, 1, List.of("--topic-prefix", prefix));
        Admin admin = admin()) {
      final String raw = prefix + Topics.RAW.name();
      final long started = System.nanoTime();
      final long deadline = started + Duration.ofSeconds(240).toNanos();
      // An enricher that dies at start-up (the disk is tiny) is the case under test, not a timeout.
      await("enrich-disk-full creates " + raw + " or exits").atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !enrich.isAlive()
              || admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(raw));
      int sent = 0;
      while (enrich.isAlive() && System.nanoTime() < deadline) {
        produceStories(raw, "full-" + sent, 100, 4000);
        sent += 100;
        enrich.awaitExit(Duration.ofSeconds(2));
      }
      final Optional<Integer> exit = enrich.awaitExit(Duration.ofSeconds(60));
      final double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("enrich with a full state disk (%s tmpfs): exit %s after %d stories,"
          + " %.1f s after start%n%s%n", DISK_SIZE, exit.map(String::valueOf)
          .orElse("none (still running)"), sent, seconds, enrich.logTail());
      assertThat(exit).as(enrich.logTail()).contains(1);
      assertThat(enrich.log()).contains("error: enrich-service stopped")
          .containsIgnoringCase("No space left on device");
    }
  }

  private void produceStory(final String topic, final String id) throws Exception {
    produceStories(topic, id, 1, 0);
  }

  /** {@code count} stories with ids {@code idPrefix-N}, bodies padded to about {@code bodyChars}. */
  private void produceStories(final String topic, final String idPrefix, final int count,
      final int bodyChars) throws Exception {
    final Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (SpecificAvroSerde<RawArticle> serde = WirestreamSerdes.valueSerde(Topics.RAW,
        Map.of("schema.registry.url", stack.schemaRegistryUrl()));
        KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(props,
            new StringSerializer(), serde.serializer())) {
      for (int n = 0; n < count; n++) {
        final String id = count == 1 ? idPrefix : idPrefix + "-" + n;
        final StringBuilder body = new StringBuilder("Angela Merkel met Emmanuel Macron in Berlin"
            + " on Tuesday (" + id + ").");
        while (body.length() < bodyChars) {
          body.append(" Officials from France and Germany said talks in Paris on story ")
              .append(id).append(" went well, and Reuters reported calm markets.");
        }
        final RawArticle story = RawArticle.newBuilder().setId(id).setVersion(1)
            .setSource("Reliability").setHeadline("Talks in Berlin on " + id)
            .setBody(body.toString()).setIngestedAt(Instant.now()).setContentHash("hash-" + id)
            .setFormat(SourceFormat.JSON_LINES).build();
        producer.send(new ProducerRecord<>(topic, id, story));
      }
      producer.flush();
    }
  }

  private Admin admin() {
    final Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    return Admin.create(props);
  }
}
