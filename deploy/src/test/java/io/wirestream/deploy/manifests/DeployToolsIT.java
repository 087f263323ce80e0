package io.wirestream.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.devstack.MachineRequirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose file and the Kubernetes manifests, read by the tools that will run them: Compose
 * itself ({@code docker-compose config}, which needs no engine) and {@code kubectl kustomize},
 * whose rendered output is then checked against the Kubernetes API's schemas. Skipped with one
 * line when a tool is missing; mandatory under {@code CI=true} (.ci/run installs both).
 */
@Timeout(120)
class DeployToolsIT {

  private static final Path DEPLOY = DeployFiles.deployDir();

  @Test
  void composeShouldAcceptTheComposeFileAndSeeEveryServiceAndVolume() throws Exception {
    final Path compose = composeProgram();
    final Path file = DEPLOY.resolve("compose/compose.yaml");

    final Result check = run(compose.toString(), "-f", file.toString(), "config", "-q");
    assertThat(check.exitCode()).as("docker-compose config -q: %s", check).isZero();
    assertThat(check.errors()).as("warnings of docker-compose config").isBlank();
    assertThat(run(compose.toString(), "-f", file.toString(), "config", "--services").lines())
        .containsExactlyInAnyOrderElementsOf(DeployFiles.fieldNames(DeployFiles.compose()
            .path("services")));
    assertThat(run(compose.toString(), "-f", file.toString(), "config", "--volumes").lines())
        .containsExactlyInAnyOrderElementsOf(DeployFiles.fieldNames(DeployFiles.compose()
            .path("volumes")));
  }

  @Test
  void composeShouldRejectAFileWithAnUnknownServiceKey(@TempDir final Path dir) throws Exception {
    final Path compose = composeProgram();
    final Path broken = dir.resolve("compose.yaml");
    Files.writeString(broken, "services:\n  app:\n    image: busybox\n    healthchek:\n"
        + "      test: [\"CMD\", \"true\"]\n");

    final Result result = run(compose.toString(), "-f", broken.toString(), "config", "-q");
    assertThat(result.exitCode()).as("%s", result).isNotZero();
    assertThat(result.errors()).contains("healthchek");
  }

  @Test
  void kubectlShouldRenderTheKustomizationIntoSchemaValidDocuments() throws Exception {
    final Path kubectl = MachineRequirements.requireProgram("kubectl",
        "sudo apt-get install kubernetes-client");
    final Result rendered = run(kubectl.toString(), "kustomize", DEPLOY.resolve("k8s").toString());
    assertThat(rendered.exitCode()).as("kubectl kustomize: %s", rendered).isZero();

    final Path file = Files.createTempFile("wirestream-kustomize", ".yaml");
    try {
      Files.writeString(file, rendered.output());
      final List<JsonNode> documents = DeployFiles.read(file).stream()
          .filter(d -> !d.isNull() && !d.isMissingNode()).toList();
      assertThat(documents).as("one rendered document per source document")
          .hasSameSizeAs(DeployFiles.k8sDocuments());
      for (final JsonNode document : documents) {
        final String kind = KubernetesSchemas.kindOf(document);
        if (!KubernetesSchemas.CUSTOM_RESOURCES.contains(kind)) {
          KubernetesSchemas.validate(document);
        }
      }
      final List<String> images = new ArrayList<>();
      for (final JsonNode document : documents) {
        DeployFiles.containers(document).forEach(c -> images.add(c.path("image").asText()));
      }
      assertThat(images).as("the kustomization's image override reaches every container")
          .isNotEmpty().allMatch("wirestream:0.1.0"::equals);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Path composeProgram() {
    return MachineRequirements.requireProgram("docker-compose",
        "sudo apt-get install docker-compose");
  }

  private record Result(int exitCode, String output, String errors) {
    List<String> lines() {
      return output.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n" + output + errors;
    }
  }

  /** Runs a tool to its end: its exit code, its stdout and (apart) its stderr. */
  private static Result run(final String... command) throws IOException, InterruptedException {
    final Path errors = Files.createTempFile("wirestream-tool", ".err");
    try {
      final Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.to(errors.toFile())).start();
      final String output = new String(process.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
      }
      return new Result(process.exitValue(), output, Files.readString(errors));
    } finally {
      Files.deleteIfExists(errors);
    }
  }
}
