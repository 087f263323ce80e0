package io.wirestream.devstack;

import java.util.Locale;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit 5 extension that gives tests a running {@link KafkaStack}: declare a parameter of that type on
 * the constructor, a {@code @BeforeAll}/{@code @BeforeEach} method or a test method.
 *
 * <pre>{@code
 * @ExtendWith(DevStackExtension.class)
 * class EnrichPipelineIT {
 *     @Test
 *     void shouldEnrich(final KafkaStack stack) { ... stack.bootstrapServers() ... }
 * }
 * }</pre>
 *
 * <p>One stack per test JVM, shared by every class that uses the extension, started on first use and
 * closed when the whole test run ends (it lives in the root context's store). Tests must therefore use
 * their own topic names and group ids (a UUID suffix does it).
 *
 * <p>{@link DevStackMode} picks the implementation: {@link DevStack} by default, {@link ContainerKafkaStack}
 * with {@code -Dwirestream.devstack.mode=containers}. If containers are requested but Docker is not
 * reachable, tests using this extension are skipped with a message saying so.
 */
public final class DevStackExtension implements ParameterResolver, ExecutionCondition {

  private static final Logger LOG = LoggerFactory.getLogger(DevStackExtension.class);
  private static final String STORE_KEY = DevStackExtension.class.getName() + ".stack";

  /**
   * Skips every test of the class, with the reason in the report, when containers are requested but
   * Docker is unreachable. A condition rather than an abort in {@link #resolveParameter}: JUnit turns
   * exceptions thrown there into failures, and Surefire reports a class aborted in
   * {@code @BeforeAll} as zero tests, hiding the reason.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(final ExtensionContext context) {
    if (DevStackMode.current() == DevStackMode.CONTAINERS && !ContainerStackAssumptions.dockerAvailable()) {
      LOG.warn("{}: {}", context.getDisplayName(), ContainerStackAssumptions.NO_DOCKER_MESSAGE);
      return ConditionEvaluationResult.disabled(ContainerStackAssumptions.NO_DOCKER_MESSAGE);
    }
    return ConditionEvaluationResult.enabled("the " + DevStackMode.current().name().toLowerCase(Locale.ROOT)
        + " stack can run");
  }

  @Override
  public boolean supportsParameter(final ParameterContext parameterContext,
      final ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == KafkaStack.class;
  }

  @Override
  public KafkaStack resolveParameter(final ParameterContext parameterContext,
      final ExtensionContext extensionContext) {
    return stack(extensionContext);
  }

  /**
   * Returns the stack of this test run, starting it on first call. For extensions and helpers that
   * need it outside parameter injection.
   */
  public static KafkaStack stack(final ExtensionContext context) {
    // Aborts (skips) the caller when containers are requested without Docker.
    ContainerStackAssumptions.assumeDockerIfContainersRequested();
    // Stored as an AutoCloseable value in the root store: JUnit closes it when the run ends.
    return context.getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(STORE_KEY, key -> startStack(), KafkaStack.class);
  }

  private static KafkaStack startStack() {
    final DevStackMode mode = DevStackMode.current();
    LOG.info("Starting the shared test stack ({} mode)", mode.name().toLowerCase(Locale.ROOT));
    final KafkaStack stack = switch (mode) {
      case EMBEDDED -> DevStack.start(DevStackOptions.defaults());
      case CONTAINERS -> ContainerKafkaStack.start();
    };
    LOG.info("Shared test stack: {}", stack.description());
    return stack;
  }
}
