package io.wirestream.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.devstack.DevStackExtension;
import io.wirestream.devstack.KafkaStack;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.cli.SchemasCommand;
import io.wirestream.schemas.compat.SchemaCheck;
import io.wirestream.schemas.registry.RestSchemaRegistryClient;
import io.wirestream.schemas.registry.SchemaRegistryConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code wirestream schemas check|register} against the live registry. */
@Tag("integration")
@Timeout(60)
@ExtendWith(DevStackExtension.class)
class SchemasCommandIT {

  private final KafkaStack stack;

  SchemasCommandIT(final KafkaStack stack) {
    this.stack = stack;
  }

  @Test
  void registeredContractsShouldCheckCompatible() {
    final Run register = run("register", "--schema-registry-url", stack.schemaRegistryUrl());
    assertThat(register.exitCode).as(register.err).isZero();
    Topics.all().forEach(t -> assertThat(register.out).contains(t.valueSubject()));

    final Run check = run("check", "--schema-registry-url", stack.schemaRegistryUrl());

    assertThat(check.exitCode).as(check.out + check.err).isZero();
    assertThat(check.out).contains(Topics.RAW.valueSubject()).contains("COMPATIBLE")
        .doesNotContain("INCOMPATIBLE");
  }

  @Test
  void checkShouldNameTheFieldThatBreaksCompatibility() {
    final String subject = "check-it-" + UUID.randomUUID() + "-value";
    final Schema released = SchemaBuilder.record("Story").fields().requiredString("id").endRecord();
    final Schema local = SchemaBuilder.record("Story").fields().requiredString("id")
        .requiredLong("firstSeen").endRecord();
    try (RestSchemaRegistryClient client =
        new RestSchemaRegistryClient(SchemaRegistryConfig.of(stack.schemaRegistryUrl()))) {
      client.register(subject, released);

      final List<SchemaCheck.Outcome> outcomes = SchemaCheck.check(client, Map.of(subject, local));

      assertThat(outcomes).singleElement().satisfies(outcome -> {
        assertThat(outcome.verdict()).isEqualTo(SchemaCheck.Verdict.INCOMPATIBLE);
        assertThat(outcome.reasons()).anySatisfy(reason ->
            assertThat(reason).contains("Story.firstSeen").contains("has no default"));
      });
    }
  }

  @Test
  void checkShouldExitNonZeroWithOneClearLineWhenTheRegistryIsDown() {
    final Run check = run("check", "--schema-registry-url", "http://127.0.0.1:9",
        "--registry-property", "schema.registry.max.retries=0");

    assertThat(check.exitCode).isEqualTo(SchemasCommand.EXIT_INCOMPATIBLE);
    assertThat(check.err).startsWith("error: Schema registry unreachable at [http://127.0.0.1:9]");
  }

  private static Run run(final String... args) {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CommandLine commandLine = SchemasCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    final int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private record Run(int exitCode, String out, String err) {
  }
}
