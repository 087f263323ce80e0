/**
 * Near-duplicate stories: a MinHash signature of each story's normalized body
 * ({@link io.wirestream.enrich.cluster.SignatureScheme}), locality-sensitive-hashing band keys
 * under which candidates meet, and the verification that turns a candidate into a duplicate.
 * {@link io.wirestream.enrich.cluster.NearDuplicateIndex} clusters a bounded batch in memory with
 * the same scheme.
 */
package io.wirestream.enrich.cluster;
