package io.wirestream.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.examples.EnrichedStoriesConsumer;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import io.wirestream.schemas.testing.Stories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The consumer example of docs/consumers.md, run against the real broker and registry. */
@Tag("integration")
@Timeout(120)
@ExtendWith(DevStackExtension.class)
class EnrichedStoriesConsumerIT {

  private final KafkaStack stack;

  EnrichedStoriesConsumerIT(final KafkaStack stack) {
    this.stack = stack;
  }

  @Test
  void theExampleShouldReadStoriesAndTombstonesAsADownstreamTeamWould() throws Exception {
    final String topic = "consumer-example-" + UUID.randomUUID();
    TopicsAdmin.createIfMissing(stack.bootstrapServers(), topic);
    final EnrichedArticle story = Stories.enriched("story-1");
    final Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "example-" + UUID.randomUUID());
    try (SpecificAvroSerde<EnrichedArticle> serde = WirestreamSerdes.valueSerde(Topics.ENRICHED,
        Map.of("schema.registry.url", stack.schemaRegistryUrl()));
        KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(props,
            new StringSerializer(), serde.serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "story-1", story));
      producer.send(new ProducerRecord<>(topic, "story-1", null));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "aborted", story));
      producer.abortTransaction();
    }

    final List<String> seen = new ArrayList<>();
    final long handed = EnrichedStoriesConsumer.consume(stack.bootstrapServers(),
        stack.schemaRegistryUrl(), "example-" + UUID.randomUUID(), topic, 3,
        Duration.ofSeconds(10), (id, value) -> seen.add(id + (value == null ? " withdrawn"
            : " " + value.getHeadline())));

    assertThat(handed).as("the aborted record is never handed over").isEqualTo(2);
    assertThat(seen).containsExactly("story-1 " + story.getHeadline(), "story-1 withdrawn");
  }
}
