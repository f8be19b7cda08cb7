package dev.meshwork.spec.quality;

import dev.meshwork.spec.Percent;
import dev.meshwork.spec.error.InvalidException;
import java.math.BigDecimal;

/**
 * When a rule passes. A comparison applies to the measured number (for row-level rules, the count
 * of failing rows); a share applies to the fraction of rows that pass.
 */
public sealed interface Threshold {

  /** {@code mustBe: 0}, {@code mustBeGreaterThan: 0}, ... in ODCS spelling. */
  record Compare(Operator operator, BigDecimal value) implements Threshold {
    public Compare {
      if (operator == null || value == null) {
        throw new InvalidException("a comparison needs an operator and a number");
      }
    }

    public boolean test(BigDecimal measured) {
      int c = measured.compareTo(value);
      return switch (operator) {
        case MUST_BE -> c == 0;
        case MUST_NOT_BE -> c != 0;
        case MUST_BE_GREATER_THAN -> c > 0;
        case MUST_BE_GREATER_OR_EQUAL_TO -> c >= 0;
        case MUST_BE_LESS_THAN -> c < 0;
        case MUST_BE_LESS_OR_EQUAL_TO -> c <= 0;
      };
    }

    @Override
    public String toString() {
      return operator + ": " + value.toPlainString();
    }
  }

  /** {@code mustBeBetween: [a, b]} or, negated, {@code mustNotBeBetween}; bounds included. */
  record Between(boolean negated, BigDecimal low, BigDecimal high) implements Threshold {
    public Between {
      if (low == null || high == null || low.compareTo(high) > 0) {
        throw new InvalidException("a between threshold needs two numbers, the lower first");
      }
    }

    public boolean test(BigDecimal measured) {
      boolean inside = measured.compareTo(low) >= 0 && measured.compareTo(high) <= 0;
      return inside != negated;
    }

    @Override
    public String toString() {
      return (negated ? "mustNotBeBetween" : "mustBeBetween") + ": [" + low.toPlainString() + ", " + high.toPlainString() + "]";
    }
  }

  /** {@code threshold: 99.9%}: at least this share of rows passes. */
  record Share(Percent atLeast) implements Threshold {
    public Share {
      if (atLeast == null) {
        throw new InvalidException("a share threshold needs a percentage");
      }
    }

    @Override
    public String toString() {
      return "threshold: " + atLeast;
    }
  }

  enum Operator {
    MUST_BE("mustBe"),
    MUST_NOT_BE("mustNotBe"),
    MUST_BE_GREATER_THAN("mustBeGreaterThan"),
    MUST_BE_GREATER_OR_EQUAL_TO("mustBeGreaterOrEqualTo"),
    MUST_BE_LESS_THAN("mustBeLessThan"),
    MUST_BE_LESS_OR_EQUAL_TO("mustBeLessOrEqualTo");

    private final String key;

    Operator(String key) {
      this.key = key;
    }

    @Override
    public String toString() {
      return key;
    }
  }
}
