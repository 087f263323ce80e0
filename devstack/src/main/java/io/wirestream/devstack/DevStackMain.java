package io.wirestream.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local stack until Ctrl-C and prints where to find it:
 *
 * <pre>
 * java -cp ... io.wirestream.devstack.DevStackMain [--data-dir DIR] [--registry-only]
 * bootstrap.servers=127.0.0.1:40123
 * schema.registry.url=http://127.0.0.1:40125/apis/ccompat/v7
 * </pre>
 *
 * <p>{@code --data-dir} keeps the broker's topics across runs; {@code --registry-only} starts just the
 * registry. The output lines are {@code key=value} so scripts can read them.
 */
public final class DevStackMain {

  private static final String USAGE = "Usage: DevStackMain [--data-dir DIR] [--registry-only]";

  private DevStackMain() {
  }

  /** Starts the stack, prints its addresses, and blocks until the JVM is asked to stop. */
  public static void main(final String[] args) throws InterruptedException {
    final DevStackOptions options;
    try {
      options = parse(args);
    } catch (final IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    final DevStack stack = DevStack.start(options);
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.close();
      stopped.countDown();
    }, "devstack-shutdown"));
    if (options.withBroker()) {
      System.out.println("bootstrap.servers=" + stack.bootstrapServers());
    }
    if (options.withRegistry()) {
      System.out.println("schema.registry.url=" + stack.schemaRegistryUrl());
    }
    System.out.println("DevStack running; press Ctrl-C to stop.");
    stopped.await();
  }

  static DevStackOptions parse(final String[] args) {
    DevStackOptions options = DevStackOptions.defaults();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data-dir" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--data-dir needs a directory");
          }
          options = options.withDataDir(Path.of(args[++i]));
        }
        case "--registry-only" -> options = new DevStackOptions(options.dataDir(), false, true);
        default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
      }
    }
    return options;
  }
}
