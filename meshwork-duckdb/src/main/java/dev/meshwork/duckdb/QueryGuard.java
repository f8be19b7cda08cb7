package dev.meshwork.duckdb;

import dev.meshwork.spec.error.InvalidException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a consumer's SQL with DuckDB's own parser ({@code json_serialize_sql}): it must be one
 * SELECT, and every relation it reads must be named {@code schema.name} (or be one of its own
 * common table expressions). Table functions other than a few that only make values are refused,
 * and so are file names used as tables; the sealed workspace refuses them too.
 */
final class QueryGuard {

  private static final Set<String> VALUE_FUNCTIONS = Set.of("range", "generate_series", "unnest");

  private static final String PARSE = "SELECT json_serialize_sql(?::VARCHAR)";

  private static final String RELATIONS = """
      SELECT j.value ->> 'type',
             coalesce(j.value ->> 'catalog_name', ''),
             coalesce(j.value ->> 'schema_name', ''),
             coalesce(j.value ->> 'table_name', j.value -> 'function' ->> 'function_name', '')
      FROM json_tree(?::JSON) j
      WHERE json_type(j.value) = 'OBJECT' AND j.value ->> 'type' IN ('BASE_TABLE', 'TABLE_FUNCTION')
      """;

  private static final String CTES = """
      SELECT lower(j.value ->> 'key')
      FROM json_tree(?::JSON) j
      WHERE json_type(j.value) = 'OBJECT' AND regexp_matches(j.path, '\\.cte_map\\.map$')
      """;

  private static final String CHECK = """
      SELECT ?::JSON ->> 'error_message', json_array_length(?::JSON -> 'statements')
      """;

  private QueryGuard() {}

  static List<String> relations(Connection connection, String sql) {
    try {
      String tree = parse(connection, sql);
      Set<String> ctes = new LinkedHashSet<>();
      try (PreparedStatement statement = connection.prepareStatement(CTES)) {
        statement.setString(1, tree);
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            ctes.add(result.getString(1));
          }
        }
      }
      Set<String> relations = new LinkedHashSet<>();
      try (PreparedStatement statement = connection.prepareStatement(RELATIONS)) {
        statement.setString(1, tree);
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            String name = result.getString(4).toLowerCase(Locale.ROOT);
            if ("TABLE_FUNCTION".equals(result.getString(1))) {
              if (!VALUE_FUNCTIONS.contains(name)) {
                throw refused("it calls " + name + "(), and queries read products only, not files or other sources");
              }
              continue;
            }
            String catalog = result.getString(2).toLowerCase(Locale.ROOT);
            String schema = result.getString(3).toLowerCase(Locale.ROOT);
            if (schema.isEmpty()) {
              if (!ctes.contains(name)) {
                throw refused("it reads '" + result.getString(4) + "', which is not a product: name products as domain.name");
              }
              continue;
            }
            if (!catalog.isEmpty() && !catalog.equals("memory")) {
              throw refused("it reads " + catalog + "." + schema + "." + name + ": name products as domain.name");
            }
            relations.add(schema + "." + name);
          }
        }
      }
      return new ArrayList<>(relations);
    } catch (SQLException e) {
      throw new InvalidException("cannot run the query: " + Sql.message(e));
    }
  }

  /** The query's syntax tree as DuckDB serializes it; refuses anything but one SELECT. */
  private static String parse(Connection connection, String sql) throws SQLException {
    String tree;
    try (PreparedStatement statement = connection.prepareStatement(PARSE)) {
      statement.setString(1, sql);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        tree = result.getString(1);
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(CHECK)) {
      statement.setString(1, tree);
      statement.setString(2, tree);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        String error = result.getString(1);
        if (error != null) {
          throw refused(error.startsWith("Only SELECT")
              ? "only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed"
              : error);
        }
        if (result.getInt(2) != 1) {
          throw refused("it holds " + result.getInt(2) + " statements; send one query at a time");
        }
      }
    }
    return tree;
  }

  private static InvalidException refused(String why) {
    return new InvalidException("cannot run the query: " + why);
  }
}
