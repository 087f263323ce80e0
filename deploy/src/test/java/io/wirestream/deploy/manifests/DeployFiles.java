package io.wirestream.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wirestream.deploy.WirestreamCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The deployment files as the tests see them: the compose file, every Kubernetes document that
 * kustomization.yaml lists, the containers in them with their environment, and the environment
 * variables the wirestream commands read (from picocli's command model, not from the sources).
 */
final class DeployFiles {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Z0-9_]+)");

  private DeployFiles() {
  }

  /** The deploy module's folder (surefire runs there; the IDE may run from the repository). */
  static Path deployDir() {
    final Path here = Path.of("").toAbsolutePath();
    final Path dir = Files.isDirectory(here.resolve("compose")) ? here : here.resolve("deploy");
    if (!Files.isRegularFile(dir.resolve("compose/compose.yaml"))) {
      throw new IllegalStateException("no deploy/compose/compose.yaml under " + here);
    }
    return dir;
  }

  static JsonNode compose() {
    return read(deployDir().resolve("compose/compose.yaml")).get(0);
  }

  /** Every document of every file kustomization.yaml lists, in order. */
  static List<JsonNode> k8sDocuments() {
    final Path k8s = deployDir().resolve("k8s");
    final List<JsonNode> documents = new ArrayList<>();
    for (final JsonNode resource : read(k8s.resolve("kustomization.yaml")).get(0)
        .path("resources")) {
      read(k8s.resolve(resource.asText())).stream().filter(d -> !d.isNull() && !d.isMissingNode())
          .forEach(documents::add);
    }
    return documents;
  }

  static List<JsonNode> k8sKind(final String kind) {
    return k8sDocuments().stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  /** All YAML documents in a file. */
  static List<JsonNode> read(final Path file) {
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class)
        .readValues(Files.newBufferedReader(file))) {
      return docs.readAll();
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  static List<String> fieldNames(final JsonNode object) {
    final List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A compose environment (map or list of NAME=value) as a map. */
  static Map<String, String> composeEnvironment(final JsonNode service) {
    final Map<String, String> env = new LinkedHashMap<>();
    final JsonNode environment = service.path("environment");
    if (environment.isArray()) {
      environment.forEach(item -> {
        final String[] pair = item.asText().split("=", 2);
        env.put(pair[0], pair.length > 1 ? pair[1] : "");
      });
    } else {
      environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    }
    return env;
  }

  /** The wirestream subcommand a compose service runs (first word of command), or null. */
  static String composeSubcommand(final JsonNode service) {
    final JsonNode command = service.path("command");
    if (command.isArray() && !command.isEmpty()) {
      return command.get(0).asText();
    }
    return command.isTextual() ? command.asText().trim().split("\\s+")[0] : null;
  }

  /** The containers of a Deployment or StatefulSet, with the documents they are in. */
  static List<JsonNode> containers(final JsonNode workload) {
    final List<JsonNode> containers = new ArrayList<>();
    workload.path("spec").path("template").path("spec").path("containers")
        .forEach(containers::add);
    return containers;
  }

  static List<JsonNode> k8sWorkloads() {
    final List<JsonNode> workloads = new ArrayList<>(k8sKind("Deployment"));
    workloads.addAll(k8sKind("StatefulSet"));
    return workloads;
  }

  /**
   * A container's environment: its ConfigMaps (envFrom) first, then env; values from secrets
   * or fields are given as {@code <from NAME>}.
   */
  static Map<String, String> k8sEnvironment(final JsonNode container) {
    final Map<String, String> env = new LinkedHashMap<>();
    for (final JsonNode from : container.path("envFrom")) {
      final String name = from.path("configMapRef").path("name").asText();
      final JsonNode configMap = k8sKind("ConfigMap").stream()
          .filter(c -> c.path("metadata").path("name").asText().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("envFrom names ConfigMap " + name
              + ", which no manifest defines"));
      configMap.path("data").fields().forEachRemaining(e -> env.put(e.getKey(),
          e.getValue().asText()));
    }
    for (final JsonNode variable : container.path("env")) {
      env.put(variable.path("name").asText(), variable.has("value")
          ? variable.path("value").asText() : "<from " + variable.path("valueFrom") + ">");
    }
    return env;
  }

  static String k8sSubcommand(final JsonNode container) {
    final JsonNode args = container.path("args");
    return args.isArray() && !args.isEmpty() ? args.get(0).asText() : null;
  }

  /**
   * The environment variables a wirestream subcommand reads: every {@code ${env:NAME}} in the
   * default values of its options, mixins included, read with interpolation off.
   */
  static Set<String> envDefaults(final String subcommand) {
    final CommandLine cli = WirestreamCli.commandLine().setInterpolateVariables(false);
    final CommandLine command = cli.getSubcommands().get(subcommand);
    if (command == null) {
      throw new AssertionError("wirestream has no subcommand '" + subcommand + "'; it has "
          + cli.getSubcommands().keySet());
    }
    final Set<String> names = new LinkedHashSet<>();
    for (final OptionSpec option : command.getCommandSpec().options()) {
      final String value = option.defaultValue();
      if (value != null) {
        final Matcher m = ENV_DEFAULT.matcher(value);
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }
}
