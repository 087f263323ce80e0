package io.wirestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.reliability.accounting.Accounting;
import io.wirestream.reliability.accounting.EnrichedAccounting;
import io.wirestream.reliability.load.LoadDriver;
import io.wirestream.reliability.load.LoadReport;
import io.wirestream.reliability.load.StoryFactory;
import io.wirestream.schemas.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on real processes while a steady stream of stories flows through ingest and enrich: a
 * 3-node KRaft cluster (separate JVMs, RF 3, min ISR 2), the registry, ingest and enrich as child
 * JVMs. One pipeline is shared by the faults (starting it costs about a minute on 2 cores); each
 * fault is its own test with its own stream of new stories and its own accounting: every story the
 * endpoint accepted (202) must appear exactly once in {@code news.enriched.v1} read with
 * read_committed.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

  private static final double RATE = 25;
  private static final Duration STEADY_BEFORE_AND_AFTER = Duration.ofSeconds(8);
  private static final Duration ACCOUNTING_TIMEOUT = Duration.ofSeconds(180);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The accounting of every fault, for docs/reliability.md. */
  private static final Path REPORT = Path.of("target", "reliability-report.txt");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Kept when a test fails: the brokers', registry's and services' logs are in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path workDir;

  private ReliabilityStack stack;
  private StoryFactory stories;
  private long nextStory;

  @BeforeAll
  void startPipeline() throws IOException {
    Files.deleteIfExists(REPORT);
    assertThat(System.getProperty("java.class.path").contains("kafka_2.13"))
        .as("children run on this JVM's classpath, which must hold the broker").isTrue();
    final long started = System.nanoTime();
    stack = ReliabilityStack.start(3, 6, workDir);
    stories = new StoryFactory(UUID.randomUUID().toString().substring(0, 8));
    print("pipeline started in " + seconds(System.nanoTime() - started) + " s: 3 brokers at "
        + stack.bootstrapServers() + ", registry " + stack.registry().url() + ", ingest "
        + stack.ingestEndpoint());
  }

  @AfterAll
  void stopPipeline() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  @Timeout(420)
  void killingABrokerShouldLoseNoAcceptedStory() throws Exception {
    final int victim = stack.cluster().leaderOf(Topics.RAW.name(), 0) - 1;
    assertThat(victim).as("news.raw.v1-0 has a leader").isBetween(0, 2);
    final List<String> replicated = List.of(Topics.RAW.name(), Topics.ENRICHED.name(),
        "__consumer_offsets", "__transaction_state");
    final Duration[] fenced = new Duration[1];
    final Duration[] recovery = new Duration[1];
    final Accounting accounting = underLoad("(a) kill -9 broker " + (victim + 1)
        + " (leader of news.raw.v1-0), wait until it is fenced and out of every ISR,"
        + " 5 s more, start it again", () -> {
          stack.cluster().killBroker(victim);
          // Writes go on with 2 in-sync replicas (min.insync.replicas=2) from here on.
          fenced[0] = stack.cluster().awaitFenced(victim, replicated, Duration.ofSeconds(60));
          sleep(Duration.ofSeconds(5));
          final long restarted = System.nanoTime();
          stack.cluster().startBroker(victim);
          stack.cluster().awaitFullIsr(replicated, Duration.ofSeconds(120));
          recovery[0] = Duration.ofNanos(System.nanoTime() - restarted);
        });
    print("broker " + (victim + 1) + " fenced and out of every ISR " + seconds(fenced[0])
        + " s after the kill; back and every replica in sync again " + seconds(recovery[0])
        + " s after its restart");
    assertExactlyOnce(accounting);
  }

  @Test
  @Order(2)
  @Timeout(420)
  void killingAnEnrichInstanceShouldLoseOrDuplicateNothing() throws Exception {
    final Duration[] restart = new Duration[1];
    final Accounting accounting = underLoad("(b) kill -9 enrich-1, start it again", () -> {
      stack.killEnrich("enrich-1");
      sleep(Duration.ofSeconds(3));
      restart[0] = stack.startEnrich("enrich-1");
    });
    print("enrich-1 RUNNING again " + seconds(restart[0]) + " s after its restart");
    assertExactlyOnce(accounting);
  }

  @Test
  @Order(3)
  @Timeout(420)
  void restartingTheRegistryShouldKeepSchemaIdsAndTheStreamFlowing() throws Exception {
    final Map<String, Integer> idsBefore = latestIds();
    assertThat(idsBefore).as("subjects registered by ingest and enrich")
        .containsKeys(Topics.RAW.name() + "-value", Topics.ENRICHED.name() + "-value");
    final Duration[] restart = new Duration[1];
    final int[] acceptedWhileDown = new int[1];
    final Accounting accounting = underLoad("(c) stop the registry for 10 s, start it again",
        driver -> {
          stack.registry().stop();
          final int before = driver.acceptedSoFar();
          sleep(Duration.ofSeconds(10));
          acceptedWhileDown[0] = driver.acceptedSoFar() - before;
          restart[0] = stack.registry().startAgain();
        });
    final Map<String, Integer> idsAfter = latestIds();
    print("registry back in " + seconds(restart[0]) + " s; stories accepted while it was down: "
        + acceptedWhileDown[0] + "; schema ids before " + idsBefore + ", after " + idsAfter);
    assertThat(acceptedWhileDown[0]).as("ingest works on cached schema ids while the registry"
        + " is down").isPositive();
    assertThat(idsAfter).as("subjects and ids survive the restart (H2 file storage)")
        .containsAllEntriesOf(idsBefore);
    for (final Map.Entry<String, Integer> subject : idsBefore.entrySet()) {
      assertThat(reregister(subject.getKey())).as("re-registering " + subject.getKey()
          + " gives the same id").isEqualTo(subject.getValue());
    }
    assertExactlyOnce(accounting);
  }

  @Test
  @Order(4)
  @Timeout(480)
  void addingAndRemovingAnEnrichInstanceShouldLoseOrDuplicateNothing() throws Exception {
    final Duration[] join = new Duration[1];
    final Accounting accounting = underLoad("(d) add enrich-2 mid-stream, then stop enrich-1"
        + " (SIGTERM)", () -> {
          join[0] = stack.startEnrich("enrich-2");
          sleep(Duration.ofSeconds(10));
          final int exit = stack.stopEnrich("enrich-1");
          assertThat(exit).as("enrich-1 exit code after SIGTERM").isIn(0, 143);
        });
    print("enrich-2 (a new instance: it read every schema from the restarted registry) RUNNING "
        + seconds(join[0]) + " s after its start");
    assertExactlyOnce(accounting);
  }

  /** A fault that needs to see the load driver. */
  private interface DriverFault {
    void inject(LoadDriver driver) throws Exception;
  }

  /** A fault. */
  private interface Fault {
    void inject() throws Exception;
  }

  private Accounting underLoad(final String label, final Fault fault) throws Exception {
    return underLoad(label, driver -> fault.inject());
  }

  /** 8 s of steady load, the fault (under load), 8 s more; then the accounting. */
  private Accounting underLoad(final String label, final DriverFault fault) throws Exception {
    final LoadDriver driver = LoadDriver.start(stack.ingestEndpoint(), stories, nextStory, RATE);
    final long faultStarted;
    final long faultEnded;
    final LoadReport load;
    try {
      sleep(STEADY_BEFORE_AND_AFTER);
      faultStarted = System.nanoTime();
      fault.inject(driver);
      faultEnded = System.nanoTime();
      sleep(STEADY_BEFORE_AND_AFTER);
    } finally {
      load = driver.stop();
      nextStory = driver.nextIndex();
    }
    final Accounting accounting = EnrichedAccounting.account(label, stack.bootstrapServers(),
        Topics.ENRICHED.name(), load.accepted(), load.refusedIds(), ACCOUNTING_TIMEOUT);
    print(accounting.report() + "load: " + load.summary() + System.lineSeparator()
        + "fault took " + seconds(faultEnded - faultStarted) + " s");
    return accounting;
  }

  private void assertExactlyOnce(final Accounting accounting) {
    assertThat(accounting.accepted()).as("stories accepted").isPositive();
    assertThat(accounting.lost()).as("lost ids").isEmpty();
    assertThat(accounting.duplicated()).as("duplicated ids").isEmpty();
    assertThat(accounting.enrichedDistinct()).isEqualTo(accounting.accepted());
    assertThat(stack.ingest().isAlive()).as("ingest still running").isTrue();
  }

  /** Each subject's latest schema id. */
  private Map<String, Integer> latestIds() throws IOException, InterruptedException {
    final Map<String, Integer> ids = new TreeMap<>();
    for (final JsonNode subject : get("/subjects")) {
      ids.put(subject.asText(), get("/subjects/" + subject.asText() + "/versions/latest")
          .path("id").asInt());
    }
    return ids;
  }

  /** Registers the latest schema of a subject again; the id the registry answers. */
  private int reregister(final String subject) throws IOException, InterruptedException {
    final JsonNode latest = get("/subjects/" + subject + "/versions/latest");
    final String body = JSON.writeValueAsString(Map.of("schema", latest.path("schema").asText()));
    final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
        stack.registry().url() + "/subjects/" + subject + "/versions"))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("id").asInt();
  }

  private JsonNode get(final String path) throws IOException, InterruptedException {
    final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
        stack.registry().url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void print(final String text) {
    System.out.println(text);
    try {
      Files.createDirectories(REPORT.getParent());
      Files.writeString(REPORT, text + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (final IOException e) {
      System.out.println("(could not append to target/reliability-report.txt: " + e + ")");
    }
  }

  private static String seconds(final long nanos) {
    return String.format("%.1f", nanos / 1e9);
  }

  private static String seconds(final Duration duration) {
    return seconds(duration.toNanos());
  }

  private static void sleep(final Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
