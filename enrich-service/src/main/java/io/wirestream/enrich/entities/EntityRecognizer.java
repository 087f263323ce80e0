package io.wirestream.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.sequences.DocumentReaderAndWriter;
import edu.stanford.nlp.sequences.PlainTextDocumentReaderAndWriter;
import io.wirestream.schemas.avro.EntityType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoNLL 4-class CRF of Stanford CoreNLP ({@code english.conll.4class.distsim}), loaded once
 * per JVM and shared by every stream thread.
 *
 * <p>Uses {@link CRFClassifier} directly, not the CoreNLP annotator pipeline (3-30x slower). The
 * classifier tokenizes with its own PTB tokenizer and reports character offsets into the input, so
 * every {@link RawMention} points into the text passed to {@link #mentions(String)}.
 *
 * <p>Thread safety: {@link #mentions(String)} may be called concurrently on one instance. The
 * classifier keeps no per-call state in shared fields; the one shared mutable structure, its
 * set of known lower-case words, is a concurrent set that is frozen here
 * ({@code maxAdditionalKnownLCWords=0}), which also makes results independent of which texts were
 * classified before. {@code EntityRecognizerTest} checks that 4 threads give the same mentions as
 * one.
 */
public final class EntityRecognizer {

  /** Classpath location of the model; the build unpacks it from the CoreNLP models jar. */
  public static final String MODEL_RESOURCE =
      "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

  /**
   * PTB tokenizer options. Hyphenated words stay one token as in the CoNLL training data
   * ("Hewlett-Packard", "Jean-Claude"); splitting them makes the CRF cut names in half.
   * Untokenizable characters are kept without a log line per story.
   */
  static final String TOKENIZER_OPTIONS = "invertible=true,splitHyphenated=false,untokenizable=noneKeep";

  /**
   * Added to {@link #TOKENIZER_OPTIONS} so that a line break ends a sentence: wire bodies put one
   * paragraph per line, and headlines, datelines, results and table rows have no full stop. The
   * CoNLL training data has one such line per sentence; without this, a dateline runs into the
   * story's first sentence and a table into one long sentence.
   */
  static final String LINE_SENTENCES = "tokenizeNLs=true";

  private static final Logger LOG = LoggerFactory.getLogger(EntityRecognizer.class);
  private static final String MODEL_ID = "corenlp-4.5.10/english.conll.4class.distsim";
  private static final Object LOAD_LOCK = new Object();
  private static volatile EntityRecognizer shared;

  private final CRFClassifier<CoreLabel> classifier;
  private final DocumentReaderAndWriter<CoreLabel> reader;

  private final boolean lineSentences;

  private EntityRecognizer(final CRFClassifier<CoreLabel> classifier,
      final boolean lineSentences) {
    this.classifier = classifier;
    this.lineSentences = lineSentences;
    // The classifier's own plain-text reader, with our tokenizer options: one sentence per
    // document, as classifyToCharacterOffsets reads text. Readers keep no per-call state.
    final PlainTextDocumentReaderAndWriter<CoreLabel> plain =
        new PlainTextDocumentReaderAndWriter<>();
    plain.init(classifier.flags, PTBTokenizer.PTBTokenizerFactory.newCoreLabelTokenizerFactory(
        "tokenizeNLs=false," + TOKENIZER_OPTIONS + (lineSentences ? "," + LINE_SENTENCES : "")));
    this.reader = plain;
  }

  /**
   * Returns the shared recognizer, loading the model from the classpath on the first call (about
   * 1 s, ~100 MB heap). Later calls return the same instance.
   *
   * @return the shared recognizer
   * @throws IllegalStateException if the model is not on the classpath or cannot be read
   */
  public static EntityRecognizer load() {
    EntityRecognizer result = shared;
    if (result == null) {
      synchronized (LOAD_LOCK) {
        result = shared;
        if (result == null) {
          result = load(EntityRecognizer.class.getClassLoader(), MODEL_RESOURCE);
          shared = result;
        }
      }
    }
    return result;
  }

  /**
   * Id of the model, for provenance.
   *
   * @return {@code "corenlp-4.5.10/english.conll.4class.distsim"}
   */
  public static String modelId() {
    return MODEL_ID;
  }

  /**
   * The same model with line breaks ending sentences or not, to measure what that adds.
   *
   * @param lineBreaksEndSentences a line break ends a sentence (see {@link #LINE_SENTENCES})
   */
  public EntityRecognizer withLineSentences(final boolean lineBreaksEndSentences) {
    return lineBreaksEndSentences == lineSentences ? this
        : new EntityRecognizer(classifier, lineBreaksEndSentences);
  }

  /** Loads a fresh recognizer from {@code resource} on {@code loader}; not shared. */
  static EntityRecognizer load(final ClassLoader loader, final String resource) {
    final long startNanos = System.nanoTime();
    final InputStream raw = loader.getResourceAsStream(resource);
    if (raw == null) {
      throw new IllegalStateException("NER model '" + resource + "' is not on the classpath. The enrich-service "
          + "build unpacks it from edu.stanford.nlp:stanford-corenlp:4.5.10:models at generate-resources; "
          + "run 'mvn -pl enrich-service generate-resources' (or package) first.");
    }
    final Properties props = new Properties();
    props.setProperty("tokenizerOptions", TOKENIZER_OPTIONS);
    // Freeze the known lower-case word set: results must not depend on earlier stories.
    props.setProperty("maxAdditionalKnownLCWords", "0");
    final CRFClassifier<CoreLabel> classifier;
    try (InputStream in = raw;
         ObjectInputStream objects = new ObjectInputStream(new BufferedInputStream(new GZIPInputStream(in), 1 << 16))) {
      classifier = CRFClassifier.getClassifier(objects, props);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read NER model '" + resource + "'", e);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IllegalStateException("NER model '" + resource + "' does not match the CoreNLP version on the "
          + "classpath", e);
    }
    LOG.info("Loaded NER model {} in {} ms", resource, (System.nanoTime() - startNanos) / 1_000_000);
    return new EntityRecognizer(classifier, true);
  }

  /**
   * Tags PERSON, ORGANIZATION, LOCATION and MISC mentions in {@code text}, in text order, each with
   * its confidence: the lowest marginal probability, over the mention's tokens, of the label the
   * CRF chose (the CRF computes these marginals for its Viterbi pass anyway).
   *
   * <p>Offsets are Java string indices into {@code text} (end exclusive) and hold for any input:
   * curly quotes, non-ASCII letters, surrogate pairs, CRLF line ends. Quotes and brackets that the
   * tokenizer leaves on the edge of a name ("‘Iron Lady") are trimmed off the span.
   *
   * @param text the text to tag; empty or blank text has no mentions
   * @return an unmodifiable list of mentions ordered by start offset
   */
  public List<RawMention> mentions(final String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      return List.of();
    }
    final List<RawMention> result = new ArrayList<>();
    for (final List<CoreLabel> sentence : classifier.makeObjectBankFromString(text, reader)) {
      if (sentence.isEmpty()) {
        continue;
      }
      classifier.classify(sentence);
      collect(text, sentence, result);
    }
    return Collections.unmodifiableList(result);
  }

  /** Adds the labelled runs of one classified sentence to {@code out}. */
  private void collect(final String text, final List<CoreLabel> sentence,
      final List<RawMention> out) {
    final String background = classifier.flags.backgroundSymbol;
    String runLabel = background;
    int runStart = -1;
    int runEnd = -1;
    double runConfidence = 1.0;
    for (final CoreLabel token : sentence) {
      final String label = token.get(CoreAnnotations.AnswerAnnotation.class);
      final Double probability = token.get(CoreAnnotations.AnswerProbAnnotation.class);
      if (!label.equals(runLabel)) {
        add(text, runLabel, runStart, runEnd, runConfidence, out);
        runLabel = label;
        runStart = token.beginPosition();
        runConfidence = 1.0;
      }
      runEnd = token.endPosition();
      if (probability != null) {
        runConfidence = Math.min(runConfidence, probability);
      }
    }
    add(text, runLabel, runStart, runEnd, runConfidence, out);
  }

  private void add(final String text, final String label, final int spanStart, final int spanEnd,
      final double confidence, final List<RawMention> out) {
    if (label.equals(classifier.flags.backgroundSymbol)) {
      return;
    }
    final EntityType type = typeOf(label);
    if (type == null) {
      LOG.debug("Skipping CRF label {}", label);
      return;
    }
    int start = spanStart;
    int end = spanEnd;
    if (start < 0 || end > text.length() || start >= end) {
      // Never seen; guards the offsets contract against a tokenizer surprise.
      LOG.warn("Skipping CRF span [{}, {}) outside a text of length {}", start, end, text.length());
      return;
    }
    while (start < end && isEdgeJunk(text.charAt(start))) {
      start++;
    }
    while (end > start && isEdgeJunk(text.charAt(end - 1))) {
      end--;
    }
    if (start < end) {
      out.add(new RawMention(type, start, end, text.substring(start, end),
          Math.max(0.0, Math.min(1.0, confidence))));
    }
  }

  private static EntityType typeOf(final String label) {
    switch (label) {
      case "PERSON":
        return EntityType.PERSON;
      case "ORGANIZATION":
        return EntityType.ORGANIZATION;
      case "LOCATION":
        return EntityType.LOCATION;
      case "MISC":
        return EntityType.MISC;
      default:
        return null;
    }
  }

  /** Characters that never start or end a name: spaces, quotes, brackets, separators. */
  private static boolean isEdgeJunk(final char c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return true;
    }
    switch (c) {
      case '"': case '\'': case '`': case '\u2018': case '\u2019': case '\u201a': case '\u201b':
      case '\u201c': case '\u201d': case '\u201e': case '\u201f': case '\u00ab': case '\u00bb':
      case '\u2039': case '\u203a': case '(': case ')': case '[': case ']': case '{': case '}':
      case '<': case '>': case ',': case ';': case ':':
        return true;
      default:
        return false;
    }
  }
}
