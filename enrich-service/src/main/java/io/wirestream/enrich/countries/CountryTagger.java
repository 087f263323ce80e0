package io.wirestream.enrich.countries;

import io.wirestream.schemas.avro.CountryEvidence;
import io.wirestream.schemas.avro.CountryTag;
import io.wirestream.schemas.avro.EvidenceKind;
import io.wirestream.schemas.avro.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags a story with ISO 3166-1 alpha-2 countries, each with its evidence and a score, and picks
 * a primary country. Stateless and thread-safe; share one per {@link Gazetteer}.
 *
 * <h2>Evidence</h2>
 * Every gazetteer match in the headline, the dateline and the body is evidence: surface text as
 * written, field, offsets (Java string indices into that field, end exclusive) and kind. Matches
 * in the dateline field are of kind DATELINE; so are matches in a dateline that opens the body
 * ("GENEVA (Reuters) -", "SEOUL, South Korea (AP) —") when the story has no dateline field.
 *
 * <h2>Ambiguity</h2>
 * An ambiguous cue (a surface of several countries, such as "Korean", "Congo", "Georgia" (the
 * country or the US state), "Tripoli", "Valencia", or one flagged ambiguous, such as "America"
 * or a city that is also a given name) never makes a tag on its own: a country gets a tag only
 * if it has at least one unambiguous cue in the story. An ambiguous cue then counts for the
 * countries it may mean that do have one: at {@value #RESOLVED_FACTOR} of its weight when that
 * is a single country ("Korean" with "Seoul": South Korea), at {@value #AMBIGUOUS_FACTOR} for
 * each when several are ("Korean" with "Seoul" and "Pyongyang"). An ambiguous cue with no
 * corroboration is dropped, with no tag and no evidence.
 *
 * <h2>Score</h2>
 * Each piece of evidence weighs by kind: NAME, ALIAS, ACRONYM {@value #STRONG}; CAPITAL
 * {@value #CAPITAL}; CITY and DEMONYM {@value #MEDIUM}; DATELINE {@value #DATELINE}; times
 * {@value #HEADLINE_FACTOR} in the headline, times the ambiguity factor above. A country whose
 * evidence starts the body gets up to {@value #LEAD_BONUS} more, falling linearly to nothing at
 * offset {@value #LEAD_SPAN}. The sum {@code raw} becomes {@code 1 - exp(-raw / }{@value
 * #SATURATION}{@code )}, in [0, 1), rounded to 3 decimals: more mentions, stronger kinds,
 * the headline and an early first mention all raise it, with diminishing returns. For scale:
 * one name in the first words of the body scores 0.50, one name deep in the body 0.39, a
 * dateline alone 0.53, a name in the headline and twice in the body (first in the lead) 0.85.
 *
 * <h2>Primary</h2>
 * A tag is confident at score {@code >=} {@value #CONFIDENCE_THRESHOLD}. The primary country is
 * the best-scoring confident country with dateline evidence, else the best-scoring tag if it
 * is confident, else null. Tags are sorted by score, then by first appearance.
 */
public final class CountryTagger {

  /** Score from which a tag is confident and may be primary. */
  public static final double CONFIDENCE_THRESHOLD = 0.4;

  static final double STRONG = 1.0;
  static final double CAPITAL = 0.8;
  static final double MEDIUM = 0.5;
  static final double DATELINE = 1.5;
  static final double HEADLINE_FACTOR = 1.5;
  static final double RESOLVED_FACTOR = 0.8;
  static final double AMBIGUOUS_FACTOR = 0.25;
  static final double LEAD_BONUS = 0.4;
  static final int LEAD_SPAN = 500;
  static final double SATURATION = 2.0;

  /**
   * A dateline opening the body: an ALL-CAPS place, optionally ", Country", then an agency in
   * parentheses or a dash. Group 1 is the place part.
   */
  private static final Pattern BODY_DATELINE = Pattern.compile(
      "^\\s*(\\p{Lu}[\\p{Lu}\\p{M} .'\u2019-]*\\p{Lu}\\.?(?:,\\s*[^\\n(\u2014\u2013]{1,40}?)?)"
          + "\\s*(?:\\(|\u2014|\u2013|--|-\\s)");

  private final Gazetteer gazetteer;

  /** A tagger over {@code gazetteer}. */
  public CountryTagger(final Gazetteer gazetteer) {
    this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
  }

  /** A match found in one field, and whether it is dateline evidence. */
  private record Hit(Match match, TextField field, String text, boolean dateline) {
  }

  /** Evidence and score of one country while a story is tagged. */
  private static final class Country {
    private final String code;
    private final int order;
    private final List<CountryEvidence> evidence = new ArrayList<>();
    private double raw;
    private double lead;
    private boolean dateline;

    Country(final String code, final int order) {
      this.code = code;
      this.order = order;
    }

    void add(final Hit hit, final EvidenceKind cueKind, final double factor) {
      final Match m = hit.match();
      final EvidenceKind kind = hit.dateline() ? EvidenceKind.DATELINE : cueKind;
      evidence.add(new CountryEvidence(hit.text().substring(m.start(), m.end()), hit.field(),
          m.start(), m.end(), kind));
      final double fieldFactor = hit.field() == TextField.HEADLINE ? HEADLINE_FACTOR : 1.0;
      raw += weight(kind) * fieldFactor * factor;
      if (hit.field() == TextField.BODY) {
        final double early = Math.max(0.0, 1.0 - (double) m.start() / LEAD_SPAN);
        lead = Math.max(lead, LEAD_BONUS * factor * early);
      }
      dateline |= hit.dateline();
    }

    double score() {
      final double s = 1.0 - Math.exp(-(raw + lead) / SATURATION);
      return Math.round(s * 1000.0) / 1000.0;
    }
  }

  /**
   * Tags a story; offsets are Java string indices (end exclusive) into the named field's text.
   * Any argument may be null.
   */
  public CountryTags tag(final String headline, final String body, final String dateline) {
    final List<Hit> hits = new ArrayList<>();
    collect(headline, TextField.HEADLINE, 0, hits);
    final boolean hasDateline = dateline != null && !dateline.isBlank();
    if (hasDateline) {
      collect(dateline, TextField.DATELINE, dateline.length(), hits);
    }
    collect(body, TextField.BODY, hasDateline ? 0 : bodyDatelineEnd(body), hits);
    if (hits.isEmpty()) {
      return CountryTags.none();
    }
    final Map<String, Country> countries = score(hits);
    final List<Country> ranked = new ArrayList<>(countries.values());
    ranked.sort(Comparator.comparingDouble(Country::score).reversed()
        .thenComparingInt(c -> c.order));
    final List<CountryTag> tags = new ArrayList<>(ranked.size());
    for (final Country c : ranked) {
      tags.add(new CountryTag(c.code, gazetteer.name(c.code).orElse(c.code), c.score(),
          c.evidence));
    }
    return new CountryTags(tags, primary(ranked));
  }

  private void collect(final String text, final TextField field, final int datelineEnd,
      final List<Hit> hits) {
    if (text == null || text.isEmpty()) {
      return;
    }
    for (final Match m : gazetteer.scan(text)) {
      hits.add(new Hit(m, field, text, m.end() <= datelineEnd));
    }
  }

  /** End of a dateline that opens the body ("GENEVA (Reuters) -"), or 0 when there is none. */
  static int bodyDatelineEnd(final String body) {
    if (body == null || body.isEmpty()) {
      return 0;
    }
    final Matcher m = BODY_DATELINE.matcher(body);
    m.region(0, Math.min(body.length(), 120));
    return m.lookingAt() ? m.end(1) : 0;
  }

  private static Map<String, Country> score(final List<Hit> hits) {
    final Set<String> corroborated = new HashSet<>();
    for (final Hit h : hits) {
      if (!h.match().ambiguous()) {
        h.match().cues().forEach(c -> corroborated.add(c.code()));
      }
    }
    final Map<String, Country> countries = new LinkedHashMap<>();
    for (final Hit h : hits) {
      final List<Gazetteer.Cue> cues = new ArrayList<>();
      for (final Gazetteer.Cue c : h.match().cues()) {
        if (!c.ambiguous() || corroborated.contains(c.code())) {
          cues.add(c);
        }
      }
      final double factor = !h.match().ambiguous() ? 1.0
          : cues.size() == 1 ? RESOLVED_FACTOR : AMBIGUOUS_FACTOR;
      for (final Gazetteer.Cue c : cues) {
        countries.computeIfAbsent(c.code(), code -> new Country(code, countries.size()))
            .add(h, c.kind(), factor);
      }
    }
    return countries;
  }

  private static String primary(final List<Country> ranked) {
    for (final Country c : ranked) {
      if (c.dateline && c.score() >= CONFIDENCE_THRESHOLD) {
        return c.code;
      }
    }
    return ranked.isEmpty() || ranked.get(0).score() < CONFIDENCE_THRESHOLD ? null
        : ranked.get(0).code;
  }

  static double weight(final EvidenceKind kind) {
    switch (kind) {
      case NAME:
      case ALIAS:
      case ACRONYM:
        return STRONG;
      case CAPITAL:
        return CAPITAL;
      case CITY:
      case DEMONYM:
        return MEDIUM;
      case DATELINE:
        return DATELINE;
      default:
        return 0.0;
    }
  }
}
