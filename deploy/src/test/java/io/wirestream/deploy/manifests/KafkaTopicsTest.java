package io.wirestream.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.enrich.EnrichConfig;
import io.wirestream.schemas.TopicSpec;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.cli.TopicOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.server.config.ServerLogConfigs;
import org.apache.kafka.storage.internals.log.LogConfig;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s/topics.yaml has one Strimzi KafkaTopic per topic of {@link Topics}, set up as the
 * services would create it: the services' partitions and replication factor, and Kafka's default
 * cleanup policy and retention (the code sets no topic configs).
 */
class KafkaTopicsTest {

  private final List<JsonNode> topics = DeployFiles.k8sKind("KafkaTopic");
  private final Map<String, String> cluster = DeployFiles.k8sKind("ConfigMap").stream()
      .filter(c -> c.path("metadata").path("name").asText().equals("wirestream-cluster"))
      .findFirst().map(c -> {
        final Map<String, String> data = new TreeMap<>();
        c.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
      }).orElseThrow(() -> new AssertionError("no ConfigMap wirestream-cluster"));

  @Test
  void shouldHaveOneKafkaTopicPerTopicOfTheCode() {
    final List<String> code = Topics.all().stream().map(TopicSpec::name).sorted().toList();
    final List<String> manifests = topics.stream()
        .map(t -> t.path("spec").path("topicName").asText()).sorted().toList();
    assertThat(manifests).as("KafkaTopic spec.topicName vs io.wirestream.schemas.Topics.all()")
        .isEqualTo(code);
    final EnrichConfig.TopicNames enrich = EnrichConfig.TopicNames.standard();
    assertThat(code).as("the enrich-service's topic names").containsExactlyInAnyOrder(
        enrich.raw(), enrich.enriched(), enrich.byCountry(), enrich.entityMentions(),
        enrich.trends(), enrich.deadLetters());
  }

  @Test
  void shouldBelongToTheStrimziClusterUnderTheTopicsName() {
    for (final JsonNode topic : topics) {
      final String name = topic.path("spec").path("topicName").asText();
      assertThat(topic.path("apiVersion").asText()).as("%s apiVersion", name)
          .isEqualTo("kafka.strimzi.io/v1beta2");
      assertThat(topic.path("metadata").path("name").asText()).as("%s metadata.name", name)
          .isEqualTo(name);
      assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
          .as("%s strimzi.io/cluster label", name).isNotBlank();
    }
  }

  @Test
  void shouldUseThePartitionsAndReplicasTheServicesCreateTopicsWith() {
    assertThat(cluster.get("WIRESTREAM_PARTITIONS")).as("ConfigMap WIRESTREAM_PARTITIONS")
        .isEqualTo(String.valueOf(TopicOptions.DEFAULT_PARTITIONS));
    for (final JsonNode topic : topics) {
      final String name = topic.path("spec").path("topicName").asText();
      assertThat(topic.path("spec").path("partitions").asInt()).as("%s partitions", name)
          .isEqualTo(TopicOptions.DEFAULT_PARTITIONS);
      assertThat(topic.path("spec").path("replicas").asText()).as("%s replicas vs ConfigMap"
          + " WIRESTREAM_REPLICATION_FACTOR", name)
          .isEqualTo(cluster.get("WIRESTREAM_REPLICATION_FACTOR"));
    }
  }

  @Test
  void shouldStateTheCleanupAndRetentionATopicCreatedByTheCodeGets() {
    for (final JsonNode topic : topics) {
      final String name = topic.path("spec").path("topicName").asText();
      final Map<String, String> config = new TreeMap<>();
      topic.path("spec").path("config").fields()
          .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
      assertThat(config).as("%s config", name)
          .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG,
              ServerLogConfigs.LOG_CLEANUP_POLICY_DEFAULT)
          .containsEntry(TopicConfig.RETENTION_MS_CONFIG,
              String.valueOf(LogConfig.DEFAULT_RETENTION_MS));
      assertThat(config.keySet()).as("%s: settings beyond what the code gets (add them to the"
          + " code's topic creation first)", name).containsOnly(TopicConfig.CLEANUP_POLICY_CONFIG,
          TopicConfig.RETENTION_MS_CONFIG, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
      final int replicas = topic.path("spec").path("replicas").asInt();
      final int minIsr = Integer.parseInt(config.getOrDefault(
          TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"));
      assertThat(minIsr).as("%s min.insync.replicas leaves one replica to lose", name)
          .isLessThan(replicas);
    }
  }
}
