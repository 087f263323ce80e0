package io.wirestream.schemas.it;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates test topics on the shared devstack broker. */
final class TopicsAdmin {

  private TopicsAdmin() {
  }

  static void createIfMissing(final String bootstrapServers, final String... topics)
      throws InterruptedException {
    final Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      final Set<String> existing = admin.listTopics().names().get();
      for (final String topic : topics) {
        if (existing.contains(topic)) {
          continue;
        }
        try {
          admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1).configs(Map.of())))
              .all().get();
        } catch (final ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
          }
        }
      }
    } catch (final ExecutionException e) {
      throw new IllegalStateException("Cannot list topics", e.getCause());
    }
  }
}
