package io.wirestream.enrich.tone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The financial-news layer over VADER's lexicon.
 *
 * <ul>
 *   <li>The entries that npm {@code afinn-165-financialmarketnews} adds to or changes in AFINN-165
 *       ({@value #RESOURCE}, MIT; see {@code FINANCE-NOTICE.md}): "plunged", "layoffs",
 *       "bullish", "upgraded", "shares" made neutral. AFINN rates -5..5 in whole steps, VADER
 *       -4..4 with a typical word near 2, so a value is scaled by {@value #AFINN_TO_VADER}. Its
 *       negation words ("don't") are left to VADER's negation rule. Where VADER already rates a
 *       word, the package's value wins only when it flips the sign ("dominate") or makes the
 *       word neutral ("shares", "outstanding"); otherwise VADER's finer rating stays.</li>
 *   <li>{@link #FINANCE_TERMS}: market words neither list has, rated by hand on VADER's scale
 *       from their sense for an investor (the point of view of financial sentiment sets):
 *       "downgraded", "underperform", "headwinds", "bankruptcy", "selloff".</li>
 *   <li>{@link #NEUTRAL_IN_NEWS}: words VADER rates by an everyday sense that in news mostly
 *       name things ("interest rates", "credit", "security forces", "United", "Trust", "health
 *       care", "share" of a company) or are function words ("like", "as well"). They are removed,
 *       as the package does with "shares".</li>
 * </ul>
 * Words whose value becomes 0 are removed from the lexicon rather than kept at 0, so that they
 * neither count as sentiment words nor stop a booster before them.
 */
final class NewsLexicon {

  /** Classpath resource of the financial entries (word TAB AFINN value TAB added|changed). */
  static final String RESOURCE = "/io/wirestream/enrich/tone/finance_lexicon.tsv";

  /** Scale from AFINN's -5..5 to VADER's -4..4 valences. */
  static final double AFINN_TO_VADER = 0.75;

  /** Everyday-sense words that in news mostly name things; see the class documentation. */
  static final Set<String> NEUTRAL_IN_NEWS = Set.of(
      "share", "interest", "interests", "credit", "credits", "united", "security", "securities",
      "trust", "care", "like", "well", "please", "party", "parties", "fund", "funds", "justice",
      "top", "kind", "matter", "tender", "outstanding", "yes", "ok", "okay");

  /** Market words neither list rates; see the class documentation. */
  static final Map<String, Double> FINANCE_TERMS = financeTerms();

  private final Map<String, Double> entries;

  private NewsLexicon(final Map<String, Double> entries) {
    this.entries = Map.copyOf(entries);
  }

  private static Map<String, Double> financeTerms() {
    final Map<String, Double> m = new LinkedHashMap<>();
    forms(m, -1.5, "downgrade", "downgrades", "downgraded", "downgrading", "underperform",
        "underperforms", "underperformed", "underperforming", "bearish", "unprofitable",
        "delisted", "delisting", "selloff", "sell-off", "rout", "default", "defaults",
        "defaulted", "insolvent");
    forms(m, 1.5, "upgrade", "upgrades", "upgraded", "upgrading", "outperform", "outperforms",
        "outperformed", "outperforming", "bullish", "profitability");
    forms(m, -1.2, "underweight", "headwind", "headwinds", "shortfall", "writedown",
        "writedowns", "write-down", "impairment", "impairments", "profit-warning");
    forms(m, 1.2, "overweight", "tailwind", "tailwinds");
    forms(m, -2.5, "bankruptcy", "bankruptcies", "insolvency", "insolvencies");
    return Map.copyOf(m);
  }

  private static void forms(final Map<String, Double> m, final double value,
      final String... words) {
    for (final String w : words) {
      m.put(w, value);
    }
  }

  /** Reads the financial entries from the classpath. */
  static NewsLexicon load() {
    final InputStream in = NewsLexicon.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("Financial lexicon " + RESOURCE + " is not on the classpath;"
          + " run enrich-service/scripts/fetch-finance-lexicon.sh and rebuild");
    }
    final Map<String, Double> entries = new LinkedHashMap<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        final String[] cols = line.split("\t", -1);
        if (cols.length != 3 || !cols[2].equals("added") && !cols[2].equals("changed")) {
          throw new IllegalStateException(RESOURCE + " line " + lineNo
              + ": expected word TAB value TAB added|changed");
        }
        try {
          entries.put(cols[0], Integer.parseInt(cols[1]) * AFINN_TO_VADER);
        } catch (final NumberFormatException e) {
          throw new IllegalStateException(RESOURCE + " line " + lineNo + ": bad value", e);
        }
      }
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new NewsLexicon(entries);
  }

  /** Number of financial entries read. */
  int size() {
    return entries.size();
  }

  /** Lays the financial entries and the neutral words over {@code lexicon}, in place. */
  void overlay(final Map<String, Double> lexicon) {
    for (final Map.Entry<String, Double> e : entries.entrySet()) {
      final String word = e.getKey();
      if (Vader.NEGATIONS.contains(word) || word.contains("n't")) {
        continue;
      }
      final Double vader = lexicon.get(word);
      if (e.getValue() == 0.0) {
        lexicon.remove(word);
      } else if (vader == null || Math.signum(vader) != Math.signum(e.getValue())) {
        lexicon.put(word, e.getValue());
      }
    }
    lexicon.putAll(FINANCE_TERMS);
    for (final String word : NEUTRAL_IN_NEWS) {
      lexicon.remove(word);
    }
  }
}
