package dev.meshwork.spec.load;

import dev.meshwork.spec.Durations;
import dev.meshwork.spec.Enums;
import dev.meshwork.spec.Percent;
import dev.meshwork.spec.quality.Check;
import dev.meshwork.spec.quality.QualityRule;
import dev.meshwork.spec.quality.RuleType;
import dev.meshwork.spec.quality.Threshold;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads one quality rule: its check, its threshold (ODCS spelling) and its severity. */
final class QualityBinder {

  private static final List<String> COMMON = List.of("rule", "name", "description", "severity");
  private static final List<String> THRESHOLDS = List.of("mustBe", "mustNotBe", "mustBeGreaterThan",
      "mustBeGreaterOrEqualTo", "mustBeLessThan", "mustBeLessOrEqualTo", "mustBeBetween", "mustNotBeBetween",
      "threshold");
  private static final Map<RuleType, List<String>> PARAMETERS = new EnumMap<>(Map.ofEntries(
      Map.entry(RuleType.NOT_NULL, List.of("column")),
      Map.entry(RuleType.UNIQUE, List.of("column", "columns")),
      Map.entry(RuleType.ACCEPTED, List.of("column", "values")),
      Map.entry(RuleType.RANGE, List.of("column", "min", "max")),
      Map.entry(RuleType.PATTERN, List.of("column", "pattern")),
      Map.entry(RuleType.POSITIVE, List.of("column")),
      Map.entry(RuleType.NON_NEGATIVE, List.of("column")),
      Map.entry(RuleType.LENGTH, List.of("column", "min", "max")),
      Map.entry(RuleType.ROW_COUNT, List.of()),
      Map.entry(RuleType.FRESHNESS, List.of("column", "maxAge")),
      Map.entry(RuleType.RELATIONSHIP, List.of("column", "references")),
      Map.entry(RuleType.SQL, List.of("query"))));

  private final Problems problems;

  QualityBinder(Problems problems) {
    this.problems = problems;
  }

  QualityRule bind(Node node, String at) {
    Fields f = Fields.of(node, at, problems);
    if (f == null) {
      return null;
    }
    int before = problems.errorCount();
    RuleType type = f.parse("rule", true, RuleType::parse);
    if (type == null) {
      return null;
    }
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.addAll(PARAMETERS.get(type));
    allowed.addAll(THRESHOLDS);
    Set<String> parametersOfOthers = new LinkedHashSet<>();
    PARAMETERS.values().forEach(parametersOfOthers::addAll);
    f.rejectUnknown(allowed, parametersOfOthers, "does not apply to a " + type + " rule"
        + (PARAMETERS.get(type).isEmpty() ? "" : " (its fields are " + String.join(", ", PARAMETERS.get(type)) + ")"));
    String name = f.string("name", false);
    String description = f.string("description", false);
    QualityRule.Severity severity =
        f.parse("severity", false, value -> Enums.parse(QualityRule.Severity.class, value, "severity"));
    Check check = check(type, f);
    Threshold threshold = threshold(f);
    if (check == null || problems.errorCount() > before) {
      return null;
    }
    return problems.attempt(node, at, () -> new QualityRule(name, check, threshold, severity, description));
  }

  private Check check(RuleType type, Fields f) {
    Node node = f.node();
    String at = f.path();
    return switch (type) {
      case NOT_NULL -> withColumn(f, column -> new Check.NotNull(column));
      case UNIQUE -> unique(f);
      case ACCEPTED -> {
        String column = f.string("column", true);
        List<String> values = f.strings("values", true);
        yield column == null || values == null ? null : problems.attempt(node, at, () -> new Check.Accepted(column, values));
      }
      case RANGE -> {
        String column = f.string("column", true);
        BigDecimal min = f.number("min", false);
        BigDecimal max = f.number("max", false);
        yield column == null ? null : problems.attempt(node, at, () -> new Check.Range(column, min, max));
      }
      case PATTERN -> {
        String column = f.string("column", true);
        String regex = f.string("pattern", true);
        yield column == null || regex == null ? null
            : problems.attempt(f.value("pattern", true), f.pathOf("pattern"), () -> new Check.Pattern(column, regex));
      }
      case POSITIVE -> withColumn(f, Check.Positive::new);
      case NON_NEGATIVE -> withColumn(f, Check.NonNegative::new);
      case LENGTH -> {
        String column = f.string("column", true);
        Integer min = f.integer("min", false);
        Integer max = f.integer("max", false);
        yield column == null ? null : problems.attempt(node, at, () -> new Check.Length(column, min, max));
      }
      case ROW_COUNT -> new Check.RowCount();
      case FRESHNESS -> {
        String column = f.string("column", true);
        Duration maxAge = f.parse("maxAge", true, Durations::parse);
        yield column == null || maxAge == null ? null : new Check.Freshness(column, maxAge);
      }
      case RELATIONSHIP -> {
        String column = f.string("column", true);
        String references = f.string("references", true);
        yield column == null || references == null ? null
            : problems.attempt(f.value("references", true), f.pathOf("references"),
                () -> Check.Relationship.of(column, references));
      }
      case SQL -> {
        String query = f.string("query", true);
        yield query == null ? null : problems.attempt(node, at, () -> new Check.Sql(query));
      }
    };
  }

  private Check withColumn(Fields f, Function<String, Check> build) {
    String column = f.string("column", true);
    return column == null ? null : problems.attempt(f.value("column", true), f.pathOf("column"), () -> build.apply(column));
  }

  private Check unique(Fields f) {
    if (f.has("column") == f.has("columns")) {
      problems.error(f.node(), f.path(), "a unique rule needs exactly one of 'column' or 'columns'");
      return null;
    }
    List<String> columns = f.has("column") ? listOf(f.string("column", true)) : f.strings("columns", true);
    return columns == null ? null : problems.attempt(f.node(), f.path(), () -> new Check.Unique(columns));
  }

  private static List<String> listOf(String value) {
    return value == null ? null : List.of(value);
  }

  private Threshold threshold(Fields f) {
    List<String> given = THRESHOLDS.stream().filter(f::has).toList();
    if (given.size() > 1) {
      problems.error(f.value(given.get(1), false), f.pathOf(given.get(1)),
          "a rule has at most one threshold; found " + String.join(" and ", given));
      return null;
    }
    if (given.isEmpty()) {
      return null;
    }
    String key = given.get(0);
    Node value = f.value(key, true);
    if (key.equals("threshold")) {
      return f.parse(key, true, text -> new Threshold.Share(Percent.parse(text)));
    }
    if (key.endsWith("Between")) {
      List<BigDecimal> bounds = f.list(key, true, (item, at) -> f.number(item, at));
      if (bounds == null || bounds.size() != 2) {
        if (bounds != null) {
          problems.error(value, f.pathOf(key), "expected two numbers, like [0, 10]");
        }
        return null;
      }
      return problems.attempt(value, f.pathOf(key),
          () -> new Threshold.Between(key.startsWith("mustNot"), bounds.get(0), bounds.get(1)));
    }
    BigDecimal number = f.number(key, true);
    Threshold.Operator operator = Threshold.Operator.valueOf(
        key.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
    return number == null ? null : new Threshold.Compare(operator, number);
  }
}
