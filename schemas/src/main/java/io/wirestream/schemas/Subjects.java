package io.wirestream.schemas;

/** Subject naming: Confluent's TopicNameStrategy, which every Confluent-compatible client expects. */
public final class Subjects {

  private Subjects() {
  }

  /** {@code <topic>-value}. */
  public static String valueSubject(final String topic) {
    return topic + "-value";
  }

  /** {@code <topic>-key}. */
  public static String keySubject(final String topic) {
    return topic + "-key";
  }

  /** The subject of a record key or value on a topic. */
  public static String subject(final String topic, final boolean isKey) {
    return isKey ? keySubject(topic) : valueSubject(topic);
  }
}
