package io.wirestream.deploy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wirestream.deploy.WirestreamCli;
import io.wirestream.devstack.ApicurioRegistry;
import io.wirestream.devstack.EmbeddedKafkaBroker;
import io.wirestream.devstack.LocalCertificate;
import io.wirestream.devstack.SaslSslListener;
import io.wirestream.enrich.EnrichConfig;
import io.wirestream.enrich.NewsEnricher;
import io.wirestream.enrich.app.EnrichApp;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.registry.SchemaRegistryConfig;
import io.wirestream.schemas.serde.SpecificAvroSerde;
import io.wirestream.schemas.serde.WirestreamSerdes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole path with production security settings: a broker whose clients must speak SASL_SSL
 * (TLS, SCRAM-SHA-512) and a schema registry that serves HTTPS only, both with a certificate made
 * for this test. Ingest runs through the real {@code wirestream ingest} command line, the
 * enrich-service through its Java API, a downstream consumer reads {@code news.enriched.v1}; each
 * gets only the SASL_SSL address, the https registry URL and a client properties file, so a story
 * coming out enriched proves the settings reached every Kafka client (producer, admin, ledger
 * consumer, Streams' clients) and the registry client unchanged.
 *
 * <p>The second test runs the same path with the broker's authorizer on and exactly the ACLs that
 * docs/security.md lists, one user per service; one denial proves the authorizer was on.
 */
@Tag("integration")
@Timeout(480)
class SecurePipelineIT {

  private static final Map<String, String> USERS = Map.of(
      "ingest", "ingest-secret", "enrich", "enrich-secret", "reader", "reader-secret");
  private static final String READER_GROUP = "newsroom-alerts";
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

  @TempDir
  static Path certificates;
  private static LocalCertificate certificate;
  private static ApicurioRegistry registry;

  @TempDir
  Path work;

  @BeforeAll
  static void startRegistry() {
    certificate = LocalCertificate.generate(certificates);
    registry = ApicurioRegistry.start(Map.of(), certificate);
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void storiesShouldFlowOverSaslSslAndHttpsWithOnlyAClientConfigFile() throws Exception {
    assertThat(registry.confluentApiUrl()).startsWith("https://");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, Map.of(), listener())) {
      final String secure = broker.saslSslBootstrapServers();

      // Ingest creates its topics itself here, so its admin client also goes over SASL_SSL.
      final String ingestOutput = ingest(secure, clientConfig("ingest"));
      assertThat(ingestOutput).contains("1 published");

      final EnrichedArticle story = enrichAndReadBack(secure);
      assertThat(story.getCountries()).extracting(tag -> tag.getCode()).contains("RU", "KP");

      final Duration refusal = assertWrongPasswordIsRefused(secure);
      assertMissingTrustStoreIsRefused(secure);
      assertServicesStopOnAWrongPassword(secure);
      System.out.printf("SecurePipelineIT: story %s ingested over SASL_SSL %s, enriched, read back by"
          + " user reader (countries %s); registry %s; wrong password refused in %d ms%n",
          "urn:secure:1", secure, story.getCountries().stream().map(tag -> tag.getCode()).toList(),
          registry.confluentApiUrl(), refusal.toMillis());
    }
  }

  @Test
  void pipelineShouldRunWithExactlyTheDocumentedAcls() throws Exception {
    final Map<String, String> authorizer = Map.of(
        "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
        // PLAINTEXT on 127.0.0.1 is the broker's own and the test's admin listener.
        "super.users", "User:ANONYMOUS");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, authorizer, listener())) {
      final String secure = broker.saslSslBootstrapServers();
      try (Admin admin = Admin.create(Map.of(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        // Topics are created ahead by an operator, as docs/security.md recommends.
        final List<NewTopic> topics = new ArrayList<>();
        Topics.all().forEach(topic -> topics.add(new NewTopic(topic.name(), 2, (short) 1)));
        admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        admin.createAcls(DocumentedAcls.all(EnrichConfig.DEFAULT_APPLICATION_ID, READER_GROUP))
            .all().get(60, TimeUnit.SECONDS);
      }
      // The controller has the topics and ACLs once the calls return, the broker's authorizer a
      // moment later: until then user ingest sees no topic, tries to create one and is refused.
      try (Admin asIngest = Admin.create(withBootstrap(secure, clientProperties("ingest")))) {
        await("user ingest sees every topic through its ACLs").atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(asIngest.listTopics().names().get(30, TimeUnit.SECONDS))
                .as("topics visible to user ingest").contains(Topics.RAW.name(), Topics.DLQ.name()));
      }

      final String ingestOutput = ingest(secure, clientConfig("ingest"));
      assertThat(ingestOutput).contains("1 published");
      final EnrichedArticle story = enrichAndReadBack(secure);
      assertThat(story.getCountries()).extracting(tag -> tag.getCode()).contains("RU", "KP");

      try (Admin reader = Admin.create(withBootstrap(secure, clientProperties("reader")))) {
        assertThatThrownBy(() -> reader.describeTopics(List.of(Topics.RAW.name())).allTopicNames()
            .get(30, TimeUnit.SECONDS))
            .as("the reader has no ACL on news.raw.v1")
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(TopicAuthorizationException.class);
      }
      System.out.printf("SecurePipelineIT: with StandardAuthorizer and the %d documented ACLs only,"
          + " the story went ingest -> enrich -> reader; reader denied news.raw.v1%n",
          DocumentedAcls.all(EnrichConfig.DEFAULT_APPLICATION_ID, READER_GROUP).size());
    }
  }

  private static SaslSslListener listener() {
    return new SaslSslListener(certificate, USERS);
  }

  /** Runs {@code wirestream ingest} on one story; returns its stderr (the summary) after exit 0. */
  private String ingest(final String bootstrapServers, final Path commandConfig) throws IOException {
    final Path inbox = Files.createDirectories(work.resolve("inbox"));
    Files.writeString(inbox.resolve("wire.jsonl"), "{\"id\":\"urn:secure:1\",\"source\":\"Secure"
        + " Wire\",\"dateline\":\"MOSCOW\",\"headline\":\"DPRK envoy meets Lavrov in Moscow\","
        + "\"body\":\"Foreign Minister Sergei Lavrov met an envoy from the Democratic People's"
        + " Republic of Korea in Moscow on Tuesday. Lavrov said the talks were useful.\"}",
        StandardCharsets.UTF_8);
    final StringWriter err = new StringWriter();
    final CommandLine cli = WirestreamCli.commandLine();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    final int exit = cli.execute("ingest", "--bootstrap-servers", bootstrapServers,
        "--schema-registry-url", registry.confluentApiUrl(), "--command-config",
        commandConfig.toString(), "--partitions", "2", "--no-progress", inbox.toString());
    assertThat(exit).as(err.toString()).isZero();
    return err.toString();
  }

  /** Runs the enrich-service as user enrich and reads the story back as user reader. */
  private EnrichedArticle enrichAndReadBack(final String bootstrapServers) throws IOException {
    final EnrichConfig config = EnrichConfig.of(bootstrapServers, registry.confluentApiUrl(),
        Files.createDirectories(work.resolve("state"))).withClientProperties(clientProperties("enrich"));
    try (EnrichApp app = EnrichApp.start(config, NewsEnricher.load(), 2, Optional.empty())) {
      final List<ConsumerRecord<String, EnrichedArticle>> records = readEnriched(bootstrapServers);
      assertThat(records).extracting(ConsumerRecord::key).containsExactly("urn:secure:1");
      return records.get(0).value();
    }
  }

  /** A downstream consumer: its own group, read_committed, until the one story arrives. */
  private List<ConsumerRecord<String, EnrichedArticle>> readEnriched(final String bootstrapServers) {
    final Map<String, String> client = clientProperties("reader");
    final Properties props = new Properties();
    props.putAll(withBootstrap(bootstrapServers, client));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, READER_GROUP);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    final List<ConsumerRecord<String, EnrichedArticle>> records = new ArrayList<>();
    try (SpecificAvroSerde<EnrichedArticle> serde = WirestreamSerdes.valueSerde(Topics.ENRICHED,
        SchemaRegistryConfig.registryProperties(registry.confluentApiUrl(), client));
        KafkaConsumer<String, EnrichedArticle> consumer =
            new KafkaConsumer<>(props, new StringDeserializer(), serde.deserializer())) {
      consumer.subscribe(List.of(Topics.ENRICHED.name()));
      await("reader's read_committed consumer gets the enriched story over SASL_SSL")
          // The consumer is not thread-safe: poll it on this thread, which also closes it.
          .atMost(READ_TIMEOUT).pollInterval(Duration.ofMillis(100)).pollInSameThread()
          .until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            return !records.isEmpty();
          });
    }
    return records;
  }

  /** Returns how long the refusal took. */
  private static Duration assertWrongPasswordIsRefused(final String bootstrapServers) {
    final Map<String, String> client = new LinkedHashMap<>(clientProperties("reader"));
    client.put("sasl.jaas.config", SaslSslListener.jaasConfig("reader", "not-the-password"));
    final long started = System.nanoTime();
    try (Admin admin = Admin.create(withBootstrap(bootstrapServers, client))) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get(60, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SaslAuthenticationException.class)
          .cause().hasMessageContaining("invalid credentials with SASL mechanism SCRAM-SHA-512");
    }
    final Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).as("refused, not timed out").isLessThan(Duration.ofSeconds(30));
    return took;
  }

  /** Both services fail at start with the authentication error instead of hanging. */
  private void assertServicesStopOnAWrongPassword(final String bootstrapServers) throws IOException {
    final Map<String, String> wrong = new LinkedHashMap<>(clientProperties("ingest"));
    wrong.put("sasl.jaas.config", SaslSslListener.jaasConfig("ingest", "not-the-password"));
    final StringWriter err = new StringWriter();
    final CommandLine cli = WirestreamCli.commandLine();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    final long started = System.nanoTime();
    final int exit = cli.execute("ingest", "--bootstrap-servers", bootstrapServers,
        "--schema-registry-url", registry.confluentApiUrl(), "--command-config",
        writeClientConfig("ingest-wrong", wrong).toString(), "--no-progress",
        work.resolve("inbox").toString());
    assertThat(exit).as(err.toString()).isEqualTo(1);
    assertThat(err.toString()).contains("SaslAuthenticationException");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));

    final Map<String, String> wrongEnrich = new LinkedHashMap<>(clientProperties("enrich"));
    wrongEnrich.put("sasl.jaas.config", SaslSslListener.jaasConfig("enrich", "not-the-password"));
    final EnrichConfig config = EnrichConfig.of(bootstrapServers, registry.confluentApiUrl(),
        Files.createDirectories(work.resolve("state-wrong"))).withClientProperties(wrongEnrich);
    assertThatThrownBy(() -> EnrichApp.start(config, article -> {
      throw new AssertionError("nothing may be enriched without logging in");
    }, 2, Optional.empty()))
        .isInstanceOf(KafkaException.class)
        .hasRootCauseInstanceOf(SaslAuthenticationException.class);
  }

  private static void assertMissingTrustStoreIsRefused(final String bootstrapServers) {
    final Map<String, String> client = new LinkedHashMap<>(clientProperties("reader"));
    client.remove("ssl.truststore.location");
    client.remove("ssl.truststore.password");
    client.remove("ssl.truststore.type");
    try (Admin admin = Admin.create(withBootstrap(bootstrapServers, client))) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get(60, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SslAuthenticationException.class);
    }
  }

  /**
   * What a service's command config file holds: SASL_SSL with SCRAM for Kafka, the trust store
   * for the broker's and for the registry's certificate.
   */
  private static Map<String, String> clientProperties(final String user) {
    final Map<String, String> props = new LinkedHashMap<>();
    props.put("security.protocol", "SASL_SSL");
    props.put("sasl.mechanism", "SCRAM-SHA-512");
    props.put("sasl.jaas.config", SaslSslListener.jaasConfig(user, USERS.get(user)));
    props.put("ssl.truststore.location", certificate.trustStore().toString());
    props.put("ssl.truststore.password", certificate.password());
    props.put("ssl.truststore.type", "PKCS12");
    props.put("schema.registry.ssl.truststore.location", certificate.trustStore().toString());
    props.put("schema.registry.ssl.truststore.password", certificate.password());
    props.put("schema.registry.ssl.truststore.type", "PKCS12");
    return props;
  }

  private Path clientConfig(final String user) throws IOException {
    return writeClientConfig(user, clientProperties(user));
  }

  private Path writeClientConfig(final String name, final Map<String, String> settings)
      throws IOException {
    final Properties file = new Properties();
    file.putAll(settings);
    final Path path = work.resolve(name + "-client.properties");
    try (OutputStream out = Files.newOutputStream(path)) {
      file.store(out, "client settings " + name);
    }
    return path;
  }

  /** The Kafka settings among {@code client} (no registry keys), with the bootstrap servers. */
  private static Map<String, Object> withBootstrap(final String bootstrapServers,
      final Map<String, String> client) {
    final Map<String, Object> props = new LinkedHashMap<>(SchemaRegistryConfig.kafkaProperties(client));
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }
}
