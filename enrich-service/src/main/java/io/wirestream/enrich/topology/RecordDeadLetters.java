package io.wirestream.enrich.topology;

import io.wirestream.schemas.DeadLetters;
import io.wirestream.schemas.avro.DeadLetter;
import io.wirestream.schemas.avro.DeadLetterHeader;
import io.wirestream.schemas.avro.DeadLetterStage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Dead letters for records that failed inside the topology, with their coordinates. */
final class RecordDeadLetters {

  private RecordDeadLetters() {
  }

  static DeadLetter of(final ProcessorContext<?, ?> context, final String key, final byte[] value,
      final Headers headers, final DeadLetterStage stage, final Throwable error,
      final String articleId) {
    final DeadLetter.Builder builder = DeadLetters.of(
        key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, stage,
        error.getClass().getName(), describe(error),
        Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .setHeaders(headers(headers))
        .setArticleId(articleId);
    context.recordMetadata().ifPresent(metadata -> coordinates(builder, metadata));
    return builder.build();
  }

  private static void coordinates(final DeadLetter.Builder builder, final RecordMetadata metadata) {
    builder.setSourceTopic(metadata.topic())
        .setSourcePartition(metadata.partition())
        .setSourceOffset(metadata.offset());
  }

  private static List<DeadLetterHeader> headers(final Headers headers) {
    final List<DeadLetterHeader> copied = new ArrayList<>();
    if (headers != null) {
      for (final Header header : headers) {
        copied.add(new DeadLetterHeader(header.key(),
            header.value() == null ? null : ByteBuffer.wrap(header.value())));
      }
    }
    return copied;
  }

  /** The message, with the cause's when it adds something. */
  private static String describe(final Throwable error) {
    final String message = error.getMessage() == null ? error.getClass().getSimpleName()
        : error.getMessage();
    final Throwable cause = error.getCause();
    return cause == null || cause.getMessage() == null || message.contains(cause.getMessage())
        ? message : message + " (caused by " + cause + ")";
  }
}
