package io.wirestream.ingest.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as people write them: {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h}, or ISO. */
final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  @Override
  public Duration convert(final String value) {
    final Matcher simple = SIMPLE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (simple.matches()) {
      final long amount = Long.parseLong(simple.group(1));
      return switch (simple.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(value.trim());
    } catch (final RuntimeException e) {
      throw new TypeConversionException("not a duration: '" + value + "' (e.g. 60s, 5m, PT1M)");
    }
  }
}
