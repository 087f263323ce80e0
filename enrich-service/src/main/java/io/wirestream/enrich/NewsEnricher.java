package io.wirestream.enrich;

import io.wirestream.enrich.countries.CountryTagger;
import io.wirestream.enrich.countries.CountryTags;
import io.wirestream.enrich.countries.Gazetteer;
import io.wirestream.enrich.entities.EntityLayer;
import io.wirestream.enrich.entities.EntityRecognizer;
import io.wirestream.enrich.language.LanguageDetection;
import io.wirestream.enrich.tone.NewsTone;
import io.wirestream.schemas.EnrichedArticles;
import io.wirestream.schemas.avro.EnrichedArticle;
import io.wirestream.schemas.avro.Entity;
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
import java.util.function.Predicate;
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
  public static final String VERSION = "0.2.0";

  private static final Logger LOG = LoggerFactory.getLogger(NewsEnricher.class);
  /** Country-level cues: a country's own name, another name of it, its acronym. */
  private static final Set<EvidenceKind> COUNTRY_KINDS =
      EnumSet.of(EvidenceKind.NAME, EvidenceKind.ALIAS, EvidenceKind.ACRONYM);
  /** What 0.1 retyped: every unambiguous place name, cities and capitals included. */
  private static final Set<EvidenceKind> LEGACY_PLACE_KINDS = EnumSet.of(EvidenceKind.NAME,
      EvidenceKind.ALIAS, EvidenceKind.ACRONYM, EvidenceKind.CAPITAL, EvidenceKind.CITY);

  private final LanguageDetection languages;
  private final EntityLayer entities;
  private final NewsTone tone;
  private final Gazetteer gazetteer;
  private final CountryTagger countries;
  private final Clock clock;
  private final List<String> modelIds;

  NewsEnricher(final LanguageDetection languages, final EntityLayer entities,
      final NewsTone tone, final Gazetteer gazetteer, final Clock clock) {
    this.languages = languages;
    this.entities = entities;
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
    final Gazetteer gazetteer = Gazetteer.load();
    final NewsEnricher enricher = new NewsEnricher(LanguageDetection.load(),
        new EntityLayer(EntityRecognizer.load(), countryNames(gazetteer),
            EntityLayer.Steps.DEFAULT),
        NewsTone.load(), gazetteer, Clock.systemUTC());
    LOG.info("Enricher {} ready in {} ms: {}", VERSION, (System.nanoTime() - started) / 1_000_000,
        enricher.modelIds);
    return enricher;
  }

  /** The same enricher with another entity layer (for {@code wirestream eval --entities}). */
  public NewsEnricher withEntityLayer(final EntityLayer layer) {
    return new NewsEnricher(languages, layer, tone, gazetteer, clock);
  }

  /**
   * Whether a surface is unambiguously a country's own name, alias or acronym ("DPRK", "Japan",
   * "Britain"). Cities and capitals are not: clubs and teams are named after them.
   */
  public static Predicate<String> countryNames(final Gazetteer gazetteer) {
    return surface -> gazetteer.lookup(surface).stream()
        .anyMatch(cue -> !cue.ambiguous() && COUNTRY_KINDS.contains(cue.kind()));
  }

  /** The 0.1 predicate, for comparison: every unambiguous place name, cities included. */
  public static Predicate<String> legacyPlaceNames(final Gazetteer gazetteer) {
    return surface -> gazetteer.lookup(surface).stream()
        .anyMatch(cue -> !cue.ambiguous() && LEGACY_PLACE_KINDS.contains(cue.kind()));
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
      final List<Entity> merged = entities.entities(raw.getHeadline(), raw.getBody(),
          storyTone.bodyTones());
      // Each entity's tone from its role where it is mentioned, in place of the merger's mean of
      // sentence tones.
      final List<Entity> named = new ArrayList<>(merged.size());
      for (final Entity entity : merged) {
        named.add(Entity.newBuilder(entity)
            .setTone(tone.entityTone(storyTone, entity.getMentions())).build());
      }
      final CountryTags tags = countries.tag(raw.getHeadline(), raw.getBody(), raw.getDateline());
      out.setEntities(named)
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
}
