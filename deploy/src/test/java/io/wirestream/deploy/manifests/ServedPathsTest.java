package io.wirestream.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.enrich.api.QueryServer;
import io.wirestream.ingest.http.IngestHttpServer;
import io.wirestream.ingest.http.IngestHttpSettings;
import io.wirestream.ingest.identity.VersionLedger;
import io.wirestream.ingest.parse.ParserConfig;
import io.wirestream.ingest.parse.StoryParsers;
import io.wirestream.ingest.pipeline.IngestMetrics;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.ingest.publish.DryRunSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ports, probe paths, health checks and scrape paths of the deployment files are ones the
 * services really serve: the real ingest HTTP server and the real enrich query server run here on
 * 127.0.0.1 (ephemeral ports, no broker: the ingest pipeline writes to a dry-run sink, the Streams
 * app is created but never started) and answer each path the files name.
 */
@Timeout(120)
class ServedPathsTest {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private static final Pattern URL = Pattern.compile("http://localhost:(\\d+)(/\\S*)");

  @TempDir
  static Path stateDir;

  private static IngestHttpServer ingest;
  private static KafkaStreams streams;
  private static QueryServer enrich;

  @BeforeAll
  static void startServers() {
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final IngestPipeline pipeline = new IngestPipeline(new StoryParsers(ParserConfig.defaults()),
        new VersionLedger(), new DryRunSink(new PrintWriter(new StringWriter())),
        new IngestMetrics(meters), Clock.systemUTC());
    ingest = IngestHttpServer.start(new IngestHttpSettings("127.0.0.1", 0, Optional.empty(),
        1 << 20), pipeline, meters, () -> true);
    final StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    final Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "served-paths-test");
    // Nothing listens there; the app is never started, so it never needs a broker.
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    streams = new KafkaStreams(builder.build(), props);
    enrich = QueryServer.start(streams, new HostInfo("127.0.0.1", 0), Duration.ofMinutes(15),
        meters);
  }

  @AfterAll
  static void stopServers() {
    if (enrich != null) {
      enrich.close();
    }
    if (streams != null) {
      streams.close(Duration.ofSeconds(10));
    }
    if (ingest != null) {
      ingest.close();
    }
  }

  @Test
  void shouldProbeAndScrapePathsTheKubernetesContainersServe() throws Exception {
    final List<String> checked = new ArrayList<>();
    for (final JsonNode workload : DeployFiles.k8sWorkloads()) {
      final JsonNode annotations = workload.path("spec").path("template").path("metadata")
          .path("annotations");
      for (final JsonNode container : DeployFiles.containers(workload)) {
        final String subcommand = DeployFiles.k8sSubcommand(container);
        final Map<String, Integer> ports = new LinkedHashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(),
            p.path("containerPort").asInt()));
        final int served = Integer.parseInt(DeployFiles.k8sEnvironment(container)
            .get(portVariable(subcommand)));
        assertThat(ports.values()).as("%s containerPort vs %s", subcommand,
            portVariable(subcommand)).containsExactly(served);
        assertThat(annotations.path("prometheus.io/port").asText()).as("%s scrape port",
            subcommand).isEqualTo(String.valueOf(served));
        assertServed(subcommand, annotations.path("prometheus.io/path").asText());
        for (final String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
          final JsonNode get = container.path(probe).path("httpGet");
          assertThat(get.isMissingNode()).as("%s has no %s httpGet", subcommand, probe).isFalse();
          final String port = get.path("port").asText();
          assertThat(ports.containsKey(port) || port.equals(String.valueOf(served)))
              .as("%s %s port %s is not a container port %s", subcommand, probe, port, ports)
              .isTrue();
          assertServed(subcommand, get.path("path").asText());
        }
        checked.add(subcommand);
      }
    }
    assertThat(checked).containsExactlyInAnyOrder("ingest", "enrich");
  }

  @Test
  void shouldRouteServicesToNamedContainerPortsOfTheirPods() {
    for (final JsonNode service : DeployFiles.k8sKind("Service")) {
      final String name = service.path("metadata").path("name").asText();
      final JsonNode selector = service.path("spec").path("selector");
      final List<JsonNode> pods = DeployFiles.k8sWorkloads().stream().filter(w -> {
        final JsonNode labels = w.path("spec").path("template").path("metadata").path("labels");
        final boolean[] all = {true};
        selector.fields().forEachRemaining(e -> all[0] &= e.getValue().asText()
            .equals(labels.path(e.getKey()).asText()));
        return all[0];
      }).toList();
      assertThat(pods).as("workloads selected by Service %s", name).hasSize(1);
      final List<String> portNames = new ArrayList<>();
      DeployFiles.containers(pods.get(0)).forEach(c -> c.path("ports")
          .forEach(p -> portNames.add(p.path("name").asText())));
      service.path("spec").path("ports").forEach(p -> assertThat(portNames)
          .as("Service %s targetPort", name).contains(p.path("targetPort").asText()));
    }
    final JsonNode enrich = DeployFiles.k8sKind("StatefulSet").get(0);
    final String headless = enrich.path("spec").path("serviceName").asText();
    final JsonNode service = DeployFiles.k8sKind("Service").stream()
        .filter(s -> s.path("metadata").path("name").asText().equals(headless)).findFirst()
        .orElseThrow(() -> new AssertionError("StatefulSet serviceName " + headless
            + " names no Service"));
    assertThat(service.path("spec").path("clusterIP").asText()).as("%s clusterIP", headless)
        .isEqualTo("None");
  }

  @Test
  void shouldHealthCheckComposeServicesOnPathsTheyServe() throws Exception {
    final JsonNode services = DeployFiles.compose().path("services");
    for (final String name : List.of("ingest", "enrich")) {
      final JsonNode service = services.path(name);
      final String subcommand = DeployFiles.composeSubcommand(service);
      final Matcher url = URL.matcher(service.path("healthcheck").path("test").toString());
      assertThat(url.find()).as("compose %s healthcheck has no http://localhost URL", name)
          .isTrue();
      assertThat(url.group(1)).as("compose %s healthcheck port vs %s", name,
          portVariable(subcommand))
          .isEqualTo(DeployFiles.composeEnvironment(service).get(portVariable(subcommand)));
      assertServed(subcommand, url.group(2));
    }
  }

  private static String portVariable(final String subcommand) {
    return switch (subcommand) {
      case "ingest" -> "WIRESTREAM_INGEST_HTTP_PORT";
      case "enrich" -> "WIRESTREAM_ENRICH_HTTP_PORT";
      default -> throw new AssertionError("no HTTP server known for wirestream " + subcommand);
    };
  }

  /** GETs the path from the real server of that subcommand: anything but 404 is served. */
  private static void assertServed(final String subcommand, final String path)
      throws Exception {
    assertThat(path).as("%s path", subcommand).startsWith("/");
    final int port = subcommand.equals("ingest") ? ingest.port() : enrich.port();
    final HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("GET %s on the %s server", path, subcommand)
        .isNotEqualTo(404);
  }
}
