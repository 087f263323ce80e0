package io.wirestream.devstack;

/**
 * Test helper run in a separate JVM by {@link ApicurioOrphanIT}: starts only the registry, prints
 * {@code registry.log=FILE} and {@code registry.pid=N} and waits to be killed.
 */
public final class RegistryOnlyMain {

  static final String PID_PREFIX = "registry.pid=";
  static final String LOG_PREFIX = "registry.log=";

  private RegistryOnlyMain() {
  }

  public static void main(final String[] args) throws InterruptedException {
    final ApicurioRegistry registry = ApicurioRegistry.start();
    System.out.println(LOG_PREFIX + registry.logFile());
    System.out.println(PID_PREFIX + registry.pid());
    System.out.flush();
    Thread.currentThread().join();
  }
}
