package io.wirestream.ingest.parse;

import java.util.List;

/**
 * What one document gave: the usable stories and the rejected ones, each rejection naming its
 * position (line or item).
 *
 * @param stories usable stories in document order
 * @param rejected stories of the document that could not be used, in document order
 */
public record ParseOutcome(List<ParsedStory> stories, List<StoryParseException> rejected) {

  public ParseOutcome {
    stories = List.copyOf(stories);
    rejected = List.copyOf(rejected);
  }

  /** The same outcome, every story carrying {@code documentWarnings} before its own. */
  ParseOutcome withWarnings(final List<String> documentWarnings) {
    if (documentWarnings.isEmpty()) {
      return this;
    }
    return new ParseOutcome(
        stories.stream().map(story -> story.withWarnings(documentWarnings)).toList(), rejected);
  }

  /**
   * The usable stories; when there are none, the first rejection, or an
   * {@link RejectReason#UNSUPPORTED_SHAPE} error for a document that holds no story at all.
   */
  List<ParsedStory> storiesOrThrow(final String origin, final String what)
      throws StoryParseException {
    if (!stories.isEmpty()) {
      return stories;
    }
    if (!rejected.isEmpty()) {
      throw rejected.get(0);
    }
    throw new StoryParseException(
        RejectReason.UNSUPPORTED_SHAPE, origin, "item 1", what + " holds no story");
  }
}
