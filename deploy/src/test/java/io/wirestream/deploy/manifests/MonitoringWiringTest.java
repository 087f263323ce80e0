package io.wirestream.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus and deploy/grafana fit the compose stack they are mounted into: scrape targets
 * are compose services on the ports those services listen on, rule files land where the config
 * looks for them, and Grafana finds its datasource and dashboards where compose mounts them.
 */
class MonitoringWiringTest {

  private final JsonNode services = DeployFiles.compose().path("services");
  private final Path deploy = DeployFiles.deployDir();

  @Test
  void scrapeTargetsShouldBeComposeServicesOnTheirHttpPorts() {
    final JsonNode prometheus = DeployFiles.read(deploy.resolve("prometheus/prometheus.yml"))
        .get(0);
    final Map<String, String> portVariable = Map.of("ingest", "WIRESTREAM_INGEST_HTTP_PORT",
        "enrich", "WIRESTREAM_ENRICH_HTTP_PORT");
    final List<String> targets = new ArrayList<>();
    for (final JsonNode job : prometheus.path("scrape_configs")) {
      assertThat(job.path("metrics_path").asText()).isEqualTo("/metrics");
      for (final JsonNode config : job.path("static_configs")) {
        config.path("targets").forEach(target -> targets.add(target.asText()));
      }
    }
    assertThat(targets).hasSize(2);
    for (final String target : targets) {
      final String service = target.split(":")[0];
      assertThat(services.has(service)).as("scrape target %s is a compose service", target)
          .isTrue();
      assertThat(portVariable).as("a Wirestream service: %s", service).containsKey(service);
      assertThat(target.split(":")[1]).as("port of %s", service).isEqualTo(
          DeployFiles.composeEnvironment(services.path(service)).get(portVariable.get(service)));
    }
  }

  @Test
  void ruleFilesShouldBeMountedWhereTheConfigLooksForThem() {
    final JsonNode prometheus = DeployFiles.read(deploy.resolve("prometheus/prometheus.yml"))
        .get(0);
    final List<String> mounts = mounts("prometheus");
    assertThat(mounts).contains("../prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
        "../prometheus/rules:/etc/prometheus/rules:ro");
    for (final JsonNode ruleFile : prometheus.path("rule_files")) {
      final Path inContainer = Path.of("/etc/prometheus").resolve(ruleFile.asText()).normalize();
      assertThat(inContainer.startsWith("/etc/prometheus/rules")).as(ruleFile.asText()).isTrue();
      assertThat(deploy.resolve("prometheus").resolve(ruleFile.asText())).exists();
    }
  }

  @Test
  void grafanaShouldFindItsDatasourceAndDashboards() {
    final JsonNode datasources = DeployFiles.read(
        deploy.resolve("grafana/provisioning/datasources/prometheus.yml")).get(0);
    final URI url = URI.create(datasources.path("datasources").get(0).path("url").asText());
    assertThat(services.has(url.getHost())).as("datasource host %s", url.getHost()).isTrue();
    assertThat(url.getPort()).isEqualTo(9090);

    final JsonNode providers = DeployFiles.read(
        deploy.resolve("grafana/provisioning/dashboards/wirestream.yml")).get(0);
    final String path = providers.path("providers").get(0).path("options").path("path").asText();
    assertThat(mounts("grafana")).contains("../grafana/dashboards:" + path + ":ro",
        "../grafana/provisioning:/etc/grafana/provisioning:ro");
  }

  private List<String> mounts(final String service) {
    final List<String> mounts = new ArrayList<>();
    services.path(service).path("volumes").forEach(volume -> mounts.add(volume.asText()));
    return mounts;
  }
}
