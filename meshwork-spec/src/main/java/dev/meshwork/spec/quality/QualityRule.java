package dev.meshwork.spec.quality;

import dev.meshwork.spec.Enums;
import dev.meshwork.spec.Names;
import dev.meshwork.spec.error.InvalidException;

/**
 * A quality rule of a product's contract: a check, when it passes, and whether a failure blocks
 * publication. Without a threshold a row-level rule must pass on every row.
 */
public record QualityRule(String name, Check check, Threshold threshold, Severity severity, String description) {

  public enum Severity {
    ERROR, WARN;

    @Override
    public String toString() {
      return Enums.kebab(this);
    }
  }

  public QualityRule {
    if (name != null) {
      Names.check(name, "rule name");
    }
    if (check == null) {
      throw new InvalidException("a quality rule needs a check");
    }
    if (threshold instanceof Threshold.Share && !check.rowLevel()) {
      throw new InvalidException("a " + check.type() + " rule measures a number, not a share of rows: "
          + "use mustBe, mustBeGreaterThan, ... instead of threshold");
    }
    if (threshold == null && (check.type() == RuleType.ROW_COUNT || check.type() == RuleType.SQL)) {
      throw new InvalidException("a " + check.type() + " rule needs a threshold such as mustBe or mustBeGreaterThan");
    }
    severity = severity == null ? Severity.ERROR : severity;
  }

  public boolean blocking() {
    return severity == Severity.ERROR;
  }

  /** The name results are recorded under: the given name, or the rule and its columns. */
  public String displayName() {
    if (name != null) {
      return name;
    }
    return check.columns().isEmpty() ? check.type().toString() : String.join(",", check.columns()) + " " + check.type();
  }
}
