package io.wirestream.enrich;

import io.wirestream.enrich.countries.CountryTagger;
import io.wirestream.enrich.countries.CountryTags;
import io.wirestream.enrich.countries.Gazetteer;
import io.wirestream.enrich.entities.EntityMerger;
import io.wirestream.enrich.entities.EntityRecognizer;
import io.wirestream.enrich.language.LanguageDetection;
import io.wirestream.enrich.tone.NewsTone;
import io.wirestream.schemas.EnrichedArticles;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.EvidenceKind;
import io.wirestream.schemas.avro.Provenance;
import io.wirestream.schemas.avro.RawArticle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Enricher}: language, then (for English) named entities from the CoNLL CRF,
 * tone ({@link NewsTone}: article tone, and each entity's tone from its role in the clauses that
 * mention it) and gazetteer country tags, composed into an {@code EnrichedArticle} with
 * provenance.
 * Models are loaded once in {@link #load} and shared by every stream thread.
 *
 * <p>Non-English stories pass through tagged with their language and nothing English-only. A story
 * whose language cannot be detected is enriched when it declares English or declares nothing (wire
 * copy is mostly English); a short or list-like story, or one where another language does not
 * clearly lead English, counts as undetected ({@link LanguageDetection#detectForEnrichment}).
 */
public final class NewsEnricher implements Enricher {

  /** Version written into every record's provenance; bump it when enrichment output changes. */
  public static final String VERSION = "0.1.0";

  private static final Logger LOG = LoggerFactory.getLogger(NewsEnricher.class);
  private static final Set<EvidenceKind> PLACE_KINDS = EnumSet.of(EvidenceKind.NAME,
      EvidenceKind.ALIAS, EvidenceKind.ACRONYM, EvidenceKind.CAPITAL, EvidenceKind.CITY);

  private final LanguageDetection languages;
  private final EntityRecognizer recognizer;
  private final NewsTone tone;
  private final Gazetteer gazetteer;
  private final CountryTagger countries;
  private final Clock clock;
  private final List<String> modelIds;

  NewsEnricher(final LanguageDetection languages, final EntityRecognizer recognizer,
      final NewsTone tone, final Gazetteer gazetteer, final Clock clock) {
    this.languages = languages;
    this.recognizer = recognizer;
    this.tone = tone;
    this.gazetteer = gazetteer;
    this.countries = new CountryTagger(gazetteer);
    this.clock = clock;
    this.modelIds = List.of(EntityRecognizer.modelId(), NewsTone.modelId(),
        Gazetteer.dataId(), LanguageDetection.modelId());
  }

  /** Loads every model (about a second, mostly the CRF) and returns the shared enricher. */
  public static NewsEnricher load() {
    final long started = System.nanoTime();
    final NewsEnricher enricher = new NewsEnricher(LanguageDetection.load(),
        EntityRecognizer.load(), NewsTone.load(), Gazetteer.load(), Clock.systemUTC());
    LOG.info("Enricher {} ready in {} ms: {}", VERSION, (System.nanoTime() - started) / 1_000_000,
        enricher.modelIds);
    return enricher;
  }

  @Override
  public EnrichedArticle enrich(final RawArticle raw) {
    final long started = System.nanoTime();
    final Optional<String> detected = languages.detectForEnrichment(raw.getHeadline(),
        raw.getBody(), raw.getLanguage());
    final EnrichedArticle.Builder out = EnrichedArticles.from(raw)
        .setLanguage(detected.orElse(null));
    if (isEnglish(detected, raw.getLanguage())) {
      // Every sentence is scored once: the article's tone and each entity's share them.
      final NewsTone.Story storyTone = tone.scoreStory(raw.getHeadline(), raw.getBody());
      final List<Entity> merged = EntityMerger.merge(raw.getHeadline(),
          recognizer.mentions(raw.getHeadline()), raw.getBody(),
          recognizer.mentions(raw.getBody()), storyTone.bodyTones(), this::correction);
      // Each entity's tone from its role where it is mentioned, in place of the merger's mean of
      // sentence tones.
      final List<Entity> entities = new ArrayList<>(merged.size());
      for (final Entity entity : merged) {
        entities.add(Entity.newBuilder(entity)
            .setTone(tone.entityTone(storyTone, entity.getMentions())).build());
      }
      final CountryTags tags = countries.tag(raw.getHeadline(), raw.getBody(), raw.getDateline());
      out.setEntities(entities)
          .setCountries(tags.tags())
          .setPrimaryCountry(tags.primary())
          .setTone(storyTone.result().toAvro());
    } else {
      out.setEntities(List.of()).setCountries(List.of()).setPrimaryCountry(null).setTone(null);
    }
    return out.setDuplicateOf(null)
        .setProvenance(new Provenance(VERSION, modelIds, clock.instant(),
            (System.nanoTime() - started) / 1_000))
        .build();
  }

  /** English when detected so, or undetected and declared English or not declared at all. */
  private static boolean isEnglish(final Optional<String> detected, final String declared) {
    if (detected.isPresent()) {
      return detected.get().equals("en");
    }
    return declared == null || declared.toLowerCase(Locale.ROOT).startsWith("en");
  }

  /**
   * The CRF's known slip on wire copy: state acronyms and names such as DPRK or ROK typed as
   * organizations. What the gazetteer knows unambiguously as a country, capital or city is a
   * LOCATION; a demonym ("Australian") is left to the CRF, which types it MISC as CoNLL does.
   */
  private Optional<EntityType> correction(final String surface) {
    return gazetteer.lookup(surface).stream().anyMatch(cue -> !cue.ambiguous()
        && PLACE_KINDS.contains(cue.kind())) ? Optional.of(EntityType.LOCATION) : Optional.empty();
  }
}
