package io.wirestream.enrich.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.devstack.LoopbackPorts;
import io.wirestream.enrich.EnrichConfig;
import io.wirestream.enrich.api.QueryServer;
import io.wirestream.enrich.app.EnrichApp;
import io.wirestream.enrich.topology.TestEnrichers;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.SourceFormat;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the app split the partitions: a query to either answers for every key, and
 * when one stops the other takes over with no story lost or duplicated (read_committed).
 */
@Tag("integration")
@Timeout(240)
@ExtendWith(DevStackExtension.class)
class TwoInstancesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] DATELINES = {"Malta", "Peru", "Chad", "Cuba", "Fiji", "Oman"};

  private final KafkaStack stack;
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir
  Path stateA;
  @TempDir
  Path stateB;

  TwoInstancesIT(final KafkaStack stack) {
    this.stack = stack;
  }

  private static RawArticle story(final int n) {
    final String dateline = DATELINES[n % DATELINES.length];
    return RawArticle.newBuilder().setId("story-" + n).setVersion(1).setSource("Test Wire")
        .setHeadline("Story number " + n).setByline("Ana Borg").setDateline(dateline)
        .setBody("Body of story " + n + " from " + dateline + ".")
        .setIngestedAt(Instant.now()).setContentHash("hash-" + n)
        .setFormat(SourceFormat.JSON_LINES).build();
  }

  private void produce(final EnrichConfig config, final int from, final int to) throws Exception {
    final Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (SpecificAvroSerde<RawArticle> serde = WirestreamSerdes.valueSerde(Topics.RAW,
        config.registryProperties());
        KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(props,
            new StringSerializer(), serde.serializer())) {
      for (int n = from; n < to; n++) {
        producer.send(new ProducerRecord<>(config.topics().raw(), "story-" + n, story(n)));
      }
      producer.flush();
    }
  }

  private static long activeTasks(final EnrichApp app) {
    return app.streams().metadataForLocalThreads().stream()
        .mapToLong(thread -> thread.activeTasks().size()).sum();
  }

  private JsonNode get(final int port, final String path) throws Exception {
    final HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void eitherInstanceShouldAnswerForAllKeysAndOneShouldTakeOverWhenTheOtherStops()
      throws Exception {
    final String prefix = "it-" + UUID.randomUUID() + ".";
    final int portA = LoopbackPorts.pick();
    final int portB = LoopbackPorts.pick();
    final EnrichConfig base = EnrichConfig.of(stack.bootstrapServers(), stack.schemaRegistryUrl(),
        stateA).withApplicationId("it-two-" + UUID.randomUUID())
        .withTopics(EnrichConfig.TopicNames.standard().withPrefix(prefix));
    final EnrichConfig configA = base.withClientProperties(Map.of("application.server",
        "127.0.0.1:" + portA));
    final EnrichConfig configB = base.withStateDir(stateB).withClientProperties(Map.of(
        "application.server", "127.0.0.1:" + portB));
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    try (EnrichApp a = EnrichApp.start(configA, new TestEnrichers().predictable(), 4,
        Optional.empty());
        QueryServer apiA = QueryServer.start(a.streams(), new HostInfo("127.0.0.1", portA),
            base.trendWindow(), meters)) {
      final EnrichApp b = EnrichApp.start(configB, new TestEnrichers().predictable(), 4,
          Optional.empty());
      final QueryServer apiB = QueryServer.start(b.streams(), new HostInfo("127.0.0.1", portB),
          base.trendWindow(), meters);
      try {
        // RUNNING alone is not enough: B can be RUNNING with no tasks until the follow-up
        // rebalance that hands it its share has finished.
        await("both instances RUNNING, each with active tasks").atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
              assertThat(a.streams().state()).as("A's state").isEqualTo(KafkaStreams.State.RUNNING);
              assertThat(b.streams().state()).as("B's state").isEqualTo(KafkaStreams.State.RUNNING);
              assertThat(activeTasks(a)).as("A's active tasks").isPositive();
              assertThat(activeTasks(b)).as("B's active tasks").isPositive();
            });

        produce(base, 0, 24);
        TopicRecords.readUntil(stack, base.topics().enriched(), Topics.ENRICHED,
            records -> records.size() >= 24);

        // The stores and the trend windows are written by the tasks that also produce the
        // enriched records, but the trends sit behind a repartition: wait for what is asserted.
        for (int n = 0; n < 24; n++) {
          final int story = n;
          await("story-" + n + " answered by instance " + (n % 2 == 0 ? "A" : "B"))
              .atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                  assertThat(get(story % 2 == 0 ? portA : portB, "/v1/articles/story-" + story)
                      .path("headline").asText()).isEqualTo("Story number " + story));
        }
        await("six country trends of 4 stories each, from instance A").atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> {
              final JsonNode countries = get(portA, "/v1/trends/countries");
              final List<String> codes = new ArrayList<>();
              countries.forEach(trend -> codes.add(trend.path("country").asText()));
              assertThat(codes).containsExactlyInAnyOrder("MA", "PE", "CH", "CU", "FI", "OM");
              countries.forEach(trend -> assertThat(trend.path("storyCount").asLong())
                  .as(trend.path("country").asText()).isEqualTo(4));
            });
        await("the top entity for PE, from instance B").atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(get(portB, "/v1/trends/entities?country=pe")
                .path("entities").get(0).path("name").asText()).isEqualTo("Ana Borg"));
      } finally {
        apiB.close();
        b.close();
      }

      produce(base, 24, 48);
      final List<ConsumerRecord<String, EnrichedArticle>> all = TopicRecords.readUntil(stack,
          base.topics().enriched(), Topics.ENRICHED, records -> records.size() >= 48);
      final Map<String, Long> perId = all.stream().collect(Collectors.groupingBy(
          ConsumerRecord::key, Collectors.counting()));
      final Map<String, Long> duplicated = new HashMap<>(perId);
      duplicated.values().removeIf(count -> count == 1);
      final List<String> lost = new ArrayList<>();
      for (int n = 0; n < 48; n++) {
        if (!perId.containsKey("story-" + n)) {
          lost.add("story-" + n);
        }
      }
      System.out.printf("Two instances, then one: %d stories in, %d distinct out, lost %s,"
          + " duplicated %s%n", 48, perId.size(), lost, duplicated);
      assertThat(lost).as("lost").isEmpty();
      assertThat(duplicated).as("duplicated").isEmpty();
      await("story-30 answered by A alone").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(get(portA, "/v1/articles/story-30").path("id").asText())
              .isEqualTo("story-30"));
    }
  }
}
