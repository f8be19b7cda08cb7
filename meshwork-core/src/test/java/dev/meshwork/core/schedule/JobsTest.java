package dev.meshwork.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.spi.ScheduleState;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JobsTest {

  private static final Instant T0 = Instant.parse("2026-11-20T05:59:30Z");
  private static final Cron DAILY = Cron.parse("0 6 * * *", ZoneOffset.UTC);

  @Test
  void aNewJobCountsFromWhenItIsTakenUp() {
    ScheduleState state = Jobs.track(null, "build orders.daily", "0 6 * * *", T0);

    assertThat(state).isEqualTo(new ScheduleState("build orders.daily", "0 6 * * *", T0, null));
    assertThat(Jobs.track(state, "build orders.daily", "0 6 * * *", T0.plusSeconds(60))).isSameAs(state);
  }

  @Test
  void aChangedExpressionCountsFromTheChangeAndKeepsTheLastRun() {
    ScheduleState ran = new ScheduleState("build orders.daily", "0 6 * * *", T0, Instant.parse("2026-11-20T06:00:00Z"));
    Instant changed = Instant.parse("2026-11-20T09:00:00Z");

    assertThat(Jobs.track(ran, "build orders.daily", "0 7 * * *", changed))
        .isEqualTo(new ScheduleState("build orders.daily", "0 7 * * *", changed, ran.lastRun()));
  }

  @Test
  void aCronJobIsDueFromItsNextTimeAndNotBefore() {
    ScheduleState state = new ScheduleState("build orders.daily", "0 6 * * *", T0, null);

    assertThat(Jobs.dueCron(state, DAILY, Instant.parse("2026-11-20T05:59:59Z"))).isEmpty();
    assertThat(Jobs.dueCron(state, DAILY, Instant.parse("2026-11-20T06:00:00Z")))
        .contains(Instant.parse("2026-11-20T06:00:00Z"));
    assertThat(Jobs.dueCron(state, DAILY, Instant.parse("2026-11-20T06:00:12Z")))
        .contains(Instant.parse("2026-11-20T06:00:00Z"));
  }

  @Test
  void aCronJobThatRanIsDueAgainOnlyAtItsNextTime() {
    ScheduleState ran = new ScheduleState("build orders.daily", "0 6 * * *", T0, Instant.parse("2026-11-20T06:00:00Z"));

    assertThat(Jobs.dueCron(ran, DAILY, Instant.parse("2026-11-20T23:00:00Z"))).isEmpty();
    assertThat(Jobs.dueCron(ran, DAILY, Instant.parse("2026-11-21T06:00:00Z")))
        .contains(Instant.parse("2026-11-21T06:00:00Z"));
  }

  @Test
  void timesMissedWhileStoppedRunOnceForTheLatest() {
    ScheduleState ran = new ScheduleState("build orders.daily", "0 6 * * *", T0, Instant.parse("2026-11-20T06:00:00Z"));
    Instant back = Instant.parse("2026-11-23T09:30:00Z");

    assertThat(Jobs.dueCron(ran, DAILY, back)).contains(Instant.parse("2026-11-23T06:00:00Z"));
    ScheduleState caughtUp = ran.ran(Instant.parse("2026-11-23T06:00:00Z"));
    assertThat(Jobs.dueCron(caughtUp, DAILY, back.plusSeconds(30))).isEmpty();
  }

  @Test
  void anOnUpstreamJobIsDueWhenAnInputPublishedAfterItsLastRun() {
    ScheduleState state = new ScheduleState("build orders.totals", "on-upstream", T0, null);
    Instant published = T0.plusSeconds(10);

    assertThat(Jobs.dueOnUpstream(state, null)).isEmpty();
    assertThat(Jobs.dueOnUpstream(state, T0.minusSeconds(1))).as("published before it was taken up").isEmpty();
    assertThat(Jobs.dueOnUpstream(state, published)).contains(published);
    assertThat(Jobs.dueOnUpstream(state.ran(published), published)).isEmpty();
    assertThat(Jobs.dueOnUpstream(state.ran(published), published.plusSeconds(1))).contains(published.plusSeconds(1));
  }
}
