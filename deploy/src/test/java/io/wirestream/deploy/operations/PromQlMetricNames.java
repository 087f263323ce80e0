package io.wirestream.deploy.operations;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, so a test can check that dashboards and alert rules
 * name only series the services really export. A deliberately small scanner, not a PromQL parser:
 * it drops strings, label matchers, ranges and grouping clauses, then keeps identifiers that are not
 * functions, keywords or parts of numbers.
 */
final class PromQlMetricNames {

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING = Pattern.compile(
      "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile(
      "(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_VALUES = Pattern.compile(
      "^\\s*label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{[^}]*})?\\s*,\\s*\\w+\\s*\\)\\s*$");
  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring",
      "group_left", "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan", "atan2");

  private PromQlMetricNames() {
  }

  /** Metric names read by a PromQL expression (Grafana variables allowed inside [] and {}). */
  static Set<String> of(final String expression) {
    String text = STRING.matcher(expression).replaceAll("\"\"");
    text = MATCHERS.matcher(text).replaceAll("");
    text = RANGE.matcher(text).replaceAll("");
    text = GROUPING.matcher(text).replaceAll("");
    final Set<String> names = new LinkedHashSet<>();
    final Matcher identifiers = IDENTIFIER.matcher(text);
    while (identifiers.find()) {
      final String name = identifiers.group();
      if (KEYWORDS.contains(name.toLowerCase(Locale.ROOT)) || isCall(text, identifiers.end())) {
        continue;
      }
      names.add(name);
    }
    return names;
  }

  /** The metric of a Grafana {@code label_values(metric, label)} variable query. */
  static Set<String> ofVariableQuery(final String query) {
    final Matcher matcher = LABEL_VALUES.matcher(query);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Not a label_values(metric, label) query: " + query);
    }
    return Set.of(matcher.group(1));
  }

  private static boolean isCall(final String text, final int end) {
    int i = end;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '(';
  }
}
