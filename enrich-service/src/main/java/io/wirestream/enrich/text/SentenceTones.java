package io.wirestream.enrich.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The sentences of one text with a tone in [-1, 1] for each, scored once and shared: the article's
 * tone is their mean and an entity's tone is the mean over the sentences that mention it.
 *
 * @param sentences the text's sentences, as {@link Sentences#split(String)} returns them
 * @param tones the tone of each sentence, in the same order
 */
public record SentenceTones(List<Sentences.Span> sentences, double[] tones) {

  /** No sentences. */
  public static final SentenceTones NONE = new SentenceTones(List.of(), new double[0]);

  /** Validates that there is one tone per sentence. */
  public SentenceTones {
    sentences = List.copyOf(Objects.requireNonNull(sentences, "sentences"));
    Objects.requireNonNull(tones, "tones");
    if (tones.length != sentences.size()) {
      throw new IllegalArgumentException(tones.length + " tones for " + sentences.size()
          + " sentences");
    }
    tones = tones.clone();
  }

  /** A copy of the tones. */
  @Override
  public double[] tones() {
    return tones.clone();
  }

  /** Index of the sentence containing {@code offset}, or -1 (only between sentences). */
  public int sentenceAt(final int offset) {
    int low = 0;
    int high = sentences.size() - 1;
    while (low <= high) {
      final int mid = (low + high) >>> 1;
      final Sentences.Span span = sentences.get(mid);
      if (offset < span.start()) {
        high = mid - 1;
      } else if (offset >= span.end()) {
        low = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Equal when the sentences and every tone are equal (a record compares arrays by identity). */
  @Override
  public boolean equals(final Object other) {
    return other instanceof SentenceTones that && sentences.equals(that.sentences)
        && Arrays.equals(tones, that.tones);
  }

  @Override
  public int hashCode() {
    return 31 * sentences.hashCode() + Arrays.hashCode(tones);
  }

  @Override
  public String toString() {
    return "SentenceTones" + sentences + Arrays.toString(tones);
  }

  /** Tone of sentence {@code index}. */
  public double toneOf(final int index) {
    return tones[index];
  }
}
