package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;

/**
 * Where a scheduled job stands, kept so that a restarted server resumes it: {@code job} names it
 * ({@code build orders.daily}, {@code retention}), {@code expression} is its cron expression or
 * {@code on-upstream}, {@code since} is when the scheduler took it up with that expression, and
 * {@code lastRun} the time of its last run (the cron time it ran for, or the upstream publish
 * that triggered it), null before the first. The next run is counted from the later of the two.
 */
public record ScheduleState(String job, String expression, Instant since, Instant lastRun) {

  public ScheduleState {
    if (job == null || job.isBlank()) {
      throw new InvalidException("cannot record a schedule: its job is blank");
    }
    if (expression == null || expression.isBlank()) {
      throw new InvalidException("cannot record the schedule of " + job + ": expression is blank");
    }
    if (since == null) {
      throw new InvalidException("cannot record the schedule of " + job + ": since is missing");
    }
  }

  /** The time the next run is counted from: the last run, or {@code since} when that is later or there was none. */
  public Instant base() {
    return lastRun == null || lastRun.isBefore(since) ? since : lastRun;
  }

  /** The same job, last run at {@code at}. */
  public ScheduleState ran(Instant at) {
    return new ScheduleState(job, expression, since, at);
  }
}
