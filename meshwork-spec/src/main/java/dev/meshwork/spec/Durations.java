package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 5m}, {@code 1h}, {@code 1 hour}, {@code 2d}, or ISO-8601 {@code PT30M}. */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|d|days?)");

  private Durations() {}

  public static Duration parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(value);
    Duration duration;
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      duration = switch (m.group(2).charAt(0)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    } else {
      try {
        duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new InvalidException("expected a duration like 5m, 1h, 2d or PT30M, not '" + text + "'");
      }
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new InvalidException("a duration must be greater than zero, not '" + text + "'");
    }
    return duration;
  }

  /** The shortest of the forms {@link #parse} reads: 5m, 1h, 2d, 90s. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
