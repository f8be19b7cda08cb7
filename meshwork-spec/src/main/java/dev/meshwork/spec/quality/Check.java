package dev.meshwork.spec.quality;

import dev.meshwork.spec.Names;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** What a quality rule checks. Row-level checks count failing rows; the others measure one number. */
public sealed interface Check {

  RuleType type();

  /** The product's columns the check reads. */
  List<String> columns();

  default boolean rowLevel() {
    return type().rowLevel();
  }

  record NotNull(String column) implements Check {
    public NotNull {
      Names.checkIdentifier(column, "column name");
    }

    public RuleType type() { return RuleType.NOT_NULL; }

    public List<String> columns() { return List.of(column); }
  }

  record Unique(List<String> columns) implements Check {
    public Unique {
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new InvalidException("unique needs a column or columns");
      }
      columns.forEach(c -> Names.checkIdentifier(c, "column name"));
    }

    public RuleType type() { return RuleType.UNIQUE; }
  }

  record Accepted(String column, List<String> values) implements Check {
    public Accepted {
      Names.checkIdentifier(column, "column name");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new InvalidException("accepted needs at least one value");
      }
    }

    public RuleType type() { return RuleType.ACCEPTED; }

    public List<String> columns() { return List.of(column); }
  }

  record Range(String column, BigDecimal min, BigDecimal max) implements Check {
    public Range {
      Names.checkIdentifier(column, "column name");
      Bounds.check(min, max, "range");
    }

    public RuleType type() { return RuleType.RANGE; }

    public List<String> columns() { return List.of(column); }
  }

  record Pattern(String column, String regex) implements Check {
    public Pattern {
      Names.checkIdentifier(column, "column name");
      try {
        java.util.regex.Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new InvalidException("'" + regex + "' is not a regular expression: " + e.getDescription());
      }
    }

    public RuleType type() { return RuleType.PATTERN; }

    public List<String> columns() { return List.of(column); }
  }

  record Positive(String column) implements Check {
    public Positive {
      Names.checkIdentifier(column, "column name");
    }

    public RuleType type() { return RuleType.POSITIVE; }

    public List<String> columns() { return List.of(column); }
  }

  record NonNegative(String column) implements Check {
    public NonNegative {
      Names.checkIdentifier(column, "column name");
    }

    public RuleType type() { return RuleType.NON_NEGATIVE; }

    public List<String> columns() { return List.of(column); }
  }

  record Length(String column, Integer min, Integer max) implements Check {
    public Length {
      Names.checkIdentifier(column, "column name");
      Bounds.check(min == null ? null : BigDecimal.valueOf(min), max == null ? null : BigDecimal.valueOf(max), "length");
      if (min != null && min < 0) {
        throw new InvalidException("length min must not be negative");
      }
    }

    public RuleType type() { return RuleType.LENGTH; }

    public List<String> columns() { return List.of(column); }
  }

  record RowCount() implements Check {
    public RuleType type() { return RuleType.ROW_COUNT; }

    public List<String> columns() { return List.of(); }
  }

  record Freshness(String column, Duration maxAge) implements Check {
    public Freshness {
      Names.checkIdentifier(column, "column name");
      if (maxAge == null) {
        throw new InvalidException("freshness needs maxAge");
      }
    }

    public RuleType type() { return RuleType.FRESHNESS; }

    public List<String> columns() { return List.of(column); }
  }

  /** Every value of {@code column} exists in {@code product}'s {@code referencedColumn}. */
  record Relationship(String column, ProductRef product, String referencedColumn) implements Check {
    public Relationship {
      Names.checkIdentifier(column, "column name");
      Names.checkIdentifier(referencedColumn, "column name");
    }

    /** Parses {@code customers.profile.customer_id}. */
    public static Relationship of(String column, String references) {
      int last = references == null ? -1 : references.lastIndexOf('.');
      if (last < 0 || references.indexOf('.') == last) {
        throw new InvalidException("references '" + references
            + "' must name a product's column, like customers.profile.customer_id");
      }
      return new Relationship(column, ProductRef.parse(references.substring(0, last)), references.substring(last + 1));
    }

    public RuleType type() { return RuleType.RELATIONSHIP; }

    public List<String> columns() { return List.of(column); }
  }

  /** A query returning one number; {@code {table}} stands for the product's table. */
  record Sql(String query) implements Check {
    public Sql {
      if (query == null || query.isBlank()) {
        throw new InvalidException("an sql rule needs a query");
      }
    }

    public RuleType type() { return RuleType.SQL; }

    public List<String> columns() { return List.of(); }
  }

  /** Shared checks of min/max pairs. */
  final class Bounds {
    private Bounds() {}

    static void check(BigDecimal min, BigDecimal max, String rule) {
      if (min == null && max == null) {
        throw new InvalidException(rule + " needs min, max or both");
      }
      if (min != null && max != null && min.compareTo(max) > 0) {
        throw new InvalidException(rule + " min " + min.toPlainString() + " is greater than max " + max.toPlainString());
      }
    }
  }
}
