package io.wirestream.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every document of deploy/k8s is valid against the Kubernetes API's schema of its kind. */
class KubernetesSchemaTest {

  private final List<JsonNode> documents = DeployFiles.k8sDocuments();

  @Test
  void shouldKnowTheSchemaOfEveryKindTheManifestsUse() {
    assertThat(documents).extracting(KubernetesSchemas::kindOf)
        .allSatisfy(kind -> assertThat(KubernetesSchemas.knows(kind)
            || KubernetesSchemas.CUSTOM_RESOURCES.contains(kind))
            .as("a schema for %s", kind).isTrue())
        .contains("apps/v1/StatefulSet", "apps/v1/Deployment", "v1/Service", "v1/ConfigMap");
  }

  @Test
  void shouldValidateEveryBuiltInDocumentAgainstItsSchema() {
    final List<JsonNode> builtIn = documents.stream()
        .filter(d -> KubernetesSchemas.knows(KubernetesSchemas.kindOf(d))).toList();
    assertThat(builtIn).hasSizeGreaterThanOrEqualTo(8);
    for (final JsonNode document : builtIn) {
      assertThatCode(() -> KubernetesSchemas.validate(document)).doesNotThrowAnyException();
    }
  }

  @Test
  void shouldRejectAFieldTheApiDoesNotHaveDeepInsideAPodTemplate() {
    final ObjectNode statefulSet = (ObjectNode) DeployFiles.k8sKind("StatefulSet").get(0).deepCopy();
    final ObjectNode container = (ObjectNode) statefulSet.path("spec").path("template")
        .path("spec").path("containers").get(0);
    container.set("containerPorts", container.remove("ports"));

    assertThatThrownBy(() -> KubernetesSchemas.validate(statefulSet))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("StatefulSet wirestream-enrich")
        .hasMessageContaining("containerPorts");
  }

  @Test
  void shouldRejectAContainerWithoutItsRequiredName() {
    final ObjectNode deployment = (ObjectNode) DeployFiles.k8sKind("Deployment").get(0).deepCopy();
    ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
        .remove("name");

    assertThatThrownBy(() -> KubernetesSchemas.validate(deployment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("apps/v1/Deployment wirestream-ingest: ")
        .hasMessageContaining("required field `name`");
  }

  @Test
  void shouldRejectAnObjectWhereTheApiWantsAList() {
    final ObjectNode service = (ObjectNode) DeployFiles.k8sKind("Service").get(0).deepCopy();
    ((ObjectNode) service.path("spec")).set("ports", service.path("spec").path("ports").get(0));

    assertThatThrownBy(() -> KubernetesSchemas.validate(service))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("v1/Service wirestream-ingest: ")
        .hasMessageContaining("JsonObject cannot be cast").hasMessageContaining("JsonArray");
  }

  @Test
  void shouldRefuseAKindItHasNoSchemaFor() {
    final ObjectNode job = DeployFiles.YAML.createObjectNode().put("apiVersion", "batch/v1")
        .put("kind", "Job");
    assertThatThrownBy(() -> KubernetesSchemas.validate(job))
        .hasMessageContaining("no Kubernetes schema");
  }
}
