package io.wirestream.enrich.entities;

import io.wirestream.enrich.text.SentenceTones;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The named entities of one story: the CRF's mentions, then the steps that are switched on, then
 * merging. Every step can be switched off so that {@code wirestream eval --entities} can show
 * what it adds (docs/enrich.md); a step is on by default only if it does not lower F1 on any of
 * the development sets.
 *
 * <p>Thread-safe: the recognizer is, and everything else is pure.
 */
public final class EntityLayer {

  /**
   * The steps after the CRF.
   *
   * @param lineSentences a line break ends a sentence for the CRF
   * @param wireLines datelines, results lines and standings rows type the names in them
   * @param countryNames a mention whose surface is a country's own name or acronym ("DPRK",
   *     "Japan") is a LOCATION when the CRF called it an organization or a name of another kind,
   *     or a person without being sure ("Holland" the driver and "Chad" the player stay
   *     persons); cities and capitals are never retyped, because clubs are named after them
   * @param merging the merging steps
   */
  public record Steps(boolean lineSentences, boolean wireLines,
      boolean countryNames, EntityMerger.Options merging) {

    /** What the enricher runs. */
    public static final Steps DEFAULT =
        new Steps(true, true, true, EntityMerger.Options.DEFAULT);
    /** The bare CRF: its mentions, grouped by surface and type, nothing changed. */
    public static final Steps BARE = new Steps(false, false, false, EntityMerger.Options.NONE);
    /**
     * The 0.1 entity layer, for comparison, with a predicate that accepts every unambiguous place
     * name (cities and capitals too): every such surface retyped, one type per name.
     */
    public static final Steps LEGACY = new Steps(false, false, true, EntityMerger.Options.LEGACY);

    /** Checks the parts. */
    public Steps {
      Objects.requireNonNull(merging, "merging");
    }
  }

  private final EntityRecognizer recognizer;
  private final Predicate<String> countryName;
  private final Steps steps;

  /**
   * An entity layer.
   *
   * @param recognizer the CRF
   * @param countryName whether a surface is a country's own name or acronym
   * @param steps the steps to run
   */
  public EntityLayer(final EntityRecognizer recognizer, final Predicate<String> countryName,
      final Steps steps) {
    this.steps = Objects.requireNonNull(steps, "steps");
    this.recognizer = Objects.requireNonNull(recognizer, "recognizer")
        .withLineSentences(steps.lineSentences());
    this.countryName = Objects.requireNonNull(countryName, "countryName");
  }

  /** The steps this layer runs. */
  public Steps steps() {
    return steps;
  }

  /**
   * The entities of one story, most salient first.
   *
   * @param headline the headline (null is read as empty)
   * @param body the body (null is read as empty)
   * @param bodyTones the body's sentences and their tones, for each entity's tone
   * @return the entities
   */
  public List<Entity> entities(final String headline, final String body,
      final SentenceTones bodyTones) {
    final String headlineText = headline == null ? "" : headline;
    final String bodyText = body == null ? "" : body;
    return EntityMerger.merge(headlineText, mentions(headlineText), bodyText, mentions(bodyText),
        bodyTones, surface -> Optional.empty(), steps.merging());
  }

  /** The CRF's mentions of {@code text}, with the mention steps applied. */
  List<RawMention> mentions(final String text) {
    List<RawMention> mentions = recognizer.mentions(text);
    if (steps.countryNames()) {
      mentions = countryNames(mentions);
    }
    return steps.wireLines() ? WireLines.retype(text, mentions, countryName) : mentions;
  }

  private List<RawMention> countryNames(final List<RawMention> mentions) {
    final List<RawMention> out = new ArrayList<>(mentions.size());
    for (final RawMention mention : mentions) {
      final boolean retype = mention.type() != EntityType.LOCATION
          && (mention.type() != EntityType.PERSON
              || mention.confidence() < EntityMerger.KEEP_OWN_TYPE)
          && countryName.test(mention.text());
      out.add(retype ? mention.withType(EntityType.LOCATION, mention.confidence()) : mention);
    }
    return out;
  }
}
