package dev.meshwork.duckdb;

import java.util.Set;

/**
 * A PostgreSQL column and how it travels: the expression PostgreSQL's COPY writes in its text
 * format, the type DuckDB reads that field as, and the expression giving the DuckDB value. Types
 * without a DuckDB counterpart travel as PostgreSQL's text.
 */
record PostgresColumn(String name, String type, String copyExpression, String fieldType, boolean arrayFromJson) {

  /** COPY's text format escapes a backslash and these control characters, as backslash and letter. */
  private static final String[][] ESCAPES = {{"b", "8"}, {"f", "12"}, {"n", "10"}, {"r", "13"}, {"t", "9"}, {"v", "11"}};

  /** Element types of arrays read as DuckDB lists; other arrays stay PostgreSQL's text. */
  private static final Set<String> LIST_ELEMENTS = Set.of("BOOLEAN", "INTEGER", "BIGINT", "FLOAT", "DOUBLE",
      "VARCHAR", "UUID", "DATE");

  static PostgresColumn of(String name, String pgType, int typmod, String pgElement) {
    String column = Sql.identifier(name);
    if (pgElement != null) {
      String element = scalar(pgElement, typmod);
      if (LIST_ELEMENTS.contains(element) || element.startsWith("DECIMAL")) {
        return new PostgresColumn(name, element + "[]", "array_to_json(" + column + ")::text", "VARCHAR", true);
      }
      return new PostgresColumn(name, "VARCHAR", column, "VARCHAR", false);
    }
    String type = scalar(pgType, typmod);
    return type.equals("BLOB")
        ? new PostgresColumn(name, type, "encode(" + column + ", 'hex')", "VARCHAR", false)
        : new PostgresColumn(name, type, column, type, false);
  }

  /** The type DuckDB reads the field as: text that may hold escapes as VARCHAR. */
  String readType() {
    return textual() ? "VARCHAR" : fieldType;
  }

  String loadExpression(String field) {
    String value = textual() ? unescaped(field) : field;
    if (arrayFromJson) {
      return "CAST(CAST(" + value + " AS JSON) AS " + type + ")";
    }
    if (type.equals("BLOB")) {
      return "unhex(" + value + ")";
    }
    return fieldType.equals("JSON") ? "CAST(" + value + " AS JSON)" : value;
  }

  private boolean textual() {
    return fieldType.equals("VARCHAR") || fieldType.equals("JSON");
  }

  /**
   * Undoes COPY's escapes where the field has a backslash: an escaped backslash becomes NUL, which
   * PostgreSQL's text never holds, while the other escapes are replaced, then NUL a backslash again.
   */
  private static String unescaped(String field) {
    String value = "replace(" + field + ", '\\\\', chr(0))";
    for (String[] escape : ESCAPES) {
      value = "replace(" + value + ", '\\" + escape[0] + "', chr(" + escape[1] + "))";
    }
    return "CASE WHEN contains(" + field + ", '\\') THEN replace(" + value + ", chr(0), '\\') ELSE " + field + " END";
  }

  private static String scalar(String pgType, int typmod) {
    return switch (pgType) {
      case "bool" -> "BOOLEAN";
      case "int2", "int4" -> "INTEGER";
      case "int8" -> "BIGINT";
      case "float4" -> "FLOAT";
      case "float8" -> "DOUBLE";
      case "numeric" -> decimal(typmod);
      case "uuid" -> "UUID";
      case "date" -> "DATE";
      case "time" -> "TIME";
      case "timestamp" -> "TIMESTAMP";
      case "timestamptz" -> "TIMESTAMP WITH TIME ZONE";
      case "json", "jsonb" -> "JSON";
      case "bytea" -> "BLOB";
      default -> "VARCHAR";
    };
  }

  /** numeric(p,s) within DuckDB's 38 digits as DECIMAL(p,s); unconstrained or wider numerics as DOUBLE. */
  private static String decimal(int typmod) {
    if (typmod < 4) {
      return "DOUBLE";
    }
    int precision = ((typmod - 4) >> 16) & 0xffff;
    int scale = (typmod - 4) & 0xffff;
    return precision <= 38 && scale <= precision ? "DECIMAL(" + precision + "," + scale + ")" : "DOUBLE";
  }
}
