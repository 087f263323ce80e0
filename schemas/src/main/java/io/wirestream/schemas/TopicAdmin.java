package io.wirestream.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
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

/** Creates the topics a service writes when they are missing; never alters or recreates one. */
public final class TopicAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {
  }

  /**
   * Creates each missing topic.
   *
   * @param clientProperties admin client settings (bootstrap servers, security)
   * @param replicationFactor empty for the broker's default
   * @return the topics created
   */
  public static List<String> createMissing(final Properties clientProperties,
      final List<String> topics, final int partitions, final Optional<Short> replicationFactor) {
    try (Admin admin = Admin.create(clientProperties)) {
      final Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      final List<String> created = new ArrayList<>();
      for (final String topic : topics) {
        if (existing.contains(topic) || created.contains(topic)) {
          continue;
        }
        try {
          admin.createTopics(Set.of(new NewTopic(topic, Optional.of(partitions),
              replicationFactor))).all().get(30, TimeUnit.SECONDS);
          created.add(topic);
          LOG.info("Created topic {} with {} partitions", topic, partitions);
        } catch (final ExecutionException e) {
          // Another instance may have created it a moment ago: that is fine.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new KafkaException("Cannot create topic " + topic + ": " + e.getCause(), e);
          }
        }
      }
      return created;
    } catch (final ExecutionException | TimeoutException e) {
      throw new KafkaException("Cannot list topics: " + e, e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while creating topics", e);
    }
  }
}
