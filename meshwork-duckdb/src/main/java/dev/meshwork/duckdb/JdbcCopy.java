package dev.meshwork.duckdb;

import static java.util.stream.Collectors.joining;

import dev.meshwork.core.spi.DatabaseSource;
import dev.meshwork.core.spi.EngineException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBAppender;

/**
 * Copies a table of any JDBC database into DuckDB: a plain {@code SELECT *} read in batches and
 * loaded through DuckDB's appender, with types from the result's metadata.
 */
final class JdbcCopy {

  private static final int FETCH_SIZE = 10_000;

  private final DuckDbWorkspace workspace;
  private final DatabaseSource source;

  JdbcCopy(DuckDbWorkspace workspace, DatabaseSource source) {
    this.workspace = workspace;
    this.source = source;
  }

  long copy(Relation target, String table, LongConsumer progress) {
    try (Connection connection = SourceConnection.open(source)) {
      connection.setAutoCommit(false);
      String quoted = find(connection, table);
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(FETCH_SIZE);
        try (ResultSet result = statement.executeQuery("SELECT * FROM " + quoted)) {
          return load(target, result, progress);
        }
      }
    } catch (SQLException e) {
      throw SourceConnection.error(source, Sql.message(e));
    }
  }

  /** The table's quoted name, looked up as written and in upper and lower case as databases fold names. */
  private String find(Connection connection, String table) throws SQLException {
    int dot = table.indexOf('.');
    String schema = dot >= 0 ? table.substring(0, dot) : source.schema() != null ? source.schema() : connection.getSchema();
    String name = table.substring(dot + 1);
    DatabaseMetaData metadata = connection.getMetaData();
    String escape = metadata.getSearchStringEscape();
    for (String schemaCase : spellings(schema)) {
      for (String nameCase : spellings(name)) {
        try (ResultSet tables = metadata.getTables(null, pattern(schemaCase, escape), pattern(nameCase, escape), null)) {
          if (tables.next()) {
            String quote = metadata.getIdentifierQuoteString().strip();
            String found = quote + tables.getString("TABLE_NAME").replace(quote, quote + quote) + quote;
            String foundSchema = tables.getString("TABLE_SCHEM");
            return foundSchema == null ? found : quote + foundSchema.replace(quote, quote + quote) + quote + "." + found;
          }
        }
      }
    }
    throw SourceConnection.error(source, "table " + SourceConnection.qualified(schema, name) + " does not exist");
  }

  private static Set<String> spellings(String name) {
    Set<String> spellings = new LinkedHashSet<>();
    spellings.add(name);
    if (name != null) {
      spellings.add(name.toUpperCase(Locale.ROOT));
      spellings.add(name.toLowerCase(Locale.ROOT));
    }
    return spellings;
  }

  private static String pattern(String name, String escape) {
    return name == null || escape == null || escape.isEmpty() ? name
        : name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }

  private long load(Relation target, ResultSet result, LongConsumer progress) throws SQLException {
    ResultSetMetaData metadata = result.getMetaData();
    List<JdbcColumn> columns = new ArrayList<>();
    for (int i = 1; i <= metadata.getColumnCount(); i++) {
      columns.add(JdbcColumn.of(metadata, i));
    }
    createTable(target, columns);
    long rows = 0;
    Object[] values = new Object[columns.size()];
    DuckDBAppender appender = appender(target);
    try {
      while (result.next()) {
        for (int i = 0; i < values.length; i++) {
          values[i] = columns.get(i).read(result, i + 1);
        }
        append(appender, target, values);
        if (++rows % SourceConnection.PROGRESS_EVERY == 0) {
          progress.accept(rows);
        }
      }
    } finally {
      close(appender, target);
    }
    progress.accept(rows);
    return rows;
  }

  private void createTable(Relation target, List<JdbcColumn> columns) {
    try {
      workspace.execute("CREATE TABLE " + target.sql() + " ("
          + columns.stream().map(c -> Sql.identifier(c.name()) + " " + c.type()).collect(joining(", ")) + ")");
    } catch (SQLException e) {
      throw Sql.error(e);
    }
  }

  private DuckDBAppender appender(Relation target) {
    try {
      return workspace.connection().createAppender(target.schema(), target.name());
    } catch (SQLException e) {
      throw loadError(target, e);
    }
  }

  private void append(DuckDBAppender appender, Relation target, Object[] values) {
    try {
      appender.beginRow();
      for (Object value : values) {
        JdbcColumn.append(appender, value);
      }
      appender.endRow();
    } catch (SQLException e) {
      throw loadError(target, e);
    }
  }

  private void close(DuckDBAppender appender, Relation target) {
    try {
      appender.close();
    } catch (SQLException e) {
      throw loadError(target, e);
    }
  }

  private EngineException loadError(Relation target, SQLException e) {
    return new EngineException("cannot load source " + source.name() + " into " + target.name() + ": " + Sql.message(e), e);
  }
}
