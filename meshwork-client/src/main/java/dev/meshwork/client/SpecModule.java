package dev.meshwork.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.Durations;
import dev.meshwork.spec.Input;
import dev.meshwork.spec.Percent;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Sla;
import dev.meshwork.spec.quality.Check;
import dev.meshwork.spec.quality.RuleType;
import dev.meshwork.spec.quality.Threshold;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the parts of a contract the server writes in a form of their own: products, column types
 * and durations as text, quality checks as their rule name and fields, and the few sealed types
 * (inputs, thresholds, freshness) by the fields each kind has. Every other part of a contract is a
 * record Jackson reads by its components.
 */
final class SpecModule {

  private SpecModule() {}

  static SimpleModule create() {
    return new SimpleModule("meshwork-spec")
        .addDeserializer(ProductRef.class, tree(SpecModule::product))
        .addDeserializer(ColumnType.class, tree(node -> ColumnType.parse(node.asText())))
        .addDeserializer(Duration.class, tree(node -> Durations.parse(node.asText())))
        .addDeserializer(Input.class, tree(SpecModule::input))
        .addDeserializer(Check.class, tree(SpecModule::check))
        .addDeserializer(Threshold.class, tree(SpecModule::threshold))
        .addDeserializer(Sla.Freshness.class, tree(SpecModule::freshness));
  }

  /** A deserializer that reads the value's JSON tree and builds the value from it. */
  private static <T> JsonDeserializer<T> tree(Function<JsonNode, T> build) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return build.apply(parser.readValueAsTree());
      }
    };
  }

  /** {@code shop.sales}, or the record's fields as a check's own fields write it. */
  private static ProductRef product(JsonNode node) {
    return node.isObject() ? new ProductRef(text(node, "domain"), text(node, "name")) : ProductRef.parse(node.asText());
  }

  private static Input input(JsonNode node) {
    if (node.hasNonNull("product")) {
      return new Input.FromProduct(text(node, "name"), product(node.get("product")), text(node, "version"));
    }
    return new Input.FromSource(text(node, "name"), text(node, "source"), texts(node, "tables"));
  }

  private static Threshold threshold(JsonNode node) {
    if (node.hasNonNull("operator")) {
      return new Threshold.Compare(operator(text(node, "operator")), decimal(node, "value"));
    }
    if (node.hasNonNull("atLeast")) {
      return new Threshold.Share(new Percent(decimal(node.get("atLeast"), "value")));
    }
    return new Threshold.Between(node.path("negated").asBoolean(), decimal(node, "low"), decimal(node, "high"));
  }

  private static Threshold.Operator operator(String text) {
    for (Threshold.Operator operator : Threshold.Operator.values()) {
      if (operator.name().equals(text) || operator.toString().equals(text)) {
        return operator;
      }
    }
    throw new IllegalArgumentException("unknown threshold operator '" + text + "'");
  }

  private static Sla.Freshness freshness(JsonNode node) {
    if (node.hasNonNull("maxAge")) {
      return new Sla.MaxAge(Durations.parse(text(node, "maxAge")));
    }
    return new Sla.DailyBy(LocalTime.parse(text(node, "time")), ZoneId.of(text(node, "zone")));
  }

  private static Check check(JsonNode node) {
    String column = text(node, "column");
    switch (RuleType.parse(text(node, "rule"))) {
      case NOT_NULL:
        return new Check.NotNull(column);
      case UNIQUE:
        return new Check.Unique(texts(node, "columns"));
      case ACCEPTED:
        return new Check.Accepted(column, texts(node, "values"));
      case RANGE:
        return new Check.Range(column, decimal(node, "min"), decimal(node, "max"));
      case PATTERN:
        return new Check.Pattern(column, text(node, "regex"));
      case POSITIVE:
        return new Check.Positive(column);
      case NON_NEGATIVE:
        return new Check.NonNegative(column);
      case LENGTH:
        return new Check.Length(column, integer(node, "min"), integer(node, "max"));
      case ROW_COUNT:
        return new Check.RowCount();
      case FRESHNESS:
        return new Check.Freshness(column, Durations.parse(text(node, "maxAge")));
      case RELATIONSHIP:
        return new Check.Relationship(column, product(node.get("product")), text(node, "referencedColumn"));
      case SQL:
      default:
        return new Check.Sql(text(node, "query"));
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> texts(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    node.path(field).forEach(value -> values.add(value.asText()));
    return values;
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.decimalValue();
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.intValue();
  }
}
