package io.wirestream.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
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

  private static final Logger LOG = LoggerFactory.getLogger(EntityRecognizer.class);
  private static final String MODEL_ID = "corenlp-4.5.10/english.conll.4class.distsim";
  private static final Object LOAD_LOCK = new Object();
  private static volatile EntityRecognizer shared;

  private final CRFClassifier<CoreLabel> classifier;

  private EntityRecognizer(final CRFClassifier<CoreLabel> classifier) {
    this.classifier = classifier;
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
    LOG.info("Loaded NER model {} from {} in {} ms", MODEL_ID, resource, (System.nanoTime() - startNanos) / 1_000_000);
    return new EntityRecognizer(classifier);
  }

  /**
   * Tags PERSON, ORGANIZATION, LOCATION and MISC mentions in {@code text}, in text order.
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
    final List<Triple<String, Integer, Integer>> spans = classifier.classifyToCharacterOffsets(text);
    final List<RawMention> result = new ArrayList<>(spans.size());
    for (final Triple<String, Integer, Integer> span : spans) {
      final EntityType type = typeOf(span.first());
      if (type == null) {
        LOG.debug("Skipping CRF label {}", span.first());
        continue;
      }
      int start = span.second();
      int end = span.third();
      if (start < 0 || end > text.length() || start >= end) {
        // Never seen; guards the offsets contract against a tokenizer surprise.
        LOG.warn("Skipping CRF span [{}, {}) outside a text of length {}", start, end, text.length());
        continue;
      }
      while (start < end && isEdgeJunk(text.charAt(start))) {
        start++;
      }
      while (end > start && isEdgeJunk(text.charAt(end - 1))) {
        end--;
      }
      if (start < end) {
        result.add(new RawMention(type, start, end, text.substring(start, end)));
      }
    }
    return Collections.unmodifiableList(result);
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
