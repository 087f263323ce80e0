package io.wirestream.enrich.countries;

import io.wirestream.schemas.avro.EvidenceKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Gazetteer} from its three sources, in this order:
 * <ol>
 *   <li>{@value Gazetteer#RESOURCE}: names, aliases, acronyms, capitals, cities with their
 *   ambiguity flags. A surface with rows for several codes is ambiguous.</li>
 *   <li>JDK {@link Locale} English names of every ISO 3166 code (plus XK), as NAME, only for
 *   surfaces the file does not have; "&amp;" becomes "and", parentheses are dropped ("Myanmar
 *   (Burma)"), forms with " - " ("Congo - Kinshasa") are skipped. They also name codes the
 *   file lacks.</li>
 *   <li>CoreNLP {@value #DEMONYMS_RESOURCE}: each row (a place, then its demonyms) is mapped to
 *   codes through the country names, aliases and acronyms above (accents and case ignored) or
 *   {@link #ROW_HINTS}; its forms become DEMONYM cues unless the surface is already a name
 *   ("Luxembourg"). A form of several countries is ambiguous ("Congolese": CD, CG). Rows of
 *   places that are not countries (continents, "Soviet Union", "Kurdistan") become stop
 *   phrases, so "North American" or "West Indian" do not fall back to "American" or "Indian".
 *   {@link #DEMONYM_OVERRIDES} then fix the file's choices ("Korean" names both Koreas).</li>
 * </ol>
 * {@link #STOP_PHRASES} are added last.
 */
final class GazetteerLoader {

  /** CoreNLP's demonym list, unpacked from the CoreNLP models jar by the enrich-service build. */
  static final String DEMONYMS_RESOURCE = "/edu/stanford/nlp/models/dcoref/demonyms.txt";

  private static final Logger LOG = LoggerFactory.getLogger(GazetteerLoader.class);

  private static final String HINT = "run enrich-service/scripts/build-gazetteer.mjs and rebuild";

  private static final Pattern PARENTHESES = Pattern.compile("\\s*\\([^)]*\\)");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** Kind strength when a surface names the same code twice: the stronger wins. */
  private static final List<EvidenceKind> KIND_ORDER = List.of(EvidenceKind.NAME,
      EvidenceKind.ACRONYM, EvidenceKind.ALIAS, EvidenceKind.CAPITAL, EvidenceKind.CITY,
      EvidenceKind.DEMONYM);

  /** Demonym rows whose place is not (or is misspelled as) a country name of the gazetteer. */
  static final Map<String, String> ROW_HINTS = Map.of(
      "Burkina Fasoa", "BF",
      "Iraqi Kurdistan", "IQ",
      "Iranian Kurdistan", "IR",
      "Chechnya", "RU",
      "Republic of Ireland", "IE",
      "Dem. Republic of the Congo", "CD",
      "Northern Marianas", "MP",
      "Pitcairn Island", "PN");

  /** Demonym forms whose codes we set by hand, replacing those the CoreNLP rows give. */
  static final Map<String, List<String>> DEMONYM_OVERRIDES = Map.of(
      // CoreNLP gives "Korean" to South Korea only; it names either Korea.
      "Korean", List.of("KP", "KR"),
      "Koreans", List.of("KP", "KR"),
      // CoreNLP also lists these under Northern Ireland and Macau.
      "Irish", List.of("IE"),
      "Chinese", List.of("CN"),
      // Missing from CoreNLP; "Sudanese" alone would take "South Sudanese".
      "South Sudanese", List.of("SS"),
      "Burkinabe", List.of("BF"));

  /** Demonym forms in the CoreNLP file that are typos or not demonyms. */
  static final Set<String> DROPPED_FORMS = Set.of("Grenadines", "Italic", "Italics", "Belongers",
      "Hongers", "Dominicansd", "Dominicanse", "Myanmaran Myanmarans", "Sahraw");

  /**
   * Phrases that contain a country cue but name something else: they win the longest match and
   * yield no cue.
   */
  static final List<String> STOP_PHRASES = List.of("Latin America", "Latin American",
      "Latin Americans", "Central America", "Central American", "Central Americans",
      "Native American", "Native Americans", "African American", "African Americans",
      "Indian Ocean", "New South Wales", "New England", "New Guinea", "Persian Gulf",
      "South China Sea", "East China Sea", "Gulf of Mexico", "English Channel");

  private final Map<String, Surface> surfaces = new LinkedHashMap<>();
  private final Map<String, String> names = new TreeMap<>();
  /** Folded lower-case country names, aliases and acronyms -> codes, for demonym rows. */
  private final Map<String, Set<String>> nameIndex = new HashMap<>();
  /** Folded lower-case surfaces of the file and the locale names. */
  private final Set<String> known = new HashSet<>();

  /** What one surface form means. */
  private static final class Surface {
    private final Map<String, EvidenceKind> codes = new LinkedHashMap<>();
    private boolean flagged;

    void add(final String code, final EvidenceKind kind) {
      codes.merge(code, kind, (a, b) -> KIND_ORDER.indexOf(a) <= KIND_ORDER.indexOf(b) ? a : b);
    }
  }

  private GazetteerLoader() {
  }

  /** Loads the gazetteer from the classpath. */
  static Gazetteer load() {
    final long started = System.nanoTime();
    final GazetteerLoader loader = new GazetteerLoader();
    loader.readTsv();
    loader.addLocaleNames();
    final int demonyms = loader.addDemonyms();
    loader.addStopPhrases();
    final Gazetteer g = loader.build();
    LOG.info("Loaded country gazetteer {}: {} surface forms ({} demonyms), {} codes in {} ms",
        Gazetteer.DATA_ID, g.entryCount(), demonyms, g.codes().size(),
        (System.nanoTime() - started) / 1_000_000);
    return g;
  }

  private void readTsv() {
    try (BufferedReader in = open(Gazetteer.RESOURCE, true)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          checkHeader(line);
          continue;
        }
        readRow(line, number);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + Gazetteer.RESOURCE, e);
    }
  }

  private static void checkHeader(final String line) {
    if (line.startsWith("# data-id:")) {
      final String id = line.substring("# data-id:".length()).strip();
      if (!id.equals(Gazetteer.DATA_ID)) {
        throw new IllegalStateException("Gazetteer data " + id + " but the code expects "
            + Gazetteer.DATA_ID + ": update Gazetteer.DATA_ID or " + HINT);
      }
    }
  }

  private void readRow(final String line, final int number) {
    final String[] cols = line.split("\t", -1);
    if (cols.length < 4) {
      throw new IllegalStateException(Gazetteer.RESOURCE + ":" + number
          + ": expected surface, code, kind, weight[, flags]: " + line);
    }
    final String surface = cols[0].strip();
    final String code = cols[1].strip();
    final EvidenceKind kind = EvidenceKind.valueOf(cols[2].strip());
    surface(surface).add(code, kind);
    if (cols.length > 4 && cols[4].contains("ambiguous")) {
      surfaces.get(surface).flagged = true;
    }
    if (kind == EvidenceKind.NAME) {
      names.putIfAbsent(code, surface);
    }
    if (kind == EvidenceKind.NAME || kind == EvidenceKind.ALIAS || kind == EvidenceKind.ACRONYM) {
      nameIndex.computeIfAbsent(fold(surface), k -> new LinkedHashSet<>()).add(code);
    }
    known.add(fold(surface));
  }

  private void addLocaleNames() {
    final Set<String> codes = new LinkedHashSet<>(Arrays.asList(Locale.getISOCountries()));
    codes.add("XK");
    for (final String code : codes) {
      final String display = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      if (display.isBlank() || display.equals(code)) {
        continue;
      }
      names.putIfAbsent(code, display);
      if (display.contains(" - ")) {
        continue;
      }
      final String name = PARENTHESES.matcher(display.replace(" & ", " and ")).replaceAll("")
          .replace('\u2019', '\'').strip();
      for (final String form : new LinkedHashSet<>(List.of(name, stripMarks(name)))) {
        if (known.add(fold(form))) {
          surface(form).add(code, EvidenceKind.NAME);
          nameIndex.computeIfAbsent(fold(form), k -> new LinkedHashSet<>()).add(code);
        }
      }
    }
  }

  /** Adds the CoreNLP demonyms; returns how many forms were added. */
  private int addDemonyms() {
    final Map<String, Set<String>> forms = new LinkedHashMap<>();
    final Set<String> unresolved = new LinkedHashSet<>();
    try (BufferedReader in = open(DEMONYMS_RESOURCE, false)) {
      if (in == null) {
        LOG.warn("{} is not on the classpath: no demonyms (the enrich-service build unpacks it "
            + "from the CoreNLP models jar at generate-resources)", DEMONYMS_RESOURCE);
        return 0;
      }
      String line;
      while ((line = in.readLine()) != null) {
        readDemonymRow(line, forms, unresolved);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DEMONYMS_RESOURCE, e);
    }
    DEMONYM_OVERRIDES.forEach((form, codes) -> forms.put(form, new LinkedHashSet<>(codes)));
    int added = 0;
    for (final Map.Entry<String, Set<String>> e : forms.entrySet()) {
      if (known.contains(fold(e.getKey()))) {
        continue; // "Luxembourg", "Hong Kong": the name wins
      }
      for (final String code : e.getValue()) {
        surface(e.getKey()).add(code, EvidenceKind.DEMONYM);
      }
      added++;
    }
    for (final String stop : unresolved) {
      if (!forms.containsKey(stop) && !known.contains(fold(stop))) {
        surface(stop);
      }
    }
    return added;
  }

  private void readDemonymRow(final String line, final Map<String, Set<String>> forms,
      final Set<String> unresolved) {
    if (line.isBlank() || line.startsWith("#")) {
      return;
    }
    final List<String> cells = new ArrayList<>();
    for (final String cell : line.split("\t")) {
      final String c = cell.strip();
      if (!c.isEmpty()) {
        cells.add(c);
      }
    }
    if (cells.size() < 2) {
      return;
    }
    final Set<String> codes = resolve(cells.get(0));
    for (final String form : cells.subList(1, cells.size())) {
      if (DROPPED_FORMS.contains(form)) {
        continue;
      }
      if (codes.isEmpty()) {
        unresolved.add(form);
      } else {
        forms.computeIfAbsent(form, k -> new LinkedHashSet<>()).addAll(codes);
      }
    }
    if (codes.isEmpty()) {
      unresolved.add(cells.get(0));
    }
  }

  private Set<String> resolve(final String place) {
    final String hint = ROW_HINTS.get(place);
    if (hint != null) {
      return Set.of(hint);
    }
    Set<String> codes = nameIndex.get(fold(place));
    if (codes == null && place.endsWith(".")) {
      codes = nameIndex.get(fold(place.substring(0, place.length() - 1)));
    }
    return codes == null ? Set.of() : codes;
  }

  private void addStopPhrases() {
    for (final String stop : STOP_PHRASES) {
      surface(stop);
    }
  }

  private Surface surface(final String form) {
    return surfaces.computeIfAbsent(form, k -> new Surface());
  }

  private Gazetteer build() {
    final Map<String, List<Entry>> byKey = new HashMap<>();
    int count = 0;
    for (final Map.Entry<String, Surface> e : surfaces.entrySet()) {
      final Entry entry = toEntry(e.getKey(), e.getValue());
      if (entry == null || entry.startsLowerCase()) {
        LOG.debug("Gazetteer surface {} can never match at a word start: skipped", e.getKey());
        continue;
      }
      byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
      count++;
    }
    final Comparator<Entry> longestFirst = Comparator.comparingInt(Entry::tokenCount).reversed()
        .thenComparing(Comparator.comparingInt(Entry::suffixLength).reversed())
        .thenComparing(Entry::surface);
    final Map<String, Entry[]> index = new HashMap<>();
    byKey.forEach((k, list) -> {
      list.sort(longestFirst);
      index.put(k, list.toArray(new Entry[0]));
    });
    return new Gazetteer(index, names, count);
  }

  private static Entry toEntry(final String form, final Surface s) {
    final boolean ambiguous = s.flagged || s.codes.size() > 1;
    final List<Gazetteer.Cue> cues = new ArrayList<>(s.codes.size());
    boolean acronym = false;
    for (final Map.Entry<String, EvidenceKind> c : s.codes.entrySet()) {
      cues.add(new Gazetteer.Cue(c.getKey(), c.getValue(), ambiguous));
      acronym |= c.getValue() == EvidenceKind.ACRONYM;
    }
    return Entry.parse(form, cues, acronym || isAllCaps(form));
  }

  /** Whether a form has upper-case letters and no lower-case ones ("UAE", "U.S."). */
  static boolean isAllCaps(final String form) {
    boolean upper = false;
    for (int i = 0; i < form.length(); i++) {
      final char c = form.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      upper |= Character.isUpperCase(c);
    }
    return upper;
  }

  /** Lower-case, accent-free, canonical-apostrophe form used to compare names. */
  static String fold(final String s) {
    return stripMarks(s).replace('\u2019', '\'').toLowerCase(Locale.ROOT);
  }

  private static String stripMarks(final String s) {
    final String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    final String stripped = MARKS.matcher(decomposed).replaceAll("");
    return Normalizer.normalize(stripped, Normalizer.Form.NFC);
  }

  private static BufferedReader open(final String resource, final boolean required) {
    final InputStream in = GazetteerLoader.class.getResourceAsStream(resource);
    if (in == null) {
      if (required) {
        throw new IllegalStateException(resource + " is not on the classpath: " + HINT);
      }
      return null;
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
