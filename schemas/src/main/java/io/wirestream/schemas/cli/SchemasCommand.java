package io.wirestream.schemas.cli;

import io.wirestream.schemas.TopicSpec;
import io.wirestream.schemas.Topics;
import io.wirestream.schemas.compat.SchemaCheck;
import io.wirestream.schemas.registry.SchemaRegistryClient;
import io.wirestream.schemas.registry.SchemaRegistryClients;
import io.wirestream.schemas.registry.SchemaRegistryConfig;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream schemas}: check the local contracts against a live registry, register them,
 * or print one (to add it to the release history).
 */
@Command(name = "schemas", mixinStandardHelpOptions = true,
    description = "Work with the Avro contracts of the Wirestream topics.",
    subcommands = {SchemasCommand.Check.class, SchemasCommand.Register.class,
        SchemasCommand.Print.class})
public final class SchemasCommand {

  /** Exit code when a schema is incompatible or a registry call failed. */
  public static final int EXIT_INCOMPATIBLE = 1;

  public static void main(final String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, with registry errors reported as one clear line and exit code 1. */
  public static CommandLine commandLine() {
    return new CommandLine(new SchemasCommand()).setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("error: " + e.getMessage());
      cmd.getErr().flush();
      return EXIT_INCOMPATIBLE;
    });
  }

  /** Registry options shared by the subcommands; env vars are just defaults of the flags. */
  static final class RegistryOptions {
    @Option(names = "--schema-registry-url", required = true,
        defaultValue = "${env:WIRESTREAM_SCHEMA_REGISTRY_URL}",
        description = "Registry base URL (env WIRESTREAM_SCHEMA_REGISTRY_URL).")
    String url;

    @Option(names = "--registry-property", paramLabel = "KEY=VALUE",
        description = "Extra registry client setting, e.g. basic.auth.user.info=u:p (repeatable).")
    Map<String, String> properties = new HashMap<>();

    SchemaRegistryClient client() {
      final Map<String, Object> configs = new HashMap<>(properties);
      configs.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, url);
      return SchemaRegistryClients.create(SchemaRegistryConfig.fromConfigs(configs));
    }
  }

  static Map<String, Schema> localSchemasBySubject() {
    final Map<String, Schema> bySubject = new LinkedHashMap<>();
    for (final TopicSpec<?> topic : Topics.all()) {
      bySubject.put(topic.valueSubject(), topic.valueSchema());
    }
    return bySubject;
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Ask the registry whether every local schema may be registered; exit 1 if not.")
  static final class Check implements Callable<Integer> {
    @CommandLine.Mixin
    RegistryOptions registry;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      final PrintWriter out = spec.commandLine().getOut();
      try (SchemaRegistryClient client = registry.client()) {
        final List<SchemaCheck.Outcome> outcomes =
            SchemaCheck.check(client, localSchemasBySubject());
        boolean ok = true;
        for (final SchemaCheck.Outcome outcome : outcomes) {
          out.printf("%-32s %s%n", outcome.subject(), outcome.verdict());
          outcome.reasons().forEach(reason -> out.printf("    %s%n", reason));
          ok &= outcome.verdict() != SchemaCheck.Verdict.INCOMPATIBLE;
        }
        out.flush();
        return ok ? 0 : EXIT_INCOMPATIBLE;
      }
    }
  }

  @Command(name = "register", mixinStandardHelpOptions = true,
      description = "Register every local schema under its topic's value subject.")
  static final class Register implements Callable<Integer> {
    @CommandLine.Mixin
    RegistryOptions registry;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      final PrintWriter out = spec.commandLine().getOut();
      try (SchemaRegistryClient client = registry.client()) {
        localSchemasBySubject().forEach((subject, schema) ->
            out.printf("%-32s id %d%n", subject, client.register(subject, schema)));
        out.flush();
        return 0;
      }
    }
  }

  @Command(name = "print", mixinStandardHelpOptions = true,
      description = "Print a topic's value schema, self-contained, e.g. to add it to the history.")
  static final class Print implements Callable<Integer> {
    @Parameters(paramLabel = "TOPIC", description = "Topic name, e.g. news.raw.v1.")
    String topic;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      final TopicSpec<?> match = Topics.all().stream().filter(t -> t.name().equals(topic))
          .findFirst().orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
              "Unknown topic '" + topic + "'; known: "
                  + Topics.all().stream().map(TopicSpec::name).toList()));
      spec.commandLine().getOut().println(match.valueSchema().toString(true));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
