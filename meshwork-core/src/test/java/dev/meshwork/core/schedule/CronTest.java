package dev.meshwork.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronTest {

  private static final Instant FRIDAY_SIX = Instant.parse("2026-11-20T06:00:00Z");

  @Test
  void theNextRunIsStrictlyAfterTheTimeGiven() {
    Cron daily = Cron.parse("0 6 * * *", ZoneOffset.UTC);

    assertThat(daily.next(FRIDAY_SIX.minusSeconds(1))).contains(FRIDAY_SIX);
    assertThat(daily.next(FRIDAY_SIX)).contains(Instant.parse("2026-11-21T06:00:00Z"));
    assertThat(daily.next(FRIDAY_SIX.plusMillis(500))).contains(Instant.parse("2026-11-21T06:00:00Z"));
  }

  @Test
  void everyFiveMinutesAndWeekdaysOnly() {
    assertThat(Cron.parse("*/5 * * * *", ZoneOffset.UTC).next(Instant.parse("2026-11-20T06:02:30Z")))
        .contains(Instant.parse("2026-11-20T06:05:00Z"));
    assertThat(Cron.parse("0 6 * * 1-5", ZoneOffset.UTC).next(FRIDAY_SIX))
        .contains(Instant.parse("2026-11-23T06:00:00Z"));
  }

  @Test
  void theLatestRunIsAtOrBeforeTheTimeGiven() {
    Cron daily = Cron.parse("0 6 * * *", ZoneOffset.UTC);

    assertThat(daily.latest(FRIDAY_SIX)).contains(FRIDAY_SIX);
    assertThat(daily.latest(FRIDAY_SIX.plusMillis(500))).contains(FRIDAY_SIX);
    assertThat(daily.latest(FRIDAY_SIX.minusMillis(1))).contains(Instant.parse("2026-11-19T06:00:00Z"));
    assertThat(Cron.parse("*/5 * * * *", ZoneOffset.UTC).latest(Instant.parse("2026-11-20T07:14:59.999Z")))
        .contains(Instant.parse("2026-11-20T07:10:00Z"));
  }

  @Test
  void timesAreTakenInTheZoneGiven() {
    Cron paris = Cron.parse("0 6 * * *", ZoneId.of("Europe/Paris"));

    assertThat(paris.next(FRIDAY_SIX)).contains(Instant.parse("2026-11-21T05:00:00Z"));
    assertThat(Cron.parse("0 6 * * *", ZoneId.of("Europe/Paris")).next(Instant.parse("2026-07-01T00:00:00Z")))
        .contains(Instant.parse("2026-07-01T04:00:00Z"));
    assertThat(paris).hasToString("0 6 * * * (Europe/Paris)");
  }

  @Test
  void aDateThatComesOnceInFourYearsIsFound() {
    assertThat(Cron.parse("0 0 29 2 *", ZoneOffset.UTC).next(FRIDAY_SIX))
        .contains(Instant.parse("2028-02-29T00:00:00Z"));
  }

  @Test
  void onlyFiveValidFieldsAreACron() {
    assertThatThrownBy(() -> Cron.parse("on-upstream", ZoneOffset.UTC))
        .isInstanceOf(InvalidException.class)
        .hasMessage("'on-upstream' is not a cron schedule: on-upstream has no times");
    assertThatThrownBy(() -> Cron.parse("*/5 * * *", ZoneOffset.UTC))
        .isInstanceOf(InvalidException.class)
        .hasMessage("'*/5 * * *' is not a cron schedule: expected 5 fields (minute hour day-of-month month "
            + "day-of-week), found 4, or on-upstream");
  }
}
