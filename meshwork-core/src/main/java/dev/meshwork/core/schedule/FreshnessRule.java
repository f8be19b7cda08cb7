package dev.meshwork.core.schedule;

import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Sla;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Whether a product keeps its freshness SLA. With {@code maxAge}, it is late once its last publish
 * is older than that. With {@code daily by T}, every calendar day (in the SLA's zone) needs a
 * publish on that day by T: a product published on day D is late from T on day D+1 unless it
 * publishes again that day. A product never published counts from when it was applied: late once
 * {@code maxAge} has passed since, or from the first daily deadline after it.
 */
public final class FreshnessRule {

  private FreshnessRule() {}

  public static Freshness evaluate(ProductRef product, String owner, Sla.Freshness rule, Instant publishedAt,
                                   Instant appliedAt, Instant now) {
    Instant lateAt = lateAt(rule, publishedAt, appliedAt);
    Freshness.State state = now.isBefore(lateAt) ? Freshness.State.FRESH : Freshness.State.LATE;
    return new Freshness(product, owner, state, rule.toString(), publishedAt, lateAt);
  }

  /** When a product published at {@code publishedAt} (null: never, applied at {@code appliedAt}) is late. */
  public static Instant lateAt(Sla.Freshness rule, Instant publishedAt, Instant appliedAt) {
    Instant from = publishedAt == null ? appliedAt : publishedAt;
    if (rule instanceof Sla.MaxAge maxAge) {
      return from.plus(maxAge.maxAge());
    }
    Sla.DailyBy daily = (Sla.DailyBy) rule;
    LocalDate day = from.atZone(daily.zone()).toLocalDate();
    if (publishedAt != null) {
      return deadline(daily, day.plusDays(1));
    }
    Instant sameDay = deadline(daily, day);
    return sameDay.isAfter(appliedAt) ? sameDay : deadline(daily, day.plusDays(1));
  }

  private static Instant deadline(Sla.DailyBy daily, LocalDate day) {
    return ZonedDateTime.of(day, daily.time(), daily.zone()).toInstant();
  }
}
