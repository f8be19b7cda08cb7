package dev.meshwork.core.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.meshwork.spec.Schedule;
import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** A five-field cron expression in a time zone: when it fires after a time, and when it last fired. */
public final class Cron {

  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ExecutionTime times;
  private final ZoneId zone;

  private Cron(String expression, ExecutionTime times, ZoneId zone) {
    this.expression = expression;
    this.times = times;
    this.zone = zone;
  }

  /**
   * Reads a cron expression, checked as a product's {@code schedule} is.
   *
   * @throws InvalidException when it is not five valid fields (or is {@code on-upstream})
   */
  public static Cron parse(String expression, ZoneId zone) {
    Schedule schedule = new Schedule(expression);
    if (schedule.isOnUpstream()) {
      throw new InvalidException("'" + expression + "' is not a cron schedule: on-upstream has no times");
    }
    return new Cron(schedule.expression(), ExecutionTime.forCron(PARSER.parse(schedule.expression())), zone);
  }

  /** The first time it fires strictly after {@code after}; empty when it never fires again. */
  public Optional<Instant> next(Instant after) {
    return times.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
  }

  /** The last time it fired at or before {@code now}; empty when it never did. */
  public Optional<Instant> latest(Instant now) {
    // fire times are whole minutes: the last one before the next second is the last one at or before now
    ZonedDateTime bound = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(zone);
    return times.lastExecution(bound).map(ZonedDateTime::toInstant).filter(at -> !at.isAfter(now));
  }

  public String expression() {
    return expression;
  }

  @Override
  public String toString() {
    return expression + " (" + zone + ")";
  }
}
