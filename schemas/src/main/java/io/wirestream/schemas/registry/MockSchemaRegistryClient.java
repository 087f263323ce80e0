package io.wirestream.schemas.registry;

import io.wirestream.schemas.compat.AvroCompatibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * An in-memory registry for {@code TopologyTestDriver} and other unit tests, selected with
 * {@code schema.registry.url=mock://<scope>}. Clients of one scope share state, as they would share
 * a registry; drop a scope in test teardown. Integration tests use a real registry instead.
 * Compatibility is BACKWARD against the latest version, like the devstack registry.
 */
public final class MockSchemaRegistryClient implements SchemaRegistryClient {

  private static final Map<String, MockSchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

  private final Map<String, List<RegisteredSchema>> subjects = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, CompatibilityLevel> levels = new ConcurrentHashMap<>();
  private int nextId = 1;

  private MockSchemaRegistryClient() {
  }

  /** The shared registry of a scope. */
  public static MockSchemaRegistryClient forScope(final String scope) {
    return SCOPES.computeIfAbsent(scope, key -> new MockSchemaRegistryClient());
  }

  /** Forgets a scope. */
  public static void dropScope(final String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public synchronized int register(final String subject, final Schema schema) {
    final List<RegisteredSchema> versions = subjects.computeIfAbsent(subject, k -> new ArrayList<>());
    for (final RegisteredSchema existing : versions) {
      if (existing.schema().equals(schema)) {
        return existing.id();
      }
    }
    if (!versions.isEmpty() && compatibilityOf(subject) != CompatibilityLevel.NONE) {
      final RegisteredSchema latest = versions.get(versions.size() - 1);
      final List<String> lines = AvroCompatibility.explain(schema, latest.schema());
      if (!lines.isEmpty()) {
        throw new IncompatibleSchemaException(subject,
            "Schema being registered is incompatible with an earlier schema", lines);
      }
    }
    final int id = schemasById.entrySet().stream().filter(e -> e.getValue().equals(schema))
        .map(Map.Entry::getKey).findFirst().orElseGet(() -> nextId++);
    schemasById.put(id, schema);
    versions.add(new RegisteredSchema(subject, id, versions.size() + 1, schema));
    return id;
  }

  @Override
  public synchronized int getId(final String subject, final Schema schema) {
    return subjects.getOrDefault(subject, List.of()).stream()
        .filter(registered -> registered.schema().equals(schema))
        .mapToInt(RegisteredSchema::id).findFirst()
        .orElseThrow(() -> new SubjectNotFoundException(subject, "Schema not found", 40403));
  }

  @Override
  public Schema getSchemaById(final int id) {
    final Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new UnknownSchemaIdException(id, "Schema " + id + " not found");
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema getLatest(final String subject) {
    final List<RegisteredSchema> versions = subjects.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SubjectNotFoundException(subject, "Subject not found", 40401);
    }
    return versions.get(versions.size() - 1);
  }

  @Override
  public synchronized CompatibilityResult testCompatibility(final String subject,
      final Schema schema) {
    final List<String> lines = AvroCompatibility.explain(schema, getLatest(subject).schema());
    return new CompatibilityResult(lines.isEmpty(), lines);
  }

  @Override
  public CompatibilityLevel getCompatibility(final Optional<String> subject) {
    return subject.map(this::compatibilityOf).orElse(CompatibilityLevel.BACKWARD);
  }

  @Override
  public void setCompatibility(final String subject, final CompatibilityLevel level) {
    levels.put(subject, level);
  }

  @Override
  public List<String> getSubjects() {
    return List.copyOf(subjects.keySet());
  }

  @Override
  public synchronized List<Integer> deleteSubject(final String subject) {
    final List<RegisteredSchema> removed = subjects.remove(subject);
    if (removed == null) {
      throw new SubjectNotFoundException(subject, "Subject not found", 40401);
    }
    return removed.stream().map(RegisteredSchema::version).toList();
  }

  @Override
  public void close() {
    // State belongs to the scope, not to this handle.
  }

  private CompatibilityLevel compatibilityOf(final String subject) {
    return levels.getOrDefault(subject, CompatibilityLevel.BACKWARD);
  }
}
