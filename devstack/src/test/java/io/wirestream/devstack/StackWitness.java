package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

/** Remembers the first stack a test of this JVM received, so later tests can check they share it. */
final class StackWitness {

  private static final AtomicReference<KafkaStack> FIRST_SEEN = new AtomicReference<>();

  private StackWitness() {
  }

  static void assertSameAsFirstSeen(final KafkaStack stack) {
    FIRST_SEEN.compareAndSet(null, stack);
    assertThat(stack).isSameAs(FIRST_SEEN.get());
    assertThat(stack.bootstrapServers()).isEqualTo(FIRST_SEEN.get().bootstrapServers());
  }
}
