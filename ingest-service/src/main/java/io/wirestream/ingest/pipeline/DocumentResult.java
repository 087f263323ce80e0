package io.wirestream.ingest.pipeline;

import java.util.List;

/**
 * What one input document gave: its stories and what was rejected.
 *
 * @param origin where the document came from
 * @param stories one result per story found
 * @param rejections documents or items that could not become stories
 */
public record DocumentResult(String origin, List<StoryResult> stories, List<Rejection> rejections) {

  public DocumentResult {
    stories = List.copyOf(stories);
    rejections = List.copyOf(rejections);
  }
}
