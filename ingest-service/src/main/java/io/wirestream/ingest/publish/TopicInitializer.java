package io.wirestream.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics ingest writes to when they are missing; never recreates or alters one. */
public final class TopicInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(TopicInitializer.class);

  private TopicInitializer() {
  }

  /** Creates each missing topic with the configured partitions and replication factor. */
  public static List<String> ensureTopics(final IngestConfig config) {
    try (Admin admin = Admin.create(config.commonClientProperties())) {
      final Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      final List<String> created = new ArrayList<>();
      for (final String topic : List.of(config.rawTopic(), config.deadLetterTopic())) {
        if (existing.contains(topic)) {
          continue;
        }
        try {
          admin.createTopics(Set.of(new NewTopic(topic, Optional.of(config.partitions()),
              config.replicationFactor()))).all().get(30, TimeUnit.SECONDS);
          created.add(topic);
          LOG.info("Created topic {} with {} partitions", topic, config.partitions());
        } catch (final ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new KafkaException("Cannot create topic " + topic + ": " + e.getCause(), e);
          }
        }
      }
      return created;
    } catch (final ExecutionException | TimeoutException e) {
      throw new KafkaException("Cannot list topics at " + config.bootstrapServers() + ": " + e, e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while creating topics", e);
    }
  }
}
