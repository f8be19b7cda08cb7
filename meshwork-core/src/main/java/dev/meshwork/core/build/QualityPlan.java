package dev.meshwork.core.build;

import dev.meshwork.core.spi.BuildRecord.RuleResult;
import dev.meshwork.core.spi.Rows;
import dev.meshwork.core.spi.Workspace;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Durations;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.quality.Check;
import dev.meshwork.spec.quality.QualityRule;
import dev.meshwork.spec.quality.Threshold;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A product's quality rules compiled into as few scans as possible: every row-level rule, the row
 * count and the freshness maxima are columns of one aggregate query; relationships need a join
 * each, {@code sql} rules run as written. Failing row-level rules fetch up to five example rows.
 */
public final class QualityPlan {

  static final int EXAMPLES = 5;

  private final List<QualityRule> rules;
  private final String table;
  private final Map<ProductRef, String> references;
  private final Instant now;

  /**
   * @param table the relation audited
   * @param references for each product a relationship rule points at, the relation holding its
   *     published rows; a product missing here was never published
   */
  public QualityPlan(List<QualityRule> rules, String table, Map<ProductRef, String> references, Instant now) {
    this.rules = List.copyOf(rules);
    this.table = table;
    this.references = references;
    this.now = now;
  }

  /** The product's rules and the rules its contract implies: required, unique, enum values. */
  public static List<QualityRule> rulesOf(DataProduct product) {
    Map<String, QualityRule> all = new LinkedHashMap<>();
    for (Column column : product.spec().schema()) {
      List<Check> implied = new ArrayList<>();
      if (column.required() || column.primaryKey()) {
        implied.add(new Check.NotNull(column.name()));
      }
      if (column.unique() || column.primaryKey()) {
        implied.add(new Check.Unique(List.of(column.name())));
      }
      if (!column.enumValues().isEmpty()) {
        implied.add(new Check.Accepted(column.name(), column.enumValues()));
      }
      for (Check check : implied) {
        QualityRule rule = new QualityRule(null, check, null, QualityRule.Severity.ERROR, "from the contract");
        all.put(rule.displayName(), rule);
      }
    }
    for (QualityRule rule : product.spec().quality()) {
      all.put(rule.displayName(), rule);
    }
    return List.copyOf(all.values());
  }

  static Set<ProductRef> referencedProducts(List<QualityRule> rules) {
    Set<ProductRef> refs = new LinkedHashSet<>();
    for (QualityRule rule : rules) {
      if (rule.check() instanceof Check.Relationship relationship) {
        refs.add(relationship.product());
      }
    }
    return refs;
  }

