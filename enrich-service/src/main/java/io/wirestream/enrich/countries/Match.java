package io.wirestream.enrich.countries;

import java.util.List;

/**
 * A gazetteer match in a text: UTF-16 offsets {@code [start, end)} and the country cues of the
 * matched surface (never empty: stop phrases are not reported).
 */
record Match(int start, int end, List<Gazetteer.Cue> cues) {

  Match {
    cues = List.copyOf(cues);
  }

  /** Whether the surface is ambiguous (several countries, or flagged). */
  boolean ambiguous() {
    return cues.get(0).ambiguous();
  }
}
