package io.wirestream.schemas;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * A topic of the pipeline: its name, what its key is, and the Avro contract of its values.
 *
 * @param name topic name, e.g. {@code news.raw.v1}
 * @param keyDescription what the UTF-8 string key holds
 * @param valueType the generated class of the values
 * @param valueSchema the Avro schema of the values
 * @param <V> value type
 */
public record TopicSpec<V extends SpecificRecord>(
    String name, String keyDescription, Class<V> valueType, Schema valueSchema) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyDescription, "keyDescription");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(valueSchema, "valueSchema");
  }

  /** The registry subject of the values under the TopicNameStrategy: {@code <topic>-value}. */
  public String valueSubject() {
    return Subjects.valueSubject(name);
  }
}
