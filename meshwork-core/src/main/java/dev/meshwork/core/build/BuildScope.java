package dev.meshwork.core.build;

import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.spi.TableStore.Replace;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.error.InvalidException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What one build rewrites: the whole table, the partitions its output holds, or a partition or a
 * range of them — and the filter that keeps the output within that range.
 */
record BuildScope(String description, Replace replace, String filter) {

  static BuildScope of(DataProduct product, BuildRequest request) {
    String partitionBy = product.spec().transform().partitionBy();
    boolean partial = request.partition() != null || request.from() != null;
    if (partitionBy == null) {
      if (partial) {
        throw new InvalidException("cannot build " + product.ref() + " by partition: it has no transform.partitionBy");
      }
      return new BuildScope("table", Replace.table(), null);
    }
    if (!partial) {
      return request.full() ? new BuildScope("table", Replace.table(), null)
          : new BuildScope("partitions", Replace.writtenPartitions(), null);
    }
    Column column = product.spec().column(partitionBy).orElseThrow(() -> new InvalidException(
        "cannot build " + product.ref() + ": partition column " + partitionBy + " is not in the schema"));
    String from = request.partition() != null ? request.partition() : request.from();
    String to = request.partition() != null ? request.partition() : request.to();
    String low = value(column, from);
    String high = value(column, to);
    String target = Sql.identifier(partitionBy);
    if (request.partition() != null) {
      return new BuildScope("partition " + from, Replace.range(from, to), target + " = " + low);
    }
    return new BuildScope("range " + from + ".." + to, Replace.range(from, to), target + " BETWEEN " + low + " AND " + high);
  }

  /** The transform's query, kept within the scope. */
  String wrap(String sql) {
    String query = Sql.bare(sql);
    return filter == null ? query : "SELECT * FROM (\n" + query + "\n) AS scoped WHERE " + filter;
  }

  private static String value(Column column, String text) {
    ColumnType.Base base = column.type().base();
    try {
      switch (base) {
        case DATE -> LocalDate.parse(text);
        case INT32 -> Integer.parseInt(text);
        case INT64 -> Long.parseLong(text);
        default -> { }
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new InvalidException("'" + text + "' is not a value of partition column " + column.name() + " (" + column.type()
          + (base == ColumnType.Base.DATE ? ", like 2026-11-20" : "") + ")");
    }
    return "CAST(" + Sql.literal(text) + " AS " + engineType(column.type()) + ")";
  }

  /** The engine's SQL name of a contract type, as written in a CAST. */
  static String engineType(ColumnType type) {
    return switch (type.base()) {
      case STRING, JSON -> "VARCHAR";
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case FLOAT32 -> "FLOAT";
      case FLOAT64 -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
      case TIMESTAMPTZ -> "TIMESTAMPTZ";
      case BYTES -> "BLOB";
      default -> type.base().name();
    };
  }
}
