package io.wirestream.enrich.tone;

/**
 * The words of one sentence as the scorer read them, with their offsets and the sentiment each
 * carries after every rule: the terms whose sum, normalized, is the sentence's compound.
 *
 * @param keys lower-case words, punctuation stripped
 * @param starts start offset of each word in the text, inclusive
 * @param ends end offset of each word, exclusive
 * @param breakAfter whether a clause ends after the word (comma, semicolon, colon, dash)
 * @param sentiments the sentiment of each word (0 for most)
 * @param compound the sentence's compound score in [-1, 1]
 */
record TokenSentiments(String[] keys, int[] starts, int[] ends, boolean[] breakAfter,
    double[] sentiments, double compound) {

  /** A sentence without words. */
  static final TokenSentiments EMPTY = new TokenSentiments(new String[0], new int[0], new int[0],
      new boolean[0], new double[0], 0.0);

  /** Number of words. */
  int size() {
    return keys.length;
  }

  /** Index of the first word that ends after {@code offset}, or {@link #size()}. */
  int wordAt(final int offset) {
    int low = 0;
    int high = keys.length;
    while (low < high) {
      final int mid = (low + high) >>> 1;
      if (ends[mid] <= offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
