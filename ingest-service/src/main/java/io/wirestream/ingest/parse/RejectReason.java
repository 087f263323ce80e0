package io.wirestream.ingest.parse;

/** Why an input document, or one story inside it, was rejected. Each value is one specific case. */
public enum RejectReason {
  /** Zero bytes, or nothing but whitespace. */
  EMPTY,
  /** Larger than {@link ParserConfig#maxDocumentBytes()}. */
  TOO_LARGE,
  /** NUL bytes or mostly control bytes: not a text document. */
  BINARY,
  /** Content matches none of the supported formats. */
  UNKNOWN_FORMAT,
  /** JSON that does not parse. */
  MALFORMED_JSON,
  /** XML that is not well-formed. */
  MALFORMED_XML,
  /** XML with a DOCTYPE: refused so that no entity is ever expanded or fetched. */
  FORBIDDEN_DTD,
  /** A story without a headline. */
  MISSING_HEADLINE,
  /** A story without any body paragraph. */
  MISSING_BODY,
  /** A timestamp that cannot be read. */
  BAD_DATE,
  /** Well-formed input whose structure or field types are not what the format expects. */
  UNSUPPORTED_SHAPE
}
