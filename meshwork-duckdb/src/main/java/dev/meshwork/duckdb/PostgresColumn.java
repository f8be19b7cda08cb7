package dev.meshwork.duckdb;

import java.util.Set;

/**
 * A PostgreSQL column and how it travels: the expression PostgreSQL's COPY writes as CSV, the type
 * DuckDB reads that text as, and the expression giving the DuckDB value. Types without a DuckDB
 * counterpart travel as PostgreSQL's text.
 */
record PostgresColumn(String name, String type, String copyExpression, String csvType, boolean arrayFromJson) {

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

  String loadExpression(String field) {
    if (arrayFromJson) {
      return "CAST(CAST(" + field + " AS JSON) AS " + type + ")";
    }
    return type.equals("BLOB") ? "unhex(" + field + ")" : field;
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
