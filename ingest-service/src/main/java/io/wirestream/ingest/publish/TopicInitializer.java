package io.wirestream.ingest.publish;

import io.wirestream.schemas.TopicAdmin;
import java.util.List;

/** Creates the topics ingest writes to when they are missing; never recreates or alters one. */
public final class TopicInitializer {

  private TopicInitializer() {
  }

  /** Creates each missing topic with the configured partitions and replication factor. */
  public static List<String> ensureTopics(final IngestConfig config) {
    return TopicAdmin.createMissing(config.commonClientProperties(),
        List.of(config.rawTopic(), config.deadLetterTopic()), config.partitions(),
        config.replicationFactor());
  }
}
