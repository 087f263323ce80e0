package io.wirestream.benchmarks;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.Pair;
import io.wirestream.enrich.Enricher;
import io.wirestream.enrich.entities.EntityMerger;
import io.wirestream.enrich.entities.RawMention;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.Provenance;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The baseline a user would otherwise build: CoreNLP's own annotator pipeline
 * ({@code tokenize,ssplit,pos,lemma,ner}, everything else at its defaults) as an {@link Enricher}
 * whose only output is entities, so {@code GoldEvaluation} can score it beside ours.
 *
 * <p>Headline and body are annotated as two documents, as {@code NewsEnricher} tags them. Each
 * entity mention of the pipeline ({@code document.entityMentions()}) is mapped to the CoNLL classes:
 * PERSON, ORGANIZATION, LOCATION (also CITY, COUNTRY, STATE_OR_PROVINCE), MISC (also NATIONALITY,
 * RELIGION, IDEOLOGY); numeric, temporal and the other fine-grained classes are dropped. The
 * entity name is the mention text, grouped per story and type ({@link #enrich}); or, for a
 * comparison of the taggers alone, the same mentions merged by our {@link EntityMerger}
 * ({@link #withOurMerging}).
 *
 * <p>Needs the whole CoreNLP models jar on the classpath (POS tagger, three NER CRFs, SUTime,
 * regexner), which the shaded benchmarks jar leaves out.
 */
public final class CoreNlpPipelineEnricher implements Enricher {

  /** The annotators of CoreNLP's NER pipeline. */
  public static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner";

  /** A class of the POS model the pipeline loads first; absent without the models jar. */
  private static final String POS_MODEL =
      "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
  private static final List<String> MODEL_IDS = List.of("corenlp-4.5.10/" + ANNOTATORS);

  private final StanfordCoreNLP pipeline;

  private CoreNlpPipelineEnricher(final StanfordCoreNLP pipeline) {
    this.pipeline = pipeline;
  }

  /** Whether the CoreNLP models jar is on the classpath. */
  public static boolean modelsAvailable() {
    return CoreNlpPipelineEnricher.class.getClassLoader().getResource(POS_MODEL) != null;
  }

  /** Builds the pipeline (loads the POS tagger, three NER CRFs, SUTime, regexner). */
  public static CoreNlpPipelineEnricher load() {
    final Properties props = new Properties();
    props.setProperty("annotators", ANNOTATORS);
    return new CoreNlpPipelineEnricher(new StanfordCoreNLP(props));
  }

  @Override
  public EnrichedArticle enrich(final RawArticle raw) {
    final long started = System.nanoTime();
    final Map<String, List<Mention>> byName = new LinkedHashMap<>();
    collect(TextField.HEADLINE, raw.getHeadline(), byName);
    collect(TextField.BODY, raw.getBody(), byName);
    final List<Entity> entities = new ArrayList<>(byName.size());
    byName.forEach((key, mentions) -> entities.add(new Entity(
        EntityType.valueOf(key.substring(0, key.indexOf(':'))), mentions.get(0).getText(),
        mentions.size(), 0.0, 0.0, mentions, null)));
    return article(raw, entities, started);
  }

  /**
   * The same pipeline, its mentions merged into entities by our {@link EntityMerger} (fullest form
   * as the name), without our gazetteer corrections: isolates the tagger from the merging.
   */
  public Enricher withOurMerging() {
    return raw -> {
      final long started = System.nanoTime();
      final List<Entity> entities = EntityMerger.merge(raw.getHeadline(),
          rawMentions(raw.getHeadline()), raw.getBody(), rawMentions(raw.getBody()),
          sentence -> 0.0, surface -> Optional.empty());
      return article(raw, entities, started);
    };
  }

  /** CoNLL class of a CoreNLP NER label; empty for the classes CoNLL does not tag. */
  static Optional<EntityType> conllType(final String label) {
    switch (label) {
      case "PERSON":
        return Optional.of(EntityType.PERSON);
      case "ORGANIZATION":
        return Optional.of(EntityType.ORGANIZATION);
      case "LOCATION":
      case "CITY":
      case "COUNTRY":
      case "STATE_OR_PROVINCE":
        return Optional.of(EntityType.LOCATION);
      case "MISC":
      case "NATIONALITY":
      case "RELIGION":
      case "IDEOLOGY":
        return Optional.of(EntityType.MISC);
      default:
        // DATE, TIME, DURATION, SET, NUMBER, ORDINAL, MONEY, PERCENT, TITLE, CAUSE_OF_DEATH,
        // CRIMINAL_CHARGE, URL, EMAIL, HANDLE: not CoNLL entities.
        return Optional.empty();
    }
  }

  private void collect(final TextField field, final String text,
      final Map<String, List<Mention>> byName) {
    if (text == null || text.isBlank()) {
      return;
    }
    for (final RawMention mention : rawMentions(text)) {
      byName.computeIfAbsent(mention.type() + ":" + mention.text(), key -> new ArrayList<>())
          .add(new Mention(field, mention.start(), mention.end(), mention.text(), null));
    }
  }

  private List<RawMention> rawMentions(final String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    final CoreDocument document = new CoreDocument(text);
    pipeline.annotate(document);
    final List<RawMention> mentions = new ArrayList<>();
    for (final CoreEntityMention mention : document.entityMentions()) {
      final Optional<EntityType> type = conllType(mention.entityType());
      final Pair<Integer, Integer> offsets = mention.charOffsets();
      if (type.isPresent() && offsets.first() >= 0 && offsets.second() <= text.length()
          && offsets.first() < offsets.second()) {
        mentions.add(new RawMention(type.get(), offsets.first(), offsets.second(),
            text.substring(offsets.first(), offsets.second())));
      }
    }
    return mentions;
  }

  private static EnrichedArticle article(final RawArticle raw, final List<Entity> entities,
      final long startedNanos) {
    return EnrichedArticle.newBuilder()
        .setId(raw.getId())
        .setVersion(raw.getVersion())
        .setSource(raw.getSource())
        .setHeadline(raw.getHeadline())
        .setDateline(raw.getDateline())
        .setBody(raw.getBody())
        .setPublishedAt(raw.getPublishedAt())
        .setIngestedAt(raw.getIngestedAt())
        .setContentHash(raw.getContentHash())
        .setFormat(raw.getFormat())
        .setLanguage(null)
        .setEntities(entities)
        .setTone(null)
        .setCountries(List.of())
        .setPrimaryCountry(null)
        .setDuplicateOf(null)
        .setProvenance(new Provenance("corenlp-pipeline-baseline", MODEL_IDS, Instant.now(),
            (System.nanoTime() - startedNanos) / 1_000))
        .build();
  }
}
