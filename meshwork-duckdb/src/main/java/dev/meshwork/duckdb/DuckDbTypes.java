package dev.meshwork.duckdb;

import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.ColumnType.Base;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Contract types in DuckDB and back, and DuckDB's JDBC values as plain Java values. */
final class DuckDbTypes {

  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");
  private static final Map<String, Base> BASES = Map.ofEntries(
      Map.entry("VARCHAR", Base.STRING), Map.entry("BOOLEAN", Base.BOOLEAN), Map.entry("INTEGER", Base.INT32),
      Map.entry("BIGINT", Base.INT64), Map.entry("FLOAT", Base.FLOAT32), Map.entry("DOUBLE", Base.FLOAT64),
      Map.entry("DATE", Base.DATE), Map.entry("TIME", Base.TIME), Map.entry("TIMESTAMP", Base.TIMESTAMP),
      Map.entry("TIMESTAMP WITH TIME ZONE", Base.TIMESTAMPTZ), Map.entry("UUID", Base.UUID),
      Map.entry("BLOB", Base.BYTES), Map.entry("JSON", Base.JSON));

  private DuckDbTypes() {}

  static String of(ColumnType type) {
    return switch (type.base()) {
      case STRING -> "VARCHAR";
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case FLOAT32 -> "FLOAT";
      case FLOAT64 -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
      case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE";
      case BYTES -> "BLOB";
      case LIST -> of(type.element()) + "[]";
      default -> type.base().name();
    };
  }

  /** The contract type of a DuckDB type, or null when none matches. */
  static ColumnType contractType(String duckDbType) {
    if (duckDbType.endsWith("[]")) {
      ColumnType element = contractType(duckDbType.substring(0, duckDbType.length() - 2));
      return element == null ? null : ColumnType.listOf(element);
    }
    Matcher decimal = DECIMAL.matcher(duckDbType);
    if (decimal.matches()) {
      return ColumnType.decimal(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
    }
    Base base = BASES.get(duckDbType);
    return base == null ? null : ColumnType.of(base);
  }

  /** Column {@code i} of the current row as one of the types {@link dev.meshwork.core.spi.Rows} lists. */
  static Object value(ResultSet result, int i) throws SQLException {
    return switch (result.getMetaData().getColumnTypeName(i)) {
      case "TIMESTAMP" -> result.getObject(i, LocalDateTime.class);
      case "BLOB" -> result.getBytes(i);
      default -> value(result.getObject(i));
    };
  }

  /**
   * A value as a plain Java value. List elements come as DuckDB's JDBC driver makes them: their
   * timestamps as {@link Timestamp}s of the JVM's time zone.
   */
  private static Object value(Object value) throws SQLException {
    if (value instanceof OffsetDateTime time) {
      return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (value instanceof Byte || value instanceof Short) {
      return ((Number) value).intValue();
    }
    if (value instanceof Float number) {
      return Double.valueOf(number.toString());
    }
    if (value instanceof BigInteger number) {
      return new BigDecimal(number);
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    if (value instanceof Blob blob) {
      return blob.getBytes(1, (int) blob.length());
    }
    if (value instanceof Array array) {
      List<Object> list = new ArrayList<>();
      for (Object element : (Object[]) array.getArray()) {
        list.add(value(element));
      }
      return list;
    }
    return value == null || value instanceof Number || value instanceof Boolean || value instanceof String
        || value instanceof UUID || value instanceof Temporal || value instanceof byte[] ? value : value.toString();
  }
}
