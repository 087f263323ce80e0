package io.wirestream.ingest.parse;

import java.util.Objects;

/**
 * Input, or one story inside it, that cannot become a {@link ParsedStory}. The message reads
 * {@code "<origin> <position>: <detail>"}, for example
 * {@code news.xml line 7: malformed XML: ...}, so it can be shown to a user as it is.
 */
public class StoryParseException extends Exception {

  private final RejectReason reason;
  private final String origin;
  private final String position;
  private final String detail;

  /**
   * @param reason which kind of problem
   * @param origin where the input came from: a file path, a URL, {@code "http"}
   * @param position where in the input: {@code "line 12"}, {@code "item 3"}, {@code "byte 4096"}
   * @param detail what is wrong, in words a user understands
   */
  public StoryParseException(
      final RejectReason reason, final String origin, final String position, final String detail) {
    this(reason, origin, position, detail, null);
  }

  /** As {@link #StoryParseException(RejectReason, String, String, String)}, keeping the cause. */
  public StoryParseException(final RejectReason reason, final String origin, final String position,
      final String detail, final Throwable cause) {
    super(origin + " " + position + ": " + detail, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.position = Objects.requireNonNull(position, "position");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  public RejectReason reason() {
    return reason;
  }

  public String origin() {
    return origin;
  }

  public String position() {
    return position;
  }

  /** The message without origin and position. */
  public String detail() {
    return detail;
  }
}
