package dev.meshwork.duckdb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.duckdb.DuckDBAppender;

/**
 * A column of a JDBC result: its DuckDB type, from the result's metadata, and how its values are
 * read. Types without a DuckDB counterpart are read as text.
 */
record JdbcColumn(String name, String type, int scale) {

  static JdbcColumn of(ResultSetMetaData metadata, int i) throws SQLException {
    String typeName = metadata.getColumnTypeName(i) == null ? "" : metadata.getColumnTypeName(i).toLowerCase(Locale.ROOT);
    return new JdbcColumn(metadata.getColumnLabel(i), type(metadata, i, typeName), metadata.getScale(i));
  }

  private static String type(ResultSetMetaData metadata, int i, String typeName) throws SQLException {
    if (typeName.equals("uuid")) {
      return "UUID";
    }
    switch (metadata.getColumnType(i)) {
      case Types.BIT, Types.BOOLEAN:
        return "BOOLEAN";
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER:
        return "INTEGER";
      case Types.BIGINT:
        return "BIGINT";
      case Types.REAL:
        return "FLOAT";
      case Types.FLOAT, Types.DOUBLE:
        return "DOUBLE";
      case Types.NUMERIC, Types.DECIMAL:
        int precision = metadata.getPrecision(i);
        int scale = metadata.getScale(i);
        return precision >= 1 && precision <= 38 && scale >= 0 && scale <= precision
            ? "DECIMAL(" + precision + "," + scale + ")" : "DOUBLE";
      case Types.DATE:
        return "DATE";
      case Types.TIME:
        return "TIME";
      case Types.TIMESTAMP:
        return typeName.equals("timestamptz") ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return "TIMESTAMP WITH TIME ZONE";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB:
        return "BLOB";
      default:
        return typeName.startsWith("json") ? "JSON" : "VARCHAR";
    }
  }

  /** The value of this column in the current row of {@code result}, as the appender takes it. */
  Object read(ResultSet result, int i) throws SQLException {
    Object value = switch (type) {
      case "BOOLEAN" -> result.getBoolean(i);
      case "INTEGER" -> result.getInt(i);
      case "BIGINT" -> result.getLong(i);
      case "FLOAT" -> result.getFloat(i);
      case "DOUBLE" -> result.getDouble(i);
      case "DATE" -> result.getObject(i, LocalDate.class);
      case "TIME" -> result.getObject(i, LocalTime.class);
      case "TIMESTAMP" -> result.getObject(i, LocalDateTime.class);
      case "TIMESTAMP WITH TIME ZONE" -> result.getObject(i, OffsetDateTime.class);
      case "BLOB" -> result.getBytes(i);
      case "UUID" -> uuid(result.getObject(i));
      default -> type.startsWith("DECIMAL") ? decimal(result.getBigDecimal(i)) : result.getString(i);
    };
    return result.wasNull() ? null : value;
  }

  private BigDecimal decimal(BigDecimal value) {
    return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
  }

  private static UUID uuid(Object value) {
    return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
  }

  static void append(DuckDBAppender appender, Object value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else if (value instanceof Boolean v) {
      appender.append(v);
    } else if (value instanceof Integer v) {
      appender.append(v);
    } else if (value instanceof Long v) {
      appender.append(v);
    } else if (value instanceof Float v) {
      appender.append(v);
    } else if (value instanceof Double v) {
      appender.append(v);
    } else if (value instanceof BigDecimal v) {
      appender.append(v);
    } else if (value instanceof LocalDate v) {
      appender.append(v);
    } else if (value instanceof LocalTime v) {
      appender.append(v);
    } else if (value instanceof LocalDateTime v) {
      appender.append(v);
    } else if (value instanceof OffsetDateTime v) {
      appender.append(v);
    } else if (value instanceof UUID v) {
      appender.append(v);
    } else if (value instanceof byte[] v) {
      appender.append(v);
    } else {
      appender.append(value.toString());
    }
  }
}
