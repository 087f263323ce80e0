package io.wirestream.deploy.dlq;

import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * What replaying one dead letter means: its original key, value and headers, back to the topic it
 * was read from, with a header naming the dead letter it came from. Only a record that was read
 * from a topic and kept whole can be replayed; anything else gets the reason it cannot.
 */
public final class DeadLetterReplay {

  /** Header on a replayed record: the dead letter's topic/partition@offset. */
  public static final String REPLAYED_FROM = "ws.replayed-from";

  private DeadLetterReplay() {
  }

  /** Why this dead letter cannot be replayed, or empty when it can. */
  public static Optional<String> whyNot(final DeadLetter letter) {
    if (letter.getSourceTopic() == null) {
      return Optional.of("it never was a record (" + letter.getStage() + " from "
          + letter.getOrigin() + "): fix the document and ingest it again");
    }
    if (letter.getValue() == null) {
      return Optional.of("it has no value");
    }
    if (letter.getValueTruncated()) {
      return Optional.of("its value was cut at the dead-letter size limit");
    }
    return Optional.empty();
  }

  /**
   * The record to produce for a replayable dead letter.
   *
   * @param topic where to send it: the letter's source topic unless overridden
   * @param from the dead letter's own coordinates, for the {@link #REPLAYED_FROM} header
   */
  public static ProducerRecord<byte[], byte[]> record(final DeadLetter letter, final String topic,
      final String from) {
    final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
        bytes(letter.getKey()), bytes(letter.getValue()));
    for (final DeadLetterHeader header : letter.getHeaders()) {
      if (!REPLAYED_FROM.equals(header.getKey())) {
        record.headers().add(header.getKey(), bytes(header.getValue()));
      }
    }
    record.headers().add(new RecordHeader(REPLAYED_FROM,
        from.getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  private static byte[] bytes(final ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    final byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
