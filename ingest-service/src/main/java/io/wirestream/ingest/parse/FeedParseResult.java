package io.wirestream.ingest.parse;

import java.util.List;

/**
 * The items of one RSS or Atom feed: the usable stories and the rejected items.
 *
 * @param stories usable items in feed order
 * @param rejected items that could not be used, each with position {@code "item N"}
 */
public record FeedParseResult(List<ParsedStory> stories, List<StoryParseException> rejected) {

  public FeedParseResult {
    stories = List.copyOf(stories);
    rejected = List.copyOf(rejected);
  }
}
