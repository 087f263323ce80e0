package io.wirestream.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every WIRESTREAM_* variable the deployment files set is one the command they run reads, and
 * every service is given what it needs to connect.
 */
class EnvironmentVariablesTest {

  private static final List<String> REQUIRED = List.of("WIRESTREAM_BOOTSTRAP_SERVERS",
      "WIRESTREAM_SCHEMA_REGISTRY_URL");

  @Test
  void shouldReadTheContainerOptionsFromTheEnvironment() {
    // The model must yield names at all, or the checks below would pass on nothing.
    assertThat(DeployFiles.envDefaults("ingest")).contains("WIRESTREAM_BOOTSTRAP_SERVERS",
        "WIRESTREAM_SCHEMA_REGISTRY_URL", "WIRESTREAM_COMMAND_CONFIG",
        "WIRESTREAM_INGEST_HTTP_HOST", "WIRESTREAM_INGEST_HTTP_PORT", "WIRESTREAM_INGEST_TOKEN",
        "WIRESTREAM_PARTITIONS", "WIRESTREAM_REPLICATION_FACTOR");
    assertThat(DeployFiles.envDefaults("enrich")).contains("WIRESTREAM_BOOTSTRAP_SERVERS",
        "WIRESTREAM_SCHEMA_REGISTRY_URL", "WIRESTREAM_COMMAND_CONFIG",
        "WIRESTREAM_APPLICATION_ID", "WIRESTREAM_STATE_DIR", "WIRESTREAM_ENRICH_THREADS",
        "WIRESTREAM_ENRICH_HTTP_HOST", "WIRESTREAM_ENRICH_HTTP_PORT",
        "WIRESTREAM_ENRICH_ADVERTISED_HOST", "WIRESTREAM_PARTITIONS",
        "WIRESTREAM_REPLICATION_FACTOR");
  }

  @Test
  void shouldSetOnlyVariablesTheComposeServicesRead() {
    final Map<String, Map<String, String>> byService = composeServices();
    assertThat(byService.keySet()).containsExactlyInAnyOrder("ingest", "enrich");
    byService.forEach((service, env) -> checkKnown("compose service " + service,
        DeployFiles.composeSubcommand(DeployFiles.compose().path("services").path(service)),
        env));
  }

  @Test
  void shouldSetOnlyVariablesTheKubernetesContainersRead() {
    final Map<String, Map<String, String>> byContainer = k8sContainers();
    assertThat(byContainer.keySet()).containsExactlyInAnyOrder("ingest", "enrich");
    byContainer.forEach((subcommand, env) -> checkKnown("k8s container running " + subcommand,
        subcommand, env));
  }

  @Test
  void shouldSetOnlyVariablesTheImageReads() throws Exception {
    final String dockerfile = Files.readString(DeployFiles.deployDir()
        .resolve("docker/Dockerfile"));
    final Set<String> set = Pattern.compile("(?m)^ENV\\s+(WIRESTREAM_[A-Z0-9_]+)=")
        .matcher(dockerfile).results().map(m -> m.group(1))
        .collect(Collectors.toCollection(TreeSet::new));
    final Set<String> read = new TreeSet<>(DeployFiles.envDefaults("ingest"));
    read.addAll(DeployFiles.envDefaults("enrich"));
    assertThat(read).as("variables the Dockerfile sets that neither ingest nor enrich reads")
        .containsAll(set);
  }

  @Test
  void shouldGiveEveryServiceTheClusterAndTheRegistry() {
    composeServices().forEach((service, env) -> assertThat(env).as("compose service %s",
        service).containsKeys(REQUIRED.toArray(String[]::new)));
    k8sContainers().forEach((service, env) -> assertThat(env).as("k8s container %s", service)
        .containsKeys(REQUIRED.toArray(String[]::new)));
    k8sContainers().forEach((service, env) -> REQUIRED.forEach(name -> assertThat(env.get(name))
        .as("%s of k8s container %s", name, service).isNotBlank()));
  }

  @Test
  void shouldAdvertiseAReachableHostWhenTheQueryApiBindsEveryInterface() {
    final Map<String, Map<String, String>> all = new LinkedHashMap<>();
    composeServices().forEach((k, v) -> all.put("compose " + k, v));
    k8sContainers().forEach((k, v) -> all.put("k8s " + k, v));
    all.forEach((where, env) -> {
      if ("0.0.0.0".equals(env.get("WIRESTREAM_ENRICH_HTTP_HOST"))) {
        // wirestream enrich refuses a wildcard bind without an advertised host.
        assertThat(env.get("WIRESTREAM_ENRICH_ADVERTISED_HOST")).as("%s advertised host", where)
            .isNotBlank().isNotEqualTo("0.0.0.0");
      }
    });
    assertThat(all.get("k8s enrich").get("WIRESTREAM_ENRICH_ADVERTISED_HOST"))
        .as("each pod advertises its own name under the headless Service")
        .startsWith("$(POD_NAME).wirestream-enrich-headless.");
  }

  private static void checkKnown(final String where, final String subcommand,
      final Map<String, String> env) {
    final Set<String> read = DeployFiles.envDefaults(subcommand);
    final Set<String> unknown = env.keySet().stream().filter(n -> n.startsWith("WIRESTREAM_"))
        .filter(n -> !read.contains(n)).collect(Collectors.toCollection(TreeSet::new));
    assertThat(unknown).as("%s (wirestream %s) sets variables no option of that command reads;"
        + " it reads %s", where, subcommand, read).isEmpty();
  }

  /** Environment of each compose service that runs the wirestream image. */
  private static Map<String, Map<String, String>> composeServices() {
    final Map<String, Map<String, String>> result = new LinkedHashMap<>();
    DeployFiles.compose().path("services").fields().forEachRemaining(s -> {
      if (s.getValue().has("build")) {
        result.put(s.getKey(), DeployFiles.composeEnvironment(s.getValue()));
      }
    });
    return result;
  }

  /** Environment of each Kubernetes container, by the subcommand it runs. */
  private static Map<String, Map<String, String>> k8sContainers() {
    final Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (final JsonNode workload : DeployFiles.k8sWorkloads()) {
      for (final JsonNode container : DeployFiles.containers(workload)) {
        result.put(DeployFiles.k8sSubcommand(container), DeployFiles.k8sEnvironment(container));
      }
    }
    return result;
  }
}
