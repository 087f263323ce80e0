package io.wirestream.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack: a real Kafka broker in this JVM ({@link EmbeddedKafkaBroker}) and a real Apicurio
 * schema registry as a child process ({@link ApicurioRegistry}), both on 127.0.0.1.
 *
 * <p>Used by the demo ({@link DevStackMain}) and, through {@link DevStackExtension}, by every
 * integration test.
 */
public final class DevStack implements KafkaStack {

  private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

  private final EmbeddedKafkaBroker broker;
  private final ApicurioRegistry registry;
  private boolean closed;

  private DevStack(final EmbeddedKafkaBroker broker, final ApicurioRegistry registry) {
    this.broker = broker;
    this.registry = registry;
  }

  /**
   * Starts what {@code options} asks for and returns once everything is ready. Broker and registry
   * are independent and start in parallel; if one fails, the other is closed and the failure thrown.
   *
   * @throws IllegalStateException if a component did not start (the cause says why)
   */
  public static DevStack start(final DevStackOptions options) {
    Objects.requireNonNull(options, "options");
    final long started = System.nanoTime();
    final ExecutorService starters = Executors.newFixedThreadPool(2, new StarterThreads());
    try {
      final Future<EmbeddedKafkaBroker> brokerStart = starters.submit(
          () -> options.withBroker() ? EmbeddedKafkaBroker.start(options.dataDir()) : null);
      final Future<ApicurioRegistry> registryStart = starters.submit(
          () -> options.withRegistry() ? ApicurioRegistry.start() : null);
      final Outcome<EmbeddedKafkaBroker> brokerOutcome = Outcome.await(brokerStart);
      final Outcome<ApicurioRegistry> registryOutcome = Outcome.await(registryStart);
      if (brokerOutcome.failure() != null || registryOutcome.failure() != null) {
        closeQuietly(registryOutcome.value());
        closeQuietly(brokerOutcome.value());
        throw startFailure(brokerOutcome.failure(), registryOutcome.failure());
      }
      final DevStack stack = new DevStack(brokerOutcome.value(), registryOutcome.value());
      LOG.info("DevStack ready in {} ms: {}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          stack.description());
      return stack;
    } finally {
      starters.shutdown();
    }
  }

  /** Starts broker and registry with a temporary data directory. */
  public static DevStack start() {
    return start(DevStackOptions.defaults());
  }

  @Override
  public String bootstrapServers() {
    if (broker == null) {
      throw new IllegalStateException("This DevStack runs no Kafka broker (started with DevStackOptions"
          + " withBroker=false, e.g. registryOnly()): there are no bootstrap servers");
    }
    return broker.bootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    if (registry == null) {
      throw new IllegalStateException("This DevStack runs no schema registry (started with DevStackOptions"
          + " withRegistry=false): there is no schema registry URL");
    }
    return registry.confluentApiUrl();
  }

  /** Returns the broker, unless the stack was started without one. */
  public Optional<EmbeddedKafkaBroker> broker() {
    return Optional.ofNullable(broker);
  }

  /** Returns the registry, unless the stack was started without one. */
  public Optional<ApicurioRegistry> registry() {
    return Optional.ofNullable(registry);
  }

  @Override
  public String description() {
    final List<String> parts = new ArrayList<>();
    if (broker != null) {
      parts.add("in-process KRaft broker at " + broker.bootstrapServers() + " (data " + broker.dataDir() + ")");
    }
    if (registry != null) {
      parts.add("Apicurio registry at " + registry.confluentApiUrl() + " (pid " + registry.pid() + ")");
    }
    return "DevStack: " + String.join(", ", parts);
  }

  /** Closes the registry, then the broker; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(registry);
    closeQuietly(broker);
  }

  @Override
  public String toString() {
    return description();
  }

  /** The broker's failure (or the registry's) as the cause; the other one, if any, suppressed. */
  private static IllegalStateException startFailure(final Throwable brokerFailure,
      final Throwable registryFailure) {
    final Throwable first = brokerFailure != null ? brokerFailure : registryFailure;
    final IllegalStateException failure = new IllegalStateException(
        "DevStack did not start: " + first.getMessage(), first);
    if (brokerFailure != null && registryFailure != null) {
      failure.addSuppressed(registryFailure);
    }
    return failure;
  }

  private static void closeQuietly(final AutoCloseable component) {
    if (component == null) {
      return;
    }
    try {
      component.close();
    } catch (final Exception e) {
      LOG.warn("Could not close {}", component, e);
    }
  }

  /** The value or the failure of one component's start. */
  private record Outcome<T>(T value, Throwable failure) {

    /**
     * Waits for {@code start} even when interrupted: leaving a start running would leak a broker
     * or a process. Both starts are bounded by their own readiness timeouts.
     */
    static <T> Outcome<T> await(final Future<T> start) {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return new Outcome<>(start.get(), null);
          } catch (final InterruptedException e) {
            interrupted = true;
          } catch (final ExecutionException e) {
            return new Outcome<>(null, e.getCause());
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Daemon threads with telling names, so a stuck start shows up clearly in a thread dump. */
  private static final class StarterThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(final Runnable runnable) {
      final Thread thread = new Thread(runnable, "devstack-start-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
