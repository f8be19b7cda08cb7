package dev.meshwork.duckdb;

import static java.util.stream.Collectors.joining;

import dev.meshwork.core.spi.DatabaseSource;
import dev.meshwork.core.spi.EngineException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Copies a PostgreSQL table into DuckDB: {@code COPY (SELECT ...) TO STDOUT} as CSV into a
 * temporary file, then {@code read_csv} with the column types taken from PostgreSQL's catalog.
 * (Measured faster than parsing the stream into DuckDB's appender.)
 */
final class PostgresCopy {

  private static final String COLUMNS = """
      SELECT a.attname, t.typname, a.atttypmod, e.typname
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem AND t.typcategory = 'A'
      WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum""";

  private final DuckDbWorkspace workspace;
  private final DatabaseSource source;

  PostgresCopy(DuckDbWorkspace workspace, DatabaseSource source) {
    this.workspace = workspace;
    this.source = source;
  }

  long copy(Relation target, String table, LongConsumer progress) {
    try (Connection connection = SourceConnection.open(source)) {
      int dot = table.indexOf('.');
      String schema = dot >= 0 ? table.substring(0, dot) : source.schema() != null ? source.schema() : currentSchema(connection);
      String name = table.substring(dot + 1);
      List<PostgresColumn> columns = columns(connection, schema, name);
      if (columns.isEmpty()) {
        throw SourceConnection.error(source, "table " + schema + "." + name + " does not exist");
      }
      Path csv = temporaryFile();
      try {
        long rows = copyOut(connection, columns, Sql.identifier(schema) + "." + Sql.identifier(name), csv, progress);
        load(target, columns, csv);
        progress.accept(rows);
        return rows;
      } finally {
        Files.deleteIfExists(csv);
      }
    } catch (SQLException e) {
      throw SourceConnection.error(source, Sql.message(e));
    } catch (IOException e) {
      throw new EngineException("cannot copy source " + source.name() + " through a temporary file: " + e.getMessage(), e);
    }
  }

  private static String currentSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT current_schema()")) {
      result.next();
      return result.getString(1);
    }
  }

  private static List<PostgresColumn> columns(Connection connection, String schema, String table) throws SQLException {
    List<PostgresColumn> columns = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
      statement.setString(1, schema);
      statement.setString(2, table);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          columns.add(PostgresColumn.of(result.getString(1), result.getString(2), result.getInt(3), result.getString(4)));
        }
      }
    }
    return columns;
  }

  private Path temporaryFile() throws IOException {
    Files.createDirectories(workspace.temp());
    return Files.createTempFile(workspace.temp(), "ingest-", ".csv");
  }

  private static long copyOut(Connection connection, List<PostgresColumn> columns, String table, Path csv,
                              LongConsumer progress) throws SQLException, IOException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE 'UTC'");
    }
    String select = columns.stream().map(PostgresColumn::copyExpression).collect(joining(", "));
    CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI()
        .copyOut("COPY (SELECT " + select + " FROM " + table + ") TO STDOUT (FORMAT csv)");
    long rows = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16)) {
      for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
        out.write(row);
        if (++rows % SourceConnection.PROGRESS_EVERY == 0) {
          progress.accept(rows);
        }
      }
    }
    return rows;
  }

  private void load(Relation target, List<PostgresColumn> columns, Path csv) {
    List<String> types = new ArrayList<>();
    List<String> loads = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String field = "c" + i;
      types.add(Sql.literal(field) + ": " + Sql.literal(columns.get(i).csvType()));
      loads.add(columns.get(i).loadExpression(field) + " AS " + Sql.identifier(columns.get(i).name()));
    }
    try {
      workspace.execute("CREATE TABLE " + target.sql() + " AS SELECT " + String.join(", ", loads)
          + " FROM read_csv(" + Sql.literal(csv.toString()) + ", header = false, auto_detect = false, delim = ',',"
          + " quote = '\"', escape = '\"', allow_quoted_nulls = false, columns = {" + String.join(", ", types) + "})");
    } catch (SQLException e) {
      throw new EngineException("cannot load source " + source.name() + " into " + target.name() + ": " + Sql.message(e), e);
    }
  }
}
