package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** What a product promises its consumers; every part is optional. */
public record Sla(Freshness freshness, Percent availability, Percent qualityScore) {

  /** How fresh the data is promised to be. */
  public sealed interface Freshness permits MaxAge, DailyBy {}

  /** Data is never older than {@code maxAge}. */
  public record MaxAge(Duration maxAge) implements Freshness {
    public MaxAge {
      if (maxAge == null) {
        throw new InvalidException("maxAge is missing");
      }
    }

    @Override
    public String toString() {
      return "maxAge " + Durations.format(maxAge);
    }
  }

  /** Each day's data is available by a time of day. */
  public record DailyBy(LocalTime time, ZoneId zone) implements Freshness {
    public DailyBy {
      if (time == null || zone == null) {
        throw new InvalidException("daily needs a time and a zone");
      }
    }

    /** Parses {@code 08:00 UTC}. */
    public static DailyBy parse(String text) {
      String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
      if (parts.length != 2) {
        throw new InvalidException("expected a time of day and a zone like \"08:00 UTC\", not '" + text + "'");
      }
      try {
        return new DailyBy(LocalTime.parse(parts[0]), ZoneId.of(parts[1]));
      } catch (DateTimeParseException e) {
        throw new InvalidException("'" + parts[0] + "' is not a time of day (expected HH:MM, like 08:00)");
      } catch (DateTimeException e) {
        throw new InvalidException("'" + parts[1] + "' is not a time zone (expected UTC or a region like Europe/Paris)");
      }
    }

    @Override
    public String toString() {
      return "daily by " + time + " " + zone;
    }
  }
}
