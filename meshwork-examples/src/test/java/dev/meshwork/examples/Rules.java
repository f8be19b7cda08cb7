package dev.meshwork.examples;

import dev.meshwork.spec.quality.Check;
import dev.meshwork.spec.quality.QualityRule;
import dev.meshwork.spec.quality.Threshold;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Just enough of the platform's quality rules to tell whether the example data passes them.
 * Row-level rules count failing rows (nulls fail only notNull); the others measure one number.
 */
final class Rules {

  record Result(boolean passed, String detail) {}

  private final Connection duck;
  private final Instant buildTime;
  private final Inputs inputs;

  Rules(Connection duck, Instant buildTime, Inputs inputs) {
    this.duck = duck;
    this.buildTime = buildTime;
    this.inputs = inputs;
  }

  Result check(QualityRule rule) throws SQLException {
    Check check = rule.check();
    if (check instanceof Check.Freshness freshness) {
      BigDecimal newest = number("SELECT epoch(max(" + quote(freshness.column()) + ")) FROM " + Audit.TABLE);
      if (newest == null) {
        return new Result(false, "no values");
      }
      double age = buildTime.getEpochSecond() - newest.doubleValue();
      return new Result(age <= freshness.maxAge().toSeconds(), "newest value " + Math.round(age) + " s old");
    }
    if (check instanceof Check.RowCount) {
      return measured(rule, number("SELECT count(*) FROM " + Audit.TABLE));
    }
    if (check instanceof Check.Sql sql) {
      return measured(rule, number(sql.query().replace("{table}", Audit.TABLE)));
    }
    long total = number("SELECT count(*) FROM " + Audit.TABLE).longValue();
    long failing = number(failingRows(check)).longValue();
    Threshold threshold = rule.threshold();
    String detail = failing + " of " + total + " rows fail";
    if (threshold == null) {
      return new Result(failing == 0, detail);
    }
    if (threshold instanceof Threshold.Share share) {
      return new Result(total == 0 || (double) (total - failing) / total >= share.atLeast().fraction(), detail);
    }
    return new Result(test(threshold, BigDecimal.valueOf(failing)), detail);
  }

  private String failingRows(Check check) {
    String t = Audit.TABLE;
    if (check instanceof Check.Unique unique) {
      String columns = unique.columns().stream().map(Rules::quote).collect(Collectors.joining(", "));
      String present = unique.columns().stream().map(c -> quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
      return "SELECT (SELECT count(*) FROM " + t + " WHERE " + present + ") - (SELECT count(*) FROM (SELECT DISTINCT "
          + columns + " FROM " + t + " WHERE " + present + "))";
    }
    if (check instanceof Check.Relationship relationship) {
      return "SELECT count(*) FROM " + t + " AS r WHERE r." + quote(relationship.column()) + " IS NOT NULL AND NOT EXISTS ("
          + "SELECT 1 FROM read_parquet('" + inputs.builtFile(relationship.product().toString()) + "') AS p WHERE p."
          + quote(relationship.referencedColumn()) + " = r." + quote(relationship.column()) + ")";
    }
    return "SELECT count(*) FROM " + t + " WHERE " + failingCondition(check);
  }

  private static String failingCondition(Check check) {
    String c = quote(check.columns().get(0));
    if (check instanceof Check.NotNull) {
      return c + " IS NULL";
    }
    if (check instanceof Check.Accepted accepted) {
      return "CAST(" + c + " AS VARCHAR) NOT IN (" + literals(accepted.values()) + ")";
    }
    if (check instanceof Check.Range range) {
      return outside(c, range.min(), range.max());
    }
    if (check instanceof Check.Pattern pattern) {
      return "NOT regexp_matches(CAST(" + c + " AS VARCHAR), " + literal(pattern.regex()) + ")";
    }
    if (check instanceof Check.Positive) {
      return c + " <= 0";
    }
    if (check instanceof Check.NonNegative) {
      return c + " < 0";
    }
    if (check instanceof Check.Length length) {
      return outside("length(" + c + ")", length.min() == null ? null : BigDecimal.valueOf(length.min()),
          length.max() == null ? null : BigDecimal.valueOf(length.max()));
    }
    throw new IllegalArgumentException("no row condition for " + check.type());
  }

  private static String outside(String value, BigDecimal min, BigDecimal max) {
    List<String> parts = new ArrayList<>();
    if (min != null) {
      parts.add(value + " < " + min.toPlainString());
    }
    if (max != null) {
      parts.add(value + " > " + max.toPlainString());
    }
    return "(" + String.join(" OR ", parts) + ")";
  }

  private Result measured(QualityRule rule, BigDecimal value) {
    if (value == null) {
      return new Result(false, "measured null");
    }
    return new Result(test(rule.threshold(), value), "measured " + value.toPlainString());
  }

  private static boolean test(Threshold threshold, BigDecimal value) {
    if (threshold instanceof Threshold.Compare compare) {
      return compare.test(value);
    }
    return ((Threshold.Between) threshold).test(value);
  }

  private BigDecimal number(String sql) throws SQLException {
    try (Statement statement = duck.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getBigDecimal(1);
    }
  }

  static String literals(List<String> values) {
    return values.stream().map(Rules::literal).collect(Collectors.joining(", "));
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String quote(String identifier) {
    return "\"" + identifier + "\"";
  }
}
