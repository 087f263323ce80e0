package io.wirestream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SchemaRegistryConfigTest {

  @Test
  void shouldReadSeveralUrlsAndUserInfo() {
    final SchemaRegistryConfig config = SchemaRegistryConfig.fromConfigs(Map.of(
        "schema.registry.url", "http://a:8081, http://b:8081/",
        "basic.auth.credentials.source", "USER_INFO",
        "basic.auth.user.info", "svc:secret"));

    assertThat(config.urls()).containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
    assertThat(config.userInfo()).contains("svc:secret");
    assertThat(config.toString()).doesNotContain("secret");
  }

  @Test
  void shouldTakeUserInfoFromTheUrlWhenAskedTo() {
    final SchemaRegistryConfig config = SchemaRegistryConfig.fromConfigs(Map.of(
        "schema.registry.url", "https://svc:pw@registry.example:8081",
        "basic.auth.credentials.source", "URL"));

    assertThat(config.userInfo()).contains("svc:pw");
    assertThat(config.toString()).doesNotContain("pw@");
  }

  @Test
  void shouldTakeUserInfoFromTheUrlByDefaultAsConfluentDoes() {
    final SchemaRegistryConfig config = SchemaRegistryConfig.fromConfigs(Map.of(
        "schema.registry.url", "http://svc:pw@registry.example:8081"));

    assertThat(config.userInfo()).contains("svc:pw");
  }

  @Test
  void shouldFallBackToUserInfoWhenNoSourceIsSetAndTheUrlHasNone() {
    final SchemaRegistryConfig config = SchemaRegistryConfig.fromConfigs(Map.of(
        "schema.registry.url", "http://registry.example:8081", "basic.auth.user.info", "a:b"));

    assertThat(config.userInfo()).contains("a:b");
  }

  @Test
  void shouldSendNoCredentialsInUrlModeWhenTheUrlHasNone() {
    final SchemaRegistryConfig config = SchemaRegistryConfig.fromConfigs(Map.of(
        "schema.registry.url", "http://registry.example:8081",
        "basic.auth.credentials.source", "URL", "basic.auth.user.info", "ignored:here"));

    assertThat(config.userInfo()).isEmpty();
  }

  @Test
  void shouldSplitOneClientConfigIntoKafkaAndRegistrySettings() {
    final Map<String, String> client = Map.of("security.protocol", "SASL_SSL",
        "sasl.mechanism", "SCRAM-SHA-512", "basic.auth.user.info", "u:p",
        "schema.registry.ssl.truststore.location", "/etc/ts.jks");

    assertThat(SchemaRegistryConfig.kafkaProperties(client)).containsOnlyKeys(
        "security.protocol", "sasl.mechanism");
    assertThat(SchemaRegistryConfig.registryProperties("http://r:8081", client)).containsOnlyKeys(
        "basic.auth.user.info", "schema.registry.ssl.truststore.location", "schema.registry.url");
  }

  @Test
  void shouldRefuseAMissingUrl() {
    assertThatThrownBy(() -> SchemaRegistryConfig.fromConfigs(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void shouldRefuseAnUnsupportedCredentialsSource() {
    assertThatThrownBy(() -> SchemaRegistryConfig.fromConfigs(Map.of(
        "schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "SASL_INHERIT")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("URL and USER_INFO");
  }

  @Test
  void shouldRefuseUserInfoSourceWithoutUserInfo() {
    assertThatThrownBy(() -> SchemaRegistryConfig.fromConfigs(Map.of(
        "schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "USER_INFO")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.user.info");
  }

  @Test
  void shouldRefuseUseLatestVersionTogetherWithAutoRegister() {
    assertThatThrownBy(() -> io.wirestream.schemas.serde.AvroSerdeConfig.fromConfigs(Map.of(
        "schema.registry.url", "http://a:8081", "use.latest.version", "true")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auto.register.schemas=false");
  }
}