  public List<RuleResult> run(Workspace workspace) {
    List<String> aggregates = new ArrayList<>(List.of("count(*)"));
    Map<Integer, Integer> columnOf = new LinkedHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      String aggregate = aggregate(rules.get(i).check());
      if (aggregate != null) {
        columnOf.put(i, aggregates.size());
        aggregates.add(aggregate);
      }
    }
    Rows scan = workspace.query("SELECT " + String.join(", ", aggregates) + " FROM " + Sql.relation(table), 1);
    List<Object> values = scan.rows().get(0);
    long rowCount = number(values.get(0)).longValue();
    List<RuleResult> results = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      QualityRule rule = rules.get(i);
      Object measured = columnOf.containsKey(i) ? values.get(columnOf.get(i)) : null;
      results.add(evaluate(workspace, rule, measured, rowCount));
    }
    return results;
  }

  /** The share of rules that passed, in percent with one decimal. */
  public static double score(List<RuleResult> results) {
    if (results.isEmpty()) {
      return 100.0;
    }
    long passed = results.stream().filter(RuleResult::passed).count();
    return Math.round(1000.0 * passed / results.size()) / 10.0;
  }

  private String aggregate(Check check) {
    if (check instanceof Check.Unique unique) {
      String present = unique.columns().stream().map(c -> Sql.identifier(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
      String key = unique.columns().size() == 1 ? Sql.identifier(unique.columns().get(0))
          : "row(" + unique.columns().stream().map(Sql::identifier).collect(Collectors.joining(", ")) + ")";
      return "count(*) FILTER (WHERE " + present + ") - count(DISTINCT " + key + ") FILTER (WHERE " + present + ")";
    }
    if (check instanceof Check.Freshness freshness) {
      return "max(" + Sql.identifier(freshness.column()) + ")";
    }
    String failing = failing(check);
    return failing == null ? null : "count(*) FILTER (WHERE " + failing + ")";
  }

  /** The condition a failing row meets, for the row-level checks that need no other table. */
  private static String failing(Check check) {
    if (check instanceof Check.NotNull c) {
      return Sql.identifier(c.column()) + " IS NULL";
    }
    if (check instanceof Check.Accepted c) {
      String values = c.values().stream().map(Sql::literal).collect(Collectors.joining(", "));
      return "CAST(" + Sql.identifier(c.column()) + " AS VARCHAR) NOT IN (" + values + ")";
    }
    if (check instanceof Check.Range c) {
      return outside(Sql.identifier(c.column()), c.min(), c.max());
    }
    if (check instanceof Check.Pattern c) {
      return "NOT regexp_matches(CAST(" + Sql.identifier(c.column()) + " AS VARCHAR), " + Sql.literal(c.regex()) + ")";
    }
    if (check instanceof Check.Positive c) {
      return Sql.identifier(c.column()) + " <= 0";
    }
    if (check instanceof Check.NonNegative c) {
      return Sql.identifier(c.column()) + " < 0";
    }
    if (check instanceof Check.Length c) {
      return outside("length(CAST(" + Sql.identifier(c.column()) + " AS VARCHAR))",
          c.min() == null ? null : BigDecimal.valueOf(c.min()), c.max() == null ? null : BigDecimal.valueOf(c.max()));
    }
    return null;
  }

  private static String outside(String expression, BigDecimal min, BigDecimal max) {
    List<String> parts = new ArrayList<>();
    if (min != null) {
      parts.add(expression + " < " + min.toPlainString());
    }
    if (max != null) {
      parts.add(expression + " > " + max.toPlainString());
    }
    return "(" + String.join(" OR ", parts) + ")";
  }

  private RuleResult evaluate(Workspace workspace, QualityRule rule, Object aggregated, long rowCount) {
    Check check = rule.check();
    String column = check.columns().isEmpty() ? null : String.join(",", check.columns());
    String severity = rule.severity().toString();
    if (check instanceof Check.Freshness freshness) {
      Instant latest = instant(aggregated);
      if (latest == null) {
        return new RuleResult(rule.displayName(), column, severity, false, "no values", "maxAge: "
            + Durations.format(freshness.maxAge()), null);
      }
      Duration age = Duration.between(latest, now);
      boolean passed = age.compareTo(freshness.maxAge()) <= 0;
      return new RuleResult(rule.displayName(), column, severity, passed,
          "latest " + latest + " (" + Durations.format(age.isNegative() ? Duration.ZERO : age.withNanos(0)) + " old)",
          "maxAge: " + Durations.format(freshness.maxAge()), null);
    }
    if (check instanceof Check.RowCount) {
      BigDecimal count = BigDecimal.valueOf(rowCount);
      return new RuleResult(rule.displayName(), null, severity, test(rule.threshold(), count), rowCount + " rows",
          rule.threshold().toString(), null);
    }
    if (check instanceof Check.Sql sql) {
      Rows rows = workspace.query(sql.query().replace("{table}", Sql.relation(table)), 1);
      Object value = rows.single();
      if (!(value instanceof Number)) {
        return new RuleResult(rule.displayName(), null, severity, false,
            "not a number: " + value, rule.threshold().toString(), null);
      }
      BigDecimal measured = number(value);
      return new RuleResult(rule.displayName(), null, severity, test(rule.threshold(), measured),
          measured.toPlainString(), rule.threshold().toString(), null);
    }
    long failing;
    String failingRows;
    if (check instanceof Check.Relationship relationship) {
      String target = references.get(relationship.product());
      if (target == null) {
        return new RuleResult(rule.displayName(), column, severity, false, "not checked",
            relationship.product() + " is not published", null);
      }
      String condition = Sql.identifier(relationship.column()) + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
          + Sql.relation(target) + " r WHERE r." + Sql.identifier(relationship.referencedColumn()) + " = t."
          + Sql.identifier(relationship.column()) + ")";
      failing = number(workspace.query("SELECT count(*) FROM " + Sql.relation(table) + " t WHERE " + condition, 1)
          .single()).longValue();
      failingRows = failing == 0 ? null : examples(workspace, "SELECT t.* FROM " + Sql.relation(table) + " t WHERE " + condition);
    } else {
      failing = number(aggregated).longValue();
      failingRows = failing == 0 ? null : examples(workspace, exampleQuery(check));
    }
    return rowLevelResult(rule, column, severity, failing, rowCount, failingRows);
  }

  private RuleResult rowLevelResult(QualityRule rule, String column, String severity, long failing, long rowCount,
                                    String failingRows) {
    Threshold threshold = rule.threshold();
    if (threshold instanceof Threshold.Share share) {
      BigDecimal passingPercent = rowCount == 0 ? BigDecimal.valueOf(100)
          : BigDecimal.valueOf(rowCount - failing).multiply(BigDecimal.valueOf(100))
              .divide(BigDecimal.valueOf(rowCount), 4, RoundingMode.DOWN);
      boolean passed = passingPercent.compareTo(share.atLeast().value()) >= 0;
      return new RuleResult(rule.displayName(), column, severity, passed,
          passingPercent.setScale(2, RoundingMode.DOWN).toPlainString() + "% of " + rowCount + " rows pass",
          threshold.toString(), failingRows);
    }
    boolean passed = threshold == null ? failing == 0 : test(threshold, BigDecimal.valueOf(failing));
    return new RuleResult(rule.displayName(), column, severity, passed, failing + " of " + rowCount + " rows fail",
        "failing rows " + (threshold == null ? "mustBe: 0" : threshold.toString()), failingRows);
  }

  private String exampleQuery(Check check) {
    String from = Sql.relation(table);
    if (check instanceof Check.Unique unique) {
      String keys = unique.columns().stream().map(Sql::identifier).collect(Collectors.joining(", "));
      String present = unique.columns().stream().map(c -> Sql.identifier(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
      return "SELECT t.* FROM " + from + " t JOIN (SELECT " + keys + " FROM " + from + " WHERE " + present
          + " GROUP BY " + keys + " HAVING count(*) > 1) d USING (" + keys + ") ORDER BY " + keys;
    }
    return "SELECT * FROM " + from + " WHERE " + failing(check);
  }

  private static String examples(Workspace workspace, String query) {
    Rows rows = workspace.query(query, EXAMPLES);
    List<Map<String, String>> shown = new ArrayList<>();
    for (List<Object> row : rows.rows()) {
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < rows.columns().size(); i++) {
        cells.put(rows.columns().get(i), row.get(i) == null ? null : String.valueOf(row.get(i)));
      }
      shown.add(cells);
    }
    return Json.rows(shown);
  }

  private static boolean test(Threshold threshold, BigDecimal measured) {
    if (threshold instanceof Threshold.Compare compare) {
      return compare.test(measured);
    }
    if (threshold instanceof Threshold.Between between) {
      return between.test(measured);
    }
    return false;
  }

  private static BigDecimal number(Object value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    return new BigDecimal(value.toString());
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof LocalDate date) {
      return date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    return null;
  }
}
