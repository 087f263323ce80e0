package io.wirestream.schemas.compat;

import io.wirestream.schemas.registry.CompatibilityResult;
import io.wirestream.schemas.registry.SchemaRegistryClient;
import io.wirestream.schemas.registry.SubjectNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** Checks local schemas against what a live registry holds, before a deployment registers them. */
public final class SchemaCheck {

  private SchemaCheck() {
  }

  /** What the registry would say about one local schema. */
  public enum Verdict {
    /** The subject has no version yet: the schema would be the first. */
    NOT_REGISTERED,
    /** The schema may be registered as the subject's next version. */
    COMPATIBLE,
    /** The registry would refuse it. */
    INCOMPATIBLE
  }

  /**
   * The outcome for one subject.
   *
   * @param subject the subject
   * @param verdict the registry's answer
   * @param reasons the registry's reasons and a local field-by-field explanation
   */
  public record Outcome(String subject, Verdict verdict, List<String> reasons) {
  }

  /** Checks each (subject, local schema) pair; never registers anything. */
  public static List<Outcome> check(final SchemaRegistryClient registry,
      final Map<String, Schema> localBySubject) {
    final List<Outcome> outcomes = new ArrayList<>();
    localBySubject.forEach((subject, local) -> outcomes.add(checkOne(registry, subject, local)));
    return outcomes;
  }

  private static Outcome checkOne(final SchemaRegistryClient registry, final String subject,
      final Schema local) {
    final CompatibilityResult result;
    try {
      result = registry.testCompatibility(subject, local);
    } catch (final SubjectNotFoundException e) {
      return new Outcome(subject, Verdict.NOT_REGISTERED, List.of());
    }
    if (result.compatible()) {
      return new Outcome(subject, Verdict.COMPATIBLE, List.of());
    }
    final List<String> reasons = new ArrayList<>(result.messages());
    reasons.addAll(AvroCompatibility.explain(local, registry.getLatest(subject).schema()));
    return new Outcome(subject, Verdict.INCOMPATIBLE, reasons);
  }
}
