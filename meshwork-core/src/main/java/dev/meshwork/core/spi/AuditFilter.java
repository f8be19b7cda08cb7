package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Which audit entries to read, newest first, at most {@code limit}: by one actor, one action or
 * family of actions ({@code access} picks {@code access.request}, {@code access.approve}, ...), one
 * resource id, at or after {@code since} and before {@code until}. A null (or blank) field picks
 * every entry.
 */
public record AuditFilter(String actor, String action, String resource, Instant since, Instant until, int limit) {

  private static final String WHAT = "cannot read the audit log: ";

  public AuditFilter {
    actor = blankToNull(actor);
    action = blankToNull(action);
    resource = blankToNull(resource);
    if (limit < 1) {
      throw new InvalidException(WHAT + "the limit must be at least 1, not " + limit);
    }
    String family = action;
    if (family != null && AuditEntry.ACTIONS.stream().noneMatch(a -> a.equals(family) || a.startsWith(family + "."))) {
      throw new InvalidException(WHAT + "no action is or begins with '" + family + "' (actions: "
          + String.join(", ", AuditEntry.ACTIONS) + ")");
    }
    if (since != null && until != null && !since.isBefore(until)) {
      throw new InvalidException(WHAT + "since " + since + " is not before until " + until);
    }
  }

  /** The newest {@code limit} entries, whatever they are. */
  public static AuditFilter latest(int limit) {
    return new AuditFilter(null, null, null, null, null, limit);
  }

  /**
   * A time given as an instant ({@code 2026-11-20T06:00:00Z}) or a day ({@code 2026-11-20}, its
   * start in UTC); null for null or blank text. {@code where} names the input in the error.
   */
  public static Instant time(String text, String where) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidException(WHAT + where + " '" + value + "' is not a time like 2026-11-20T06:00:00Z or a day like 2026-11-20");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
