package dev.meshwork.spec.validate;

import dev.meshwork.spec.Column;
import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Input;
import dev.meshwork.spec.OutputPort;
import dev.meshwork.spec.Suggest;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Problem;
import dev.meshwork.spec.quality.Check;
import dev.meshwork.spec.quality.QualityRule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The checks a single data product must pass, whatever else is in the set. */
final class ProductChecks {

  private final LoadedResource loaded;
  private final DataProduct product;
  private final List<Problem> problems;

  ProductChecks(LoadedResource loaded, List<Problem> problems) {
    this.loaded = loaded;
    this.product = (DataProduct) loaded.resource();
    this.problems = problems;
  }

  void run() {
    columns();
    pii();
    partitionBy();
    for (int i = 0; i < product.spec().quality().size(); i++) {
      rule(product.spec().quality().get(i), "spec.quality[" + i + "]");
    }
    inputNames();
    ports();
  }

  private void columns() {
    Map<String, Integer> seen = new HashMap<>();
    List<Column> schema = product.spec().schema();
    for (int i = 0; i < schema.size(); i++) {
      Integer first = seen.putIfAbsent(schema.get(i).name(), i);
      if (first != null) {
        error("spec.schema[" + i + "].name", "duplicate column '" + schema.get(i).name()
            + "' (also spec.schema[" + first + "])");
      }
    }
  }

  private void pii() {
    List<Column> schema = product.spec().schema();
    boolean anyPii = false;
    for (int i = 0; i < schema.size(); i++) {
      Column column = schema.get(i);
      anyPii |= column.pii();
      if (column.pii() && column.protection() == null) {
        error("spec.schema[" + i + "]", "PII column '" + column.name()
            + "' needs a protection: encrypt, hash, mask (or none, which policies may forbid)");
      }
    }
    if (anyPii && !product.spec().containsPII()) {
      error("spec.containsPII", "containsPII must be true: the schema has PII columns ("
          + String.join(", ", schema.stream().filter(Column::pii).map(Column::name).toList()) + ")");
    }
    if (!anyPii && product.spec().containsPII()) {
      error("spec.containsPII", "containsPII is true but no column is marked pii: true");
    }
  }

  private void partitionBy() {
    String partitionBy = product.spec().transform().partitionBy();
    if (partitionBy == null) {
      return;
    }
    product.spec().column(partitionBy).ifPresentOrElse(column -> {
      if (!column.type().isComparable() || column.type().base() == ColumnType.Base.FLOAT32
          || column.type().base() == ColumnType.Base.FLOAT64) {
        error("spec.transform.partitionBy", "cannot partition by '" + partitionBy + "' of type " + column.type()
            + " (use a date, timestamp, string or integer column)");
      }
    }, () -> error("spec.transform.partitionBy", missingColumn(partitionBy)));
  }

  private void rule(QualityRule rule, String path) {
    Check check = rule.check();
    List<String> columns = check.columns();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      String at = check instanceof Check.Unique && columns.size() > 1 ? path + ".columns[" + i + "]" : path + ".column";
      product.spec().column(column).ifPresentOrElse(
          c -> suitable(check, c, at),
          () -> error(at, missingColumn(column)));
    }
  }

  private void suitable(Check check, Column column, String at) {
    switch (check.type()) {
      case PATTERN, LENGTH -> expect(check, column, at, ColumnType::isString, "a string column");
      case POSITIVE, NON_NEGATIVE, RANGE -> expect(check, column, at, ColumnType::isNumeric, "a numeric column");
      case FRESHNESS -> expect(check, column, at, ColumnType::isTemporal, "a date, timestamp or timestamptz column");
      case UNIQUE, ACCEPTED, RELATIONSHIP -> expect(check, column, at, ColumnType::isComparable,
          "a column whose values compare (not json or list)");
      default -> { }
    }
  }

  private void expect(Check check, Column column, String at, Predicate<ColumnType> ok, String expected) {
    if (!ok.test(column.type())) {
      error(at, "a " + check.type() + " rule needs " + expected + ", but '" + column.name() + "' is " + column.type());
    }
  }

  private void inputNames() {
    Set<String> seen = new HashSet<>();
    List<Input> inputs = product.spec().inputs();
    for (int i = 0; i < inputs.size(); i++) {
      if (!seen.add(inputs.get(i).name())) {
        error("spec.inputs[" + i + "]", "two inputs are named '" + inputs.get(i).name()
            + "'; give one a different name: the transform SQL refers to inputs by name");
      }
    }
  }

  private void ports() {
    Set<OutputPort.Type> seen = new HashSet<>();
    List<OutputPort> ports = product.spec().outputPorts();
    for (int i = 0; i < ports.size(); i++) {
      if (!seen.add(ports.get(i).type())) {
        error("spec.outputPorts[" + i + "].type", "a " + ports.get(i).type() + " port is declared twice");
      }
    }
  }

  private String missingColumn(String column) {
    List<String> names = product.spec().schema().stream().map(Column::name).toList();
    return "column '" + column + "' is not in the schema" + Suggest.hint(column, names)
        + " (columns: " + String.join(", ", names) + ")";
  }

  private void error(String path, String message) {
    problems.add(Problem.error(loaded.positionOf(path), path, message));
  }
}
