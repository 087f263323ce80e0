package io.wirestream.ingest.pipeline;

import io.wirestream.ingest.parse.RejectReason;
import io.wirestream.ingest.parse.StoryParseException;

/**
 * Input that did not become a story, with where and why.
 *
 * @param origin file path, feed URL or HTTP client
 * @param position where in the input (line, item, byte), or empty
 * @param reason the kind of problem
 * @param message the specific, human-readable reason
 */
public record Rejection(String origin, String position, RejectReason reason, String message) {

  static Rejection of(final StoryParseException e) {
    return new Rejection(e.origin(), e.position(), e.reason(), e.detail());
  }
}
