package io.wirestream.schemas.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The calls of the Confluent schema registry REST API (v7) that Wirestream needs. Implementations
 * cache ids and schemas: ids are immutable once assigned, so a cache hit never needs revalidation.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /** Registers the schema under the subject (idempotent) and returns its id. */
  int register(String subject, Schema schema);

  /** Looks up the id of a schema already registered under the subject, without registering it. */
  int getId(String subject, Schema schema);

  /** Fetches the schema with the given id. */
  Schema getSchemaById(int id);

  /** The latest version registered under the subject. */
  RegisteredSchema getLatest(String subject);

  /** Asks the registry whether the schema could be registered as the next version of the subject. */
  CompatibilityResult testCompatibility(String subject, Schema schema);

  /** The subject's compatibility level, or the global one when the subject has none. */
  CompatibilityLevel getCompatibility(Optional<String> subject);

  /** Sets the subject's compatibility level. */
  void setCompatibility(String subject, CompatibilityLevel level);

  /** All subjects. */
  List<String> getSubjects();

  /** Deletes the subject (soft delete) and returns the versions it had. */
  List<Integer> deleteSubject(String subject);

  @Override
  void close();
}
