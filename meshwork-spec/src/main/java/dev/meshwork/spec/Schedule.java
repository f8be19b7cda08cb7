package dev.meshwork.spec;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.meshwork.spec.error.InvalidException;

/** When a product builds: a five-field cron expression, or {@code on-upstream} (whenever an input publishes). */
public record Schedule(String expression) {

  public static final String ON_UPSTREAM = "on-upstream";
  private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  public Schedule {
    if (expression == null || expression.isBlank()) {
      throw new InvalidException("a schedule is empty");
    }
    expression = expression.trim();
    if (!expression.equals(ON_UPSTREAM)) {
      int fields = expression.split("\\s+").length;
      if (fields != 5) {
        throw new InvalidException("'" + expression + "' is not a cron schedule: expected 5 fields "
            + "(minute hour day-of-month month day-of-week), found " + fields + ", or on-upstream");
      }
      try {
        CRON.parse(expression).validate();
      } catch (IllegalArgumentException e) {
        throw new InvalidException("'" + expression + "' is not a cron schedule: " + e.getMessage());
      }
    }
  }

  public boolean isOnUpstream() {
    return expression.equals(ON_UPSTREAM);
  }

  @Override
  public String toString() {
    return expression;
  }
}
