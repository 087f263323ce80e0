package io.wirestream.deploy.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.wirestream.deploy.local.LocalPipeline;
import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.devstack.LoopbackPorts;
import io.wirestream.devstack.MachineRequirements;
import io.wirestream.schemas.Topics;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations side against a running local pipeline (devstack broker and registry, the
 * enrich-service, the ingest HTTP endpoint and the dashboard, as {@code wirestream demo} runs
 * them): the live page in headless Chromium shows a story just ingested and a dead letter just
 * produced; a real Prometheus scrapes our series with the committed configuration and evaluates the
 * committed rules; every PromQL expression in the Grafana dashboards and the rules runs on that
 * Prometheus and names only metrics the services export. Chromium, ChromeDriver and Prometheus come
 * from Debian packages that {@code .ci/run} installs; on a machine without them each test that needs
 * one skips with a line naming it, and under {@code CI=true} fails instead.
 */
@Tag("integration")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@ExtendWith(DevStackExtension.class)
class OperationsIT {

  private static final Path PROMETHEUS_DIR = Path.of("prometheus").toAbsolutePath();
  private static final Path GRAFANA_DIR = Path.of("grafana").toAbsolutePath();
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static Path work;
  private static LocalPipeline pipeline;
  private static Process prometheus;
  private static String prometheusUrl;
  private static String storyId;
  private static String headline;
  private static RecordMetadata poison;

  @BeforeAll
  static void startPipelineAndPrometheus(final KafkaStack stack) throws Exception {
    work = Files.createTempDirectory("wirestream-ops-it");
    pipeline = LocalPipeline.start(new LocalPipeline.Settings(stack.bootstrapServers(),
        stack.schemaRegistryUrl(), Map.of(), 0, 0, 0, work.resolve("state"),
        "wirestream-ops-it-" + UUID.randomUUID().toString().substring(0, 8), 6), (id, s) -> { });

    // Other tests in this JVM left stories on news.raw.v1: let this app enrich them first, so the
    // story below is the newest on the page.
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      awaitCaughtUp(admin);
    }

    storyId = "urn:wirestream-ops-it:" + UUID.randomUUID();
    headline = "Kenyan runners sweep Berlin Marathon as Eliud Kipchoge retires "
        + storyId.substring(storyId.length() - 6);
    final String story = JSON.writeValueAsString(Map.of("uri", storyId, "version", 1,
        "language", "en", "headline", headline, "located", "Berlin",
        "body_text", "Kenyan athletes swept the podium at the Berlin Marathon on Sunday. Eliud "
            + "Kipchoge, who won the race five times, said in Berlin that he would retire. "
            + "Officials of World Athletics praised the organizers in Germany."));
    final HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(
            URI.create(pipeline.ingestUrl() + "/v1/articles"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(story)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    awaitEnriched(storyId);

    final Properties producer = new Properties();
    producer.put("bootstrap.servers", stack.bootstrapServers());
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producer, new StringSerializer(),
        new ByteArraySerializer())) {
      // Not the Confluent wire format: the enricher must dead-letter it and go on.
      poison = raw.send(new ProducerRecord<>("news.raw.v1", "ops-it-poison",
          new byte[] {(byte) 0x8f, 1, 2, 3})).get(30, TimeUnit.SECONDS);
    }

