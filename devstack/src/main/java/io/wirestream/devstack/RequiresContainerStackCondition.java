package io.wirestream.devstack;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Evaluates {@link RequiresContainerStack}; skips before any stack is started or any instance made. */
final class RequiresContainerStackCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(final ExtensionContext context) {
    if (DevStackMode.current() != DevStackMode.CONTAINERS) {
      return ConditionEvaluationResult.disabled(ContainerStackAssumptions.NOT_REQUESTED_MESSAGE);
    }
    if (!ContainerStackAssumptions.dockerAvailable()) {
      return ConditionEvaluationResult.disabled(ContainerStackAssumptions.NO_DOCKER_MESSAGE);
    }
    return ConditionEvaluationResult.enabled("container stack requested and Docker is reachable");
  }
}
