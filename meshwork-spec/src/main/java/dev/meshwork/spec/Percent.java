package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.math.BigDecimal;

/** A percentage from 0 to 100, written {@code 99.9%}. */
public record Percent(BigDecimal value) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public Percent {
    if (value == null || value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
      throw new InvalidException("a percentage must be between 0% and 100%, not " + value + "%");
    }
  }

  public static Percent parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (!trimmed.endsWith("%")) {
      throw new InvalidException("expected a percentage like 99.9%, not '" + text + "'");
    }
    try {
      return new Percent(new BigDecimal(trimmed.substring(0, trimmed.length() - 1).trim()));
    } catch (NumberFormatException e) {
      throw new InvalidException("expected a percentage like 99.9%, not '" + text + "'");
    }
  }

  /** The share as a fraction: 99.9% is 0.999. */
  public double fraction() {
    return value.movePointLeft(2).doubleValue();
  }

  @Override
  public String toString() {
    return value.stripTrailingZeros().toPlainString() + "%";
  }
}
