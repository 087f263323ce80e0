package io.wirestream.deploy;

import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream devstack}: run a local broker and registry until Ctrl-C. */
@Command(name = "devstack", mixinStandardHelpOptions = true,
    description = "Run a real Kafka broker and schema registry on 127.0.0.1 until Ctrl-C.")
final class DevStackCommand implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "DIR",
      description = "Keep broker data in DIR across runs (default: a temporary dir, deleted).")
  private Path dataDir;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    final PrintWriter out = spec.commandLine().getOut();
    final DevStack stack = DevStack.start(DevStackOptions.defaults().withDataDir(dataDir));
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.close();
      stopped.countDown();
    }, "devstack-shutdown"));
    out.printf("Kafka bootstrap servers: %s%nSchema registry URL:     %s%nCtrl-C stops both.%n",
        stack.bootstrapServers(), stack.schemaRegistryUrl());
    out.flush();
    stopped.await();
    return 0;
  }
}
