package dev.meshwork.core.schedule;

import dev.meshwork.core.spi.ScheduleState;
import java.time.Instant;
import java.util.Optional;

/**
 * When a scheduled job runs. A cron job is due once its next time after its last run (or after
 * it was taken up) has come; however many times were missed meanwhile, it runs once, for the
 * latest. An on-upstream job is due when an input product published after its last run.
 */
final class Jobs {

  private Jobs() {}

  /**
   * The job's state as the scheduler keeps it: the stored one, or a new one from {@code now} when
   * there is none or its expression changed (the last run is kept).
   */
  static ScheduleState track(ScheduleState stored, String job, String expression, Instant now) {
    if (stored != null && stored.expression().equals(expression)) {
      return stored;
    }
    return new ScheduleState(job, expression, now, stored == null ? null : stored.lastRun());
  }

  /** The cron time to run for now, if the job is due: the latest of its times at or before {@code now}. */
  static Optional<Instant> dueCron(ScheduleState state, Cron cron, Instant now) {
    Optional<Instant> next = cron.next(state.base());
    if (next.isEmpty() || next.get().isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(cron.latest(now).orElse(next.get()));
  }

  /** The upstream publish to run for, if the job is due: {@code latestPublish} when it is after the job's last run. */
  static Optional<Instant> dueOnUpstream(ScheduleState state, Instant latestPublish) {
    return latestPublish != null && latestPublish.isAfter(state.base()) ? Optional.of(latestPublish) : Optional.empty();
  }
}
