package io.wirestream.ingest.publish;

import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.ArticleStatus;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the {@link VersionLedger} from what {@code news.raw.v1} already holds, up to its end
 * at start-up, so that a re-run over the same input publishes nothing new. Reads headers where
 * present (written by {@link KafkaStorySink}) and decodes the value only for records without them.
 */
public final class LedgerLoader {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerLoader.class);

  private LedgerLoader() {
  }

  /** Reads the raw topic from the start to its current end into the ledger; returns records read. */
  public static long load(final IngestConfig config, final VersionLedger ledger,
      final Duration timeout) {
    final Properties props = config.commonClientProperties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    final long started = System.nanoTime();
    long read = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
        new StringDeserializer(), new ByteArrayDeserializer());
        SpecificAvroSerde<RawArticle> serde =
            WirestreamSerdes.valueSerde(Topics.RAW, config.registryProperties())) {
      final List<TopicPartition> partitions = consumer.partitionsFor(config.rawTopic(), timeout)
          .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      final long deadline = System.nanoTime() + timeout.toNanos();
      while (!reachedEnd(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Reading " + config.rawTopic() + " to rebuild the"
              + " ledger took longer than " + timeout + " (" + read + " records read)");
        }
        for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.key() == null || record.value() == null) {
            continue;
          }
          try {
            ledger.remember(record.key(), entry(record, serde));
            read++;
          } catch (final RuntimeException e) {
            // A record ingest cannot read is the enricher's to dead-letter; it says nothing here.
            LOG.warn("Skipping unreadable record {}-{}@{} while rebuilding the ledger: {}",
                record.topic(), record.partition(), record.offset(), e.getMessage());
          }
        }
      }
    }
    LOG.info("Ledger rebuilt from {}: {} records, {} ids, in {} ms", config.rawTopic(), read,
        ledger.size(), (System.nanoTime() - started) / 1_000_000);
    return read;
  }

  private static boolean reachedEnd(final KafkaConsumer<?, ?> consumer,
      final Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static VersionLedger.Entry entry(final ConsumerRecord<String, byte[]> record,
      final SpecificAvroSerde<RawArticle> serde) {
    final Header hash = record.headers().lastHeader(KafkaStorySink.CONTENT_HASH_HEADER);
    final Header version = record.headers().lastHeader(KafkaStorySink.VERSION_HEADER);
    final Header status = record.headers().lastHeader(KafkaStorySink.STATUS_HEADER);
    if (hash != null && version != null && status != null) {
      return new VersionLedger.Entry(text(hash), ArticleStatus.valueOf(text(status)),
          Integer.parseInt(text(version)));
    }
    final RawArticle article = serde.deserializer().deserialize(record.topic(), record.value());
    return new VersionLedger.Entry(article.getContentHash(), article.getStatus(),
        article.getVersion());
  }

  private static String text(final Header header) {
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
