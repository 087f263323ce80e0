package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A second top-level class using the extension: it gets the stack {@link DevStackExtensionIT} got. */
@Tag("integration")
@ExtendWith(DevStackExtension.class)
class DevStackExtensionSharingIT {

  @Test
  void shouldReuseTheStackOfOtherClasses(final KafkaStack stack) {
    assertThat(stack.bootstrapServers()).startsWith("127.0.0.1:");
    assertThat(stack.schemaRegistryUrl()).startsWith("http://127.0.0.1:").endsWith("/apis/ccompat/v7");
    StackWitness.assertSameAsFirstSeen(stack);
  }
}
