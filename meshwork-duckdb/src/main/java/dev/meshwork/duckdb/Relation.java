package dev.meshwork.duckdb;

import dev.meshwork.spec.error.InvalidException;

/** A relation's name, {@code name} or {@code schema.name}; DuckDB's default schema is {@code main}. */
record Relation(String schema, String name) {

  static final String DEFAULT_SCHEMA = "main";

  static Relation parse(String relation) {
    if (relation == null || relation.isBlank()) {
      throw new InvalidException("a relation name is empty");
    }
    int dot = relation.indexOf('.');
    if (dot < 0) {
      return new Relation(DEFAULT_SCHEMA, relation);
    }
    if (dot == 0 || dot == relation.length() - 1 || relation.indexOf('.', dot + 1) >= 0) {
      throw new InvalidException("relation '" + relation + "' is not name or schema.name");
    }
    return new Relation(relation.substring(0, dot), relation.substring(dot + 1));
  }

  boolean inDefaultSchema() {
    return schema.equals(DEFAULT_SCHEMA);
  }

  String sql() {
    return Sql.identifier(schema) + "." + Sql.identifier(name);
  }
}
