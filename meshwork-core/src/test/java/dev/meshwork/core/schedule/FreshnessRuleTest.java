package dev.meshwork.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.schedule.Freshness.State;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Sla;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreshnessRuleTest {

  private static final ProductRef DAILY = new ProductRef("orders", "daily");
  private static final Sla.Freshness FIVE_MINUTES = new Sla.MaxAge(Duration.ofMinutes(5));
  private static final Sla.Freshness BY_EIGHT_PARIS = Sla.DailyBy.parse("08:00 Europe/Paris");
  private static final Instant APPLIED = Instant.parse("2026-11-01T12:00:00Z");

  private static Freshness evaluate(Sla.Freshness rule, String published, String now) {
    return FreshnessRule.evaluate(DAILY, "ana@example.com", rule, published == null ? null : Instant.parse(published),
        APPLIED, Instant.parse(now));
  }

  @Test
  void withMaxAgeAProductIsFreshUntilItsLastPublishIsThatOld() {
    Freshness fresh = evaluate(FIVE_MINUTES, "2026-11-20T06:00:00Z", "2026-11-20T06:04:59Z");
    Freshness late = evaluate(FIVE_MINUTES, "2026-11-20T06:00:00Z", "2026-11-20T06:05:00Z");

    assertThat(fresh).isEqualTo(new Freshness(DAILY, "ana@example.com", State.FRESH, "maxAge 5m",
        Instant.parse("2026-11-20T06:00:00Z"), Instant.parse("2026-11-20T06:05:00Z")));
    assertThat(late.state()).isEqualTo(State.LATE);
    assertThat(late.lateAt()).isEqualTo(Instant.parse("2026-11-20T06:05:00Z"));
    assertThat(late.describe()).isEqualTo("orders.daily is late: its SLA is maxAge 5m, last published "
        + "2026-11-20T06:00:00Z, late since 2026-11-20T06:05:00Z");
    assertThat(fresh.describe()).isEqualTo("orders.daily is fresh: its SLA is maxAge 5m, last published "
        + "2026-11-20T06:00:00Z, late at 2026-11-20T06:05:00Z unless it publishes again");
  }

  @Test
  void withDailyByEachDayNeedsAPublishOnThatDayByTheTime() {
    // published on 20 November (Paris) at 07:00 local: fresh until 08:00 on the 21st
    String published = "2026-11-20T06:00:00Z";
    assertThat(evaluate(BY_EIGHT_PARIS, published, "2026-11-21T06:59:59Z").state()).isEqualTo(State.FRESH);
    Freshness late = evaluate(BY_EIGHT_PARIS, published, "2026-11-21T07:00:00Z");
    assertThat(late.state()).isEqualTo(State.LATE);
    assertThat(late.lateAt()).isEqualTo(Instant.parse("2026-11-21T07:00:00Z"));
    assertThat(late.sla()).isEqualTo("daily by 08:00 Europe/Paris");
  }

  @Test
  void withDailyByAPublishAfterTheTimeMakesTheDayFreshUntilTheNextDeadline() {
    // late on the 21st at 08:00, published at 10:00 that day: fresh until 08:00 on the 22nd
    Freshness fresh = evaluate(BY_EIGHT_PARIS, "2026-11-21T09:00:00Z", "2026-11-21T09:00:01Z");
    assertThat(fresh.state()).isEqualTo(State.FRESH);
    assertThat(fresh.lateAt()).isEqualTo(Instant.parse("2026-11-22T07:00:00Z"));
  }

  @Test
  void withDailyByTheCalendarDayIsTheZonesNotUtcs() {
    // 23:30 UTC on the 20th is 00:30 on the 21st in Paris: that day is covered until 08:00 on the 22nd
    assertThat(evaluate(BY_EIGHT_PARIS, "2026-11-20T23:30:00Z", "2026-11-21T08:00:00Z").lateAt())
        .isEqualTo(Instant.parse("2026-11-22T07:00:00Z"));
  }

  @Test
  void withDailyByTheDeadlineFollowsDaylightSavingTime() {
    // 08:00 in Paris is 06:00 UTC in summer
    assertThat(evaluate(BY_EIGHT_PARIS, "2026-07-01T05:00:00Z", "2026-07-01T05:00:00Z").lateAt())
        .isEqualTo(Instant.parse("2026-07-02T06:00:00Z"));
  }

  @Test
  void aProductNeverPublishedWithMaxAgeIsLateThatLongAfterItWasApplied() {
    Freshness waiting = evaluate(FIVE_MINUTES, null, "2026-11-01T12:04:00Z");
    Freshness late = evaluate(FIVE_MINUTES, null, "2026-11-01T12:05:00Z");

    assertThat(waiting.state()).isEqualTo(State.FRESH);
    assertThat(waiting.publishedAt()).isNull();
    assertThat(late.state()).isEqualTo(State.LATE);
    assertThat(late.describe()).isEqualTo("orders.daily is late: its SLA is maxAge 5m, never published, "
        + "late since 2026-11-01T12:05:00Z");
  }

  @Test
  void aProductNeverPublishedWithDailyByIsLateFromTheFirstDeadlineAfterItWasApplied() {
    // applied at 13:00 in Paris, after that day's 08:00: the first deadline is the next day's
    assertThat(evaluate(BY_EIGHT_PARIS, null, "2026-11-01T12:00:00Z").lateAt())
        .isEqualTo(Instant.parse("2026-11-02T07:00:00Z"));
    assertThat(evaluate(BY_EIGHT_PARIS, null, "2026-11-02T06:59:00Z").state()).isEqualTo(State.FRESH);
    assertThat(evaluate(BY_EIGHT_PARIS, null, "2026-11-02T07:00:00Z").state()).isEqualTo(State.LATE);
    // applied before the day's deadline: that deadline counts
    assertThat(FreshnessRule.lateAt(BY_EIGHT_PARIS, null, Instant.parse("2026-11-01T05:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
  }
}
