package io.wirestream.schemas.registry;

import org.apache.avro.Schema;

/**
 * A schema as registered under a subject.
 *
 * @param subject the subject
 * @param id the registry-wide schema id (what the wire format carries)
 * @param version the version within the subject
 * @param schema the parsed Avro schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {
}
