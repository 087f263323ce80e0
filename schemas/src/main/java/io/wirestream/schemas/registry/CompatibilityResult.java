package io.wirestream.schemas.registry;

import java.util.List;

/**
 * The registry's answer to "may this schema be registered under the subject?".
 *
 * @param compatible true when the registry would accept it
 * @param messages the registry's reasons when it would not (may be empty on older registries)
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {

  public CompatibilityResult {
    messages = List.copyOf(messages);
  }
}
