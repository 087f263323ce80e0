package io.wirestream.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes API's own schemas for the kinds the manifests use, as the official Java client
 * generates them from the API's OpenAPI document: each model's {@code validateJsonElement} rejects
 * a field the API does not define (at any depth), a missing required field and a value of the
 * wrong JSON shape. No cluster is needed, so a typo such as {@code containerPorts} or a probe
 * without a handler's fields fails here rather than at {@code kubectl apply}.
 */
final class KubernetesSchemas {

  /** A model's schema check. */
  @FunctionalInterface
  private interface Schema {
    void validate(JsonElement document) throws IOException;
  }

  private static final Map<String, Schema> BY_KIND = Map.of(
      "v1/Namespace", V1Namespace::validateJsonElement,
      "v1/ConfigMap", V1ConfigMap::validateJsonElement,
      "v1/Secret", V1Secret::validateJsonElement,
      "v1/Service", V1Service::validateJsonElement,
      "apps/v1/Deployment", V1Deployment::validateJsonElement,
      "apps/v1/StatefulSet", V1StatefulSet::validateJsonElement);

  /** Custom resources: not the Kubernetes API's schema; KafkaTopicsTest checks these. */
  static final Set<String> CUSTOM_RESOURCES = Set.of("kafka.strimzi.io/v1beta2/KafkaTopic");

  private KubernetesSchemas() {
  }

  static String kindOf(final JsonNode document) {
    return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
  }

  static boolean knows(final String kind) {
    return BY_KIND.containsKey(kind);
  }

  /**
   * Checks one manifest document against its kind's schema.
   *
   * @throws IllegalArgumentException naming the document and what is wrong with it
   */
  static void validate(final JsonNode document) {
    final String kind = kindOf(document);
    final Schema schema = BY_KIND.get(kind);
    final String name = kind + " " + document.path("metadata").path("name").asText("(no name)");
    if (schema == null) {
      throw new IllegalArgumentException(name + ": no Kubernetes schema for this kind here");
    }
    try {
      schema.validate(JsonParser.parseString(document.toString()));
    } catch (final IOException | RuntimeException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }
}