    // Without Prometheus on the PATH the tests that need it skip (or fail under CI=true) one by one.
    if (MachineRequirements.find("prometheus").isPresent()) {
      prometheus = startPrometheus();
    }
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (pipeline != null) {
      pipeline.close();
    }
    if (work != null) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void dashboardShouldShowTheStoryJustIngestedAndTheDeadLetterInChromium() throws Exception {
    final Path chromium = MachineRequirements.requireProgram("chromium",
        "sudo apt-get install chromium");
    final Path chromedriver = MachineRequirements.requireProgram("chromedriver",
        "sudo apt-get install chromium-driver");
    final ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    // No network here: background services would only fail to connect.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1100",
        "--user-data-dir=" + work.resolve("chromium-profile"));
    final ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
    final ChromeDriver browser = new ChromeDriver(service, options);
    try {
      browser.get(pipeline.dashboardUrl());
      // The page re-renders its lists on every refresh, so an element found a moment ago can be
      // gone: each read finds its elements and reads them in one step, again if one went stale.
      final WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      wait.ignoring(StaleElementReferenceException.class);
      final StoryOnPage story;
      try {
        story = wait.until(driver -> StoryOnPage.read(driver.findElement(
            By.cssSelector("li.story[data-id='" + storyId + "']"))));
      } catch (final org.openqa.selenium.TimeoutException e) {
        Files.write(TARGET.resolve("dashboard-failure.png"), browser.getScreenshotAs(OutputType.BYTES));
        throw new AssertionError("story " + storyId + " not on the page; status '"
            + browser.findElement(By.id("status")).getText() + "'; stories shown: "
            + browser.findElements(By.cssSelector("li.story")).stream()
                .map(li -> li.getDomAttribute("data-id")).toList()
            + "; API: " + dashboard().path("stories"), e);
      }
      assertThat(story.headline()).isEqualTo(headline);
      assertThat(story.highlighted()).as("entity highlights from the mention offsets")
          .contains("Eliud Kipchoge", "Berlin");
      assertThat(story.countries()).contains("DE", "KE");

      final String poisonSource = "news.raw.v1/" + poison.partition() + "@" + poison.offset();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dead-letters"),
          poisonSource));
      assertThat(browser.findElement(By.id("dead-letters")).getText())
          .contains("DESERIALIZE").contains("magic byte");
      assertThat(Long.parseLong(browser.findElement(By.id("dlq-count")).getText()))
          .isGreaterThanOrEqualTo(1);
      final List<String> bars = wait.until(driver -> driver.findElements(
          By.cssSelector("#countries .country-bar")).stream()
          .map(bar -> bar.getDomAttribute("data-code")).toList());
      final List<String> busiest = new ArrayList<>();
      dashboard().path("countries").path("counts")
          .forEach(count -> busiest.add(count.path("code").asText()));
      assertThat(bars).as("the country bars of the current window: the busiest first")
          .isNotEmpty().isEqualTo(busiest.subList(0, Math.min(12, busiest.size())));
      assertThat(browser.findElement(By.id("status")).getText()).startsWith("live");

      final Path screenshot = TARGET.resolve("dashboard-screenshot.png");
      Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
      assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    } finally {
      browser.quit();
      service.stop();
    }
  }

  @Test
  void promtoolShouldAcceptTheConfigAndRulesAndPassTheAlertTests() throws Exception {
    requirePromtool();
    assertThat(run("promtool", "check", "config", PROMETHEUS_DIR.resolve("prometheus.yml")
        .toString())).contains("SUCCESS");
    for (final Path rules : ruleFiles()) {
      assertThat(run("promtool", "check", "rules", rules.toString())).contains("SUCCESS");
    }
    try (Stream<Path> tests = Files.list(PROMETHEUS_DIR.resolve("tests"))) {
      for (final Path test : tests.filter(p -> p.toString().endsWith(".yml")).toList()) {
        assertThat(run("promtool", "test", "rules", test.toString())).contains("SUCCESS");
      }
    }
  }

  @Test
  void prometheusShouldScrapeOurSeriesAndEvaluateEveryRule() throws Exception {
    requirePrometheus();
    for (final String job : List.of("wirestream-ingest", "wirestream-enrich")) {
      assertThat(awaitResult("up{job=\"" + job + "\"} == 1")).as(job + " is scraped")
          .isNotEmpty();
    }
    for (final String series : List.of("wirestream_ingest_stories_total",
        "wirestream_ingest_rejected_total", "wirestream_enrich_stories_total",
        "wirestream_enrich_dead_letters_total", "wirestream_enrich_duration_seconds_bucket",
        "wirestream_enrich_end_to_end_latency_seconds_bucket",
        "wirestream_enrich_entities_per_story_bucket", "wirestream_enrich_countries_per_story_bucket",
        "wirestream_enrich_country_tags_total", "kafka_stream_state_estimate_num_keys",
        "kafka_consumer_fetch_manager_records_lag", "jvm_memory_used_bytes")) {
      assertThat(awaitResult(series)).as(series).isNotEmpty();
    }
    assertThat(awaitResult("wirestream_enrich_dead_letters_total{stage=\"deserialize\"} >= 1"))
        .as("the poison record counted as a dead letter").isNotEmpty();

    // Every committed rule is loaded and has been evaluated without error.
    final int expected = ruleExpressions().size();
    await("Prometheus loads all " + expected + " rules and evaluates each without error")
        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
          final List<String> unhealthy = new ArrayList<>();
          int loaded = 0;
          for (final JsonNode group : get("/api/v1/rules").path("data").path("groups")) {
            for (final JsonNode rule : group.path("rules")) {
              loaded++;
              if (!"ok".equals(rule.path("health").asText())) {
                unhealthy.add(rule.path("name").asText() + ": " + rule.path("health").asText()
                    + " " + rule.path("lastError").asText());
              }
            }
          }
          assertThat(loaded).as("rules loaded").isEqualTo(expected);
          assertThat(unhealthy).as("rules not healthy").isEmpty();
        });
  }

  @Test
  void everyDashboardAndRuleExpressionShouldRunAndNameOnlyExportedMetrics() throws Exception {
    requirePrometheus();
    final Set<String> exported = new TreeSet<>();
    exported.addAll(scrapedNames(pipeline.ingestUrl() + "/metrics"));
    exported.addAll(scrapedNames(pipeline.queryUrl() + "/metrics"));
    exported.add("up"); // written by Prometheus for every target
    exported.addAll(recordedNames());

    final Map<String, String> expressions = new LinkedHashMap<>(ruleExpressions());
    expressions.putAll(dashboardExpressions());
    assertThat(expressions).hasSizeGreaterThan(20);
    final List<String> problems = new ArrayList<>();
    for (final Map.Entry<String, String> entry : expressions.entrySet()) {
      final String where = entry.getKey();
      final String expression = entry.getValue();
      final Set<String> names = where.contains("variable")
          ? PromQlMetricNames.ofVariableQuery(expression) : PromQlMetricNames.of(expression);
      if (names.isEmpty()) {
        problems.add(where + ": names no metric: " + expression);
      }
      names.stream().filter(name -> !exported.contains(name))
          .forEach(name -> problems.add(where + ": " + name + " is not exported"));
      if (!where.contains("variable")) {
        final JsonNode answer = query(grafanaToPromQl(expression));
        if (!"success".equals(answer.path("status").asText())) {
          problems.add(where + ": Prometheus says " + answer.path("error").asText());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  // --- Prometheus -----------------------------------------------------------------------------

  private static void requirePrometheus() {
    MachineRequirements.requireProgram("prometheus", "sudo apt-get install prometheus");
    assertThat(prometheus).as("Prometheus started by @BeforeAll").isNotNull();
  }

  private static void requirePromtool() {
    MachineRequirements.requireProgram("promtool", "sudo apt-get install prometheus");
  }

  /** The committed scrape config, pointed at this test's ports, scraping every second. */
  @SuppressWarnings("unchecked")
  private static Process startPrometheus() throws Exception {
    final Map<String, Object> config = YAML.readValue(PROMETHEUS_DIR.resolve("prometheus.yml")
        .toFile(), Map.class);
    final Map<String, Object> global = (Map<String, Object>) config.get("global");
    global.put("scrape_interval", "1s");
    global.put("evaluation_interval", "1s");
    config.put("rule_files", ((List<String>) config.get("rule_files")).stream()
        .map(file -> PROMETHEUS_DIR.resolve(file).toString()).toList());
    final Map<String, String> targets = Map.of(
        "wirestream-ingest", "127.0.0.1:" + pipeline.ingestPort(),
        "wirestream-enrich", "127.0.0.1:" + pipeline.queryPort());
    for (final Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
      final String target = targets.get((String) job.get("job_name"));
      assertThat(target).as("a scrape job this test knows: " + job.get("job_name")).isNotNull();
      job.put("static_configs", List.of(Map.of("targets", List.of(target))));
    }
    final Path file = work.resolve("prometheus.yml");
    YAML.writeValue(file.toFile(), config);
    final int port = LoopbackPorts.pick();
    prometheusUrl = "http://127.0.0.1:" + port;
    final Process process = new ProcessBuilder("prometheus", "--config.file=" + file,
        "--storage.tsdb.path=" + work.resolve("prometheus-data"),
        "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(TARGET.resolve("prometheus-it.log").toFile())
        .start();
    try {
      await("Prometheus answers 200 on /-/ready (its log: target/prometheus-it.log)")
          .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .ignoreExceptionsInstanceOf(IOException.class) // not listening yet (ConnectException)
          .failFast("Prometheus exited; see target/prometheus-it.log", () -> !process.isAlive())
          .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + "/-/ready"))
              .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    } catch (final RuntimeException | Error e) {
      process.destroyForcibly();
      throw e;
    }
    return process;
  }

  private static JsonNode query(final String promQl) throws Exception {
    return get("/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8));
  }

  private static JsonNode awaitResult(final String promQl) {
    return await("a non-empty result for the PromQL query " + promQl)
        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> query(promQl).path("data").path("result"), result -> result.size() > 0);
  }

  private static JsonNode get(final String path) throws Exception {
    final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create(prometheusUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static String run(final String... command) throws Exception {
    final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    final String output = new String(process.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }

  // --- The committed rules and dashboards --------------------------------------------------------

  private static List<Path> ruleFiles() throws IOException {
    try (Stream<Path> files = Files.list(PROMETHEUS_DIR.resolve("rules"))) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  /** "rules FILE NAME" -> expression, for every recording and alerting rule. */
  private static Map<String, String> ruleExpressions() throws IOException {
    final Map<String, String> expressions = new LinkedHashMap<>();
    for (final Path file : ruleFiles()) {
      for (final JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
        for (final JsonNode rule : group.path("rules")) {
          final String name = rule.has("record") ? rule.path("record").asText()
              : rule.path("alert").asText();
          expressions.put("rules " + file.getFileName() + " " + name, rule.path("expr").asText());
        }
      }
    }
    return expressions;
  }

  private static Set<String> recordedNames() throws IOException {
    final Set<String> names = new LinkedHashSet<>();
    for (final Path file : ruleFiles()) {
      for (final JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
        for (final JsonNode rule : group.path("rules")) {
          if (rule.has("record")) {
            names.add(rule.path("record").asText());
          }
        }
      }
    }
    return names;
  }

  /** "dashboard FILE panel TITLE ref X" -> expression; variables' queries too. */
  private static Map<String, String> dashboardExpressions() throws IOException {
    final Map<String, String> expressions = new LinkedHashMap<>();
    final List<Path> dashboards;
    try (Stream<Path> files = Files.list(GRAFANA_DIR.resolve("dashboards"))) {
      dashboards = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(dashboards).hasSizeGreaterThanOrEqualTo(3);
    for (final Path file : dashboards) {
      final JsonNode dashboard = JSON.readTree(file.toFile());
      for (final JsonNode panel : dashboard.path("panels")) {
        assertThat(panel.path("targets")).as(file + " " + panel.path("title")).isNotEmpty();
        for (final JsonNode target : panel.path("targets")) {
          expressions.put("dashboard " + file.getFileName() + " panel '"
              + panel.path("title").asText() + "' ref " + target.path("refId").asText(),
              target.path("expr").asText());
        }
      }
      for (final JsonNode variable : dashboard.path("templating").path("list")) {
        if ("query".equals(variable.path("type").asText())) {
          expressions.put("dashboard " + file.getFileName() + " variable "
              + variable.path("name").asText(), variable.path("query").path("query").asText());
        }
      }
    }
    return expressions;
  }

  /** Grafana's variables as Prometheus would see them with "All" selected. */
  private static String grafanaToPromQl(final String expression) {
    final String promQl = expression.replace("$__rate_interval", "1m").replace("$country", ".*");
    assertThat(promQl).as("a Grafana variable this test does not know").doesNotContain("$");
    return promQl;
  }

  private static Set<String> scrapedNames(final String url) throws Exception {
    final String text = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    final Set<String> names = new TreeSet<>();
    text.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
    assertThat(names).as("metrics at " + url).isNotEmpty();
    return names;
  }

  // --- Helpers ------------------------------------------------------------------------------------

  /** What the page shows of one story, read in one step (see the test for why). */
  private record StoryOnPage(String headline, List<String> highlighted, List<String> countries) {
    static StoryOnPage read(final WebElement li) {
      return new StoryOnPage(li.findElement(By.cssSelector(".headline")).getText(),
          li.findElements(By.cssSelector("mark")).stream().map(WebElement::getText).toList(),
          li.findElements(By.cssSelector(".chip.country")).stream().map(WebElement::getText)
              .toList());
    }
  }

  private static JsonNode dashboard() throws Exception {
    return JSON.readTree(HTTP.send(HttpRequest.newBuilder(
        URI.create(pipeline.dashboardUrl() + "api/dashboard")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  /**
   * Until the enrich group has committed the end of news.raw.v1 (as the page's flow probe reads it)
   * and the page's count of enriched stories has stopped growing, so that the story this test
   * ingests next is the newest on the page.
   */
  private static void awaitCaughtUp(final Admin admin) {
    final long rawStories = rawEndOffsets(admin);
    if (rawStories == 0) {
      return; // nothing on the topic: nothing to catch up with
    }
    await("the page's flow probe reads news.raw.v1 at " + rawStories + "+ stories with no lag")
        .atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
        .until(() -> dashboard().path("flow"), flow -> flow.path("storiesIn").asLong() >= rawStories
            && flow.path("lagKnown").asBoolean() && flow.path("lag").asLong() == 0);
    final AtomicLong lastOut = new AtomicLong(-1);
    await("the page's storiesOut stays the same for 2 s after the backlog")
        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .during(Duration.ofSeconds(2))
        .until(() -> {
          final long out = dashboard().path("flow").path("storiesOut").asLong();
          return lastOut.getAndSet(out) == out;
        });
  }

  private static long rawEndOffsets(final Admin admin) {
    try {
      final Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      if (!topics.contains(Topics.RAW.name())) {
        return 0;
      }
      final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(Topics.RAW.name()).partitions().forEach(p -> latest.put(
              new TopicPartition(Topics.RAW.name(), p.partition()), OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(ListOffsetsResultInfo::offset).sum();
    } catch (final Exception e) {
      throw new IllegalStateException("cannot read the end offsets of " + Topics.RAW.name(), e);
    }
  }

  private static void awaitEnriched(final String id) throws Exception {
    final URI uri = URI.create(pipeline.queryUrl() + "/v1/articles/"
        + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    await("story " + id + " answered with 200 by the query API " + uri)
        .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .until(() -> HTTP.send(HttpRequest.newBuilder(uri).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode(), status -> status == 200);
  }
}
