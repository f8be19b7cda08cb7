package dev.meshwork.examples;

import dev.meshwork.spec.Column;
import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.quality.QualityRule;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks a built product against its contract: the schema's columns, types and constraints, then every quality rule. */
final class Audit {

  static final String TABLE = "built_product";

  private final Connection duck;
  private final DataProduct product;
  private final String ref;
  private final List<Outcome> outcomes = new ArrayList<>();

  private Audit(Connection duck, DataProduct product) {
    this.duck = duck;
    this.product = product;
    this.ref = product.ref().toString();
  }

  static List<Outcome> of(Connection duck, DataProduct product, Instant buildTime, Inputs inputs) throws SQLException {
    Audit audit = new Audit(duck, product);
    audit.schema();
    Rules rules = new Rules(duck, buildTime, inputs);
    for (QualityRule rule : product.spec().quality()) {
      Rules.Result result = rules.check(rule);
      audit.outcomes.add(new Outcome(audit.ref, rule.displayName(), rule.blocking(), result.passed(), result.detail()));
    }
    return audit.outcomes;
  }

  private void schema() throws SQLException {
    Map<String, String> actual = new LinkedHashMap<>();
    try (Statement statement = duck.createStatement(); ResultSet rows = statement.executeQuery("DESCRIBE " + TABLE)) {
      while (rows.next()) {
        actual.put(rows.getString("column_name"), rows.getString("column_type"));
      }
    }
    List<Column> columns = product.spec().schema();
    List<String> expected = columns.stream().map(Column::name).toList();
    add("schema columns", expected.equals(List.copyOf(actual.keySet())), "expected " + expected + ", got " + actual.keySet());
    Map<String, String> wanted = columns.stream().collect(Collectors.toMap(Column::name, c -> duckType(c.type()),
        (a, b) -> a, LinkedHashMap::new));
    add("schema types", wanted.equals(actual), "expected " + wanted + ", got " + actual);
    for (Column column : columns) {
      String name = "\"" + column.name() + "\"";
      if (column.required()) {
        long nulls = count("SELECT count(*) FROM " + TABLE + " WHERE " + name + " IS NULL");
        add(column.name() + " required", nulls == 0, nulls + " nulls");
      }
      if (column.unique()) {
        long duplicates = count("SELECT count(" + name + ") - count(DISTINCT " + name + ") FROM " + TABLE);
        add(column.name() + " unique", duplicates == 0, duplicates + " duplicates");
      }
      if (!column.enumValues().isEmpty()) {
        long others = count("SELECT count(*) FROM " + TABLE + " WHERE CAST(" + name + " AS VARCHAR) NOT IN ("
            + Rules.literals(column.enumValues()) + ")");
        add(column.name() + " enum", others == 0, others + " values outside " + column.enumValues());
      }
    }
  }

  private void add(String check, boolean passed, String detail) {
    outcomes.add(new Outcome(ref, check, true, passed, detail));
  }

  private long count(String sql) throws SQLException {
    try (Statement statement = duck.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static String duckType(ColumnType type) {
    return switch (type.base()) {
      case STRING -> "VARCHAR";
      case BOOLEAN -> "BOOLEAN";
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case FLOAT32 -> "FLOAT";
      case FLOAT64 -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> "TIMESTAMP";
      case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE";
      case UUID -> "UUID";
      case BYTES -> "BLOB";
      case JSON -> "JSON";
      case LIST -> duckType(type.element()) + "[]";
    };
  }
}
