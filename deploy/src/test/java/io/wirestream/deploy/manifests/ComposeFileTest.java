package io.wirestream.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml holds together: images, health checks, volumes, wiring. */
class ComposeFileTest {

  private static final Set<String> STATEFUL = Set.of("kafka-1", "kafka-2", "kafka-3", "enrich",
      "prometheus", "grafana");
  private final JsonNode compose = DeployFiles.compose();
  private final JsonNode services = compose.path("services");

  @Test
  void shouldGiveEveryServiceAnImageOrABuild() {
    assertThat(DeployFiles.fieldNames(services)).as("services").hasSizeGreaterThanOrEqualTo(8);
    services.fields().forEachRemaining(s -> assertThat(s.getValue().has("image")
        || s.getValue().has("build")).as("service %s has neither image nor build", s.getKey())
        .isTrue());
  }

  @Test
  void shouldHealthCheckEveryService() {
    services.fields().forEachRemaining(s -> assertThat(s.getValue().path("healthcheck")
        .path("test").isMissingNode()).as("service %s has no healthcheck test", s.getKey())
        .isFalse());
  }

  @Test
  void shouldRunThreeCombinedKraftNodesWithAQuorumOfAllThree() {
    final List<String> brokers = DeployFiles.fieldNames(services).stream()
        .filter(n -> services.path(n).path("image").asText().startsWith("apache/kafka:"))
        .toList();
    assertThat(brokers).containsExactly("kafka-1", "kafka-2", "kafka-3");
    for (final String broker : brokers) {
      final Map<String, String> env = DeployFiles.composeEnvironment(services.path(broker));
      assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).as("%s quorum", broker)
          .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
      assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as("%s advertised listeners", broker)
          .contains("PLAINTEXT://" + broker + ":9092");
      assertThat(env.get("KAFKA_NODE_ID")).as("%s node id", broker)
          .isEqualTo(broker.substring("kafka-".length()));
    }
  }

  @Test
  void shouldDeclareEveryNamedVolumeAndGiveStatefulServicesOne() {
    final Set<String> declared = new TreeSet<>(DeployFiles.fieldNames(compose.path("volumes")));
    final Set<String> used = new TreeSet<>();
    services.fields().forEachRemaining(s -> {
      final List<String> named = new ArrayList<>();
      for (final JsonNode volume : s.getValue().path("volumes")) {
        final String source = volume.isTextual() ? volume.asText().split(":")[0]
            : volume.path("source").asText();
        if (!source.startsWith(".") && !source.startsWith("/")) {
          named.add(source);
        }
      }
      assertThat(declared).as("named volumes of service %s must be declared under volumes:",
          s.getKey()).containsAll(named);
      if (STATEFUL.contains(s.getKey())) {
        assertThat(named).as("stateful service %s needs a named volume", s.getKey()).isNotEmpty();
      }
      used.addAll(named);
    });
    assertThat(used).as("declared volumes that no service uses").isEqualTo(declared);
  }

  @Test
  void shouldDependOnServicesThatExist() {
    final Set<String> names = new TreeSet<>(DeployFiles.fieldNames(services));
    services.fields().forEachRemaining(s -> {
      final JsonNode dependsOn = s.getValue().path("depends_on");
      final List<String> targets = new ArrayList<>();
      if (dependsOn.isArray()) {
        dependsOn.forEach(t -> targets.add(t.asText()));
      } else {
        targets.addAll(DeployFiles.fieldNames(dependsOn));
      }
      assertThat(names).as("depends_on of service %s", s.getKey()).containsAll(targets);
    });
  }

  @Test
  void shouldPointTheServicesAtTheBrokersAndTheRegistryOfThisFile() {
    for (final String service : List.of("ingest", "enrich")) {
      final Map<String, String> env = DeployFiles.composeEnvironment(services.path(service));
      for (final String bootstrap : env.get("WIRESTREAM_BOOTSTRAP_SERVERS").split(",")) {
        final String host = bootstrap.split(":")[0];
        assertThat(services.has(host)).as("%s bootstrap server %s is no service", service,
            bootstrap).isTrue();
        assertThat(DeployFiles.composeEnvironment(services.path(host))
            .get("KAFKA_ADVERTISED_LISTENERS")).as("%s bootstrap server %s", service, bootstrap)
            .contains("://" + bootstrap);
      }
      final URI registry = URI.create(env.get("WIRESTREAM_SCHEMA_REGISTRY_URL"));
      assertThat(services.has(registry.getHost())).as("%s registry host %s", service,
          registry.getHost()).isTrue();
      assertThat(services.path(registry.getHost()).path("image").asText())
          .as("registry image").startsWith("apicurio/apicurio-registry-");
      assertThat(registry.getPath()).as("%s registry URL path", service)
          .isEqualTo("/apis/ccompat/v7");
    }
  }

  @Test
  void shouldBuildFromADockerfileWhoseEntrypointStartsARealMainClass() throws Exception {
    final Path composeDir = DeployFiles.deployDir().resolve("compose");
    final List<String> built = new ArrayList<>();
    for (final String name : DeployFiles.fieldNames(services)) {
      final JsonNode build = services.path(name).path("build");
      if (build.isMissingNode()) {
        continue;
      }
      built.add(name);
      final Path context = composeDir.resolve(build.path("context").asText(".")).normalize();
      final Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
      assertThat(dockerfile).as("Dockerfile of service %s", name).isRegularFile();
      assertThat(context.resolve("mvnw")).as("build context of %s must be the repository root",
          name).isRegularFile();
      checkDockerfile(Files.readString(dockerfile), dockerfile);
    }
    assertThat(built).as("services built from this repository").contains("ingest", "enrich");
  }

  /**
   * The ENTRYPOINT runs a class that exists with a main method, from the jar and lib folder the
   * deploy module packages, with the launcher script's JVM flags.
   */
  private static void checkDockerfile(final String text, final Path file)
      throws IOException, ReflectiveOperationException {
    final Matcher entry = Pattern.compile("(?m)^ENTRYPOINT\\s+(\\[.*?\\])\\s*$", Pattern.DOTALL)
        .matcher(text.replace("\\\n", " "));
    assertThat(entry.find()).as("%s has no exec-form ENTRYPOINT", file).isTrue();
    final List<String> words = Arrays.asList(DeployFiles.YAML.readValue(entry.group(1),
        String[].class));
    final String mainClass = words.get(words.size() - 1);
    final Method main = Class.forName(mainClass).getMethod("main", String[].class);
    assertThat(Modifier.isStatic(main.getModifiers())).as("%s.main is static", mainClass)
        .isTrue();

    final String pom = Files.readString(DeployFiles.deployDir().resolve("pom.xml"));
    final Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
    assertThat(finalName.find()).as("deploy/pom.xml finalName").isTrue();
    final String jar = finalName.group(1) + ".jar";
    final String classpath = words.get(words.indexOf("-cp") + 1);
    final List<String> entries = Arrays.asList(classpath.split(":"));
    assertThat(entries).as("ENTRYPOINT classpath").hasSize(2);
    assertThat(entries.get(0)).as("ENTRYPOINT jar").endsWith("/" + jar);
    assertThat(entries.get(1)).as("ENTRYPOINT dependencies").endsWith("/lib/*");
    final String jarDir = entries.get(0).substring(0, entries.get(0).lastIndexOf('/'));
    assertThat(text).as("the image copies the packaged jar and its dependencies")
        .contains("COPY --from=build /src/deploy/target/" + jar + " " + entries.get(0))
        .contains("COPY --from=build /src/deploy/target/lib/ " + jarDir + "/lib/");
    assertThat(pom).as("deploy/pom.xml copies the runtime dependencies to target/lib")
        .contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");

    final String launcher = Files.readString(DeployFiles.deployDir().getParent()
        .resolve("wirestream"));
    final Set<String> launcherFlags = Pattern.compile("-D[\\w.]+=\\d+").matcher(launcher)
        .results().map(m -> m.group()).collect(Collectors.toCollection(TreeSet::new));
    assertThat(launcherFlags).as("the launcher's JVM flags").isNotEmpty();
    assertThat(words).as("the image runs with the launcher's JVM flags")
        .containsAll(launcherFlags);
  }
}
