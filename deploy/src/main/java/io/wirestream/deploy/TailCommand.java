package io.wirestream.deploy;

import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.cli.ClusterOptions;
import io.wirestream.schemas.registry.SchemaRegistryConfig;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream tail}: follow {@code news.enriched.v1} and print the stories that match, the way
 * a newcomer sees a downstream consumer at work.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Follow news.enriched.v1 and print matching stories until Ctrl-C.")
final class TailCommand implements Callable<Integer> {

  @Mixin
  private ClusterOptions cluster;

  @Option(names = "--country", paramLabel = "CODE",
      description = "Only stories tagged with this ISO country code, e.g. KP.")
  private String country;

  @Option(names = "--entity", paramLabel = "NAME",
      description = "Only stories naming this entity, e.g. \"Vladimir Putin\".")
  private String entity;

  @Option(names = "--min-tone", paramLabel = "X",
      description = "Only stories with a tone score of at least X (-1 to 1).")
  private Double minTone;

  @Option(names = "--from-beginning", description = "Start at the oldest story, not new ones.")
  private boolean fromBeginning;

  @Option(names = "--topic", defaultValue = "news.enriched.v1", description = "Topic to follow.")
  private String topic;

  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (cluster.bootstrapServers() == null || cluster.schemaRegistryUrl() == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--bootstrap-servers and --schema-registry-url are required");
    }
    final PrintWriter out = spec.commandLine().getOut();
    final Properties client = new Properties();
    client.putAll(SchemaRegistryConfig.kafkaProperties(cluster.clientProperties()));
    client.put("bootstrap.servers", cluster.bootstrapServers());
    final CountDownLatch stopped = new CountDownLatch(1);
    try (TopicFollower<EnrichedArticle> follower = TopicFollower.enriched(client,
        SchemaRegistryConfig.registryProperties(cluster.schemaRegistryUrl(),
            cluster.clientProperties()), topic, fromBeginning, (id, story) -> {
              if (matches(story)) {
                synchronized (out) {
                  out.println(StoryLine.format(id, story));
                  out.flush();
                }
              }
            })) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "tail-shutdown"));
      stopped.await();
    }
    return 0;
  }

  boolean matches(final EnrichedArticle story) {
    if (story == null) {
      return country == null && entity == null && minTone == null;
    }
    if (country != null && story.getCountries().stream()
        .noneMatch(tag -> tag.getCode().equalsIgnoreCase(country))) {
      return false;
    }
    if (entity != null && story.getEntities().stream()
        .noneMatch(e -> e.getName().equalsIgnoreCase(entity))) {
      return false;
    }
    return minTone == null || story.getTone() != null && story.getTone().getScore() >= minTone;
  }
}
