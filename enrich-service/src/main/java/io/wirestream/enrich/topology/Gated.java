package io.wirestream.enrich.topology;

import io.wirestream.schemas.avro.RawArticle;

/**
 * A story let through the gate.
 *
 * @param article the story version
 * @param duplicateOf id of an earlier story with the same content under another id, or null
 * @param tombstone true for a canceled or withheld story: downstream gets a tombstone
 */
record Gated(RawArticle article, String duplicateOf, boolean tombstone) {
}
