package dev.meshwork.duckdb;

import static java.util.stream.Collectors.joining;

import dev.meshwork.core.spi.DataFile;
import dev.meshwork.core.spi.DatabaseSource;
import dev.meshwork.core.spi.EngineColumn;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.Rows;
import dev.meshwork.core.spi.Workspace;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** A workspace on an in-memory DuckDB database of its own, on one connection. */
final class DuckDbWorkspace implements Workspace {

  private final DuckDBConnection connection;
  private final Path temp;
  private final Path spill;
  private final List<Path> attached = new ArrayList<>();
  private volatile Statement running;

  DuckDbWorkspace(DuckDBConnection connection, Path temp, Path spill) {
    this.connection = connection;
    this.temp = temp;
    this.spill = spill;
  }

  @Override
  public void attachFiles(String relation, Source.Format format, String glob, Source.Csv csv) {
    Relation target = Relation.parse(relation);
    if (longValue("SELECT count(*) FROM glob(" + Sql.literal(glob) + ")") == 0) {
      throw new InvalidException("no files match " + glob);
    }
    Source.Csv options = csv != null ? csv : Source.Csv.defaults();
    String files = Sql.literal(glob);
    String reader = switch (format) {
      case CSV -> "read_csv(" + files + ", header = " + options.header() + ", delim = "
          + Sql.literal(options.delimiter()) + ", union_by_name = true)";
      case PARQUET -> "read_parquet(" + files + ", union_by_name = true)";
      case JSON -> "read_json(" + files + ", union_by_name = true)";
    };
    try {
      createSchema(target);
      execute("CREATE VIEW " + target.sql() + " AS SELECT * FROM " + reader);
    } catch (SQLException e) {
      throw new InvalidException("cannot read " + glob + ": " + Sql.message(e));
    }
  }

  @Override
  public void attachParquet(String relation, List<Path> files, List<Column> columns) {
    Relation target = Relation.parse(relation);
    try {
      createSchema(target);
      if (files.isEmpty()) {
        execute("CREATE TABLE " + target.sql() + " ("
            + columns.stream().map(c -> Sql.identifier(c.name()) + " " + DuckDbTypes.of(c.type())).collect(joining(", "))
            + ")");
        return;
      }
      attached.addAll(files);
      String reader = "read_parquet([" + files.stream().map(f -> Sql.literal(f.toString())).collect(joining(", "))
          + "], union_by_name = true)";
      execute("CREATE VIEW " + target.sql() + " AS SELECT " + projection(reader, columns) + " FROM " + reader);
    } catch (SQLException e) {
      throw new EngineException("cannot read the Parquet files of " + relation + ": " + Sql.message(e), e);
    }
  }

  /** The contract's columns, as null where no file has them yet; all columns without a contract. */
  private String projection(String reader, List<Column> columns) throws SQLException {
    if (columns.isEmpty()) {
      return "*";
    }
    Set<String> stored = new HashSet<>();
    try (Statement statement = connection.createStatement();
         ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + reader)) {
      while (described.next()) {
        stored.add(described.getString(1));
      }
    }
    return columns.stream()
        .map(c -> stored.contains(c.name()) ? Sql.identifier(c.name())
            : "CAST(NULL AS " + DuckDbTypes.of(c.type()) + ") AS " + Sql.identifier(c.name()))
        .collect(joining(", "));
  }

  @Override
  public long ingest(String relation, DatabaseSource source, String table, LongConsumer progress) {
    Relation target = Relation.parse(relation);
    try {
      createSchema(target);
    } catch (SQLException e) {
      throw Sql.error(e);
    }
    return source.kind() == DatabaseSource.Kind.POSTGRES
        ? new PostgresCopy(this, source).copy(target, table, progress)
        : new JdbcCopy(this, source).copy(target, table, progress);
  }

  @Override
  public long materialize(String relation, String sql) {
    Relation target = Relation.parse(relation);
    try {
      createSchema(target);
      execute("CREATE TABLE " + target.sql() + " AS\n" + sql + "\n");
    } catch (SQLException e) {
      throw Sql.error(e);
    }
    return longValue("SELECT count(*) FROM " + target.sql());
  }

  @Override
  public void view(String relation, String sql) {
    Relation target = Relation.parse(relation);
    try {
      createSchema(target);
      execute("CREATE VIEW " + target.sql() + " AS\n" + sql + "\n");
    } catch (SQLException e) {
      throw Sql.error(e);
    }
  }

  /** Through DuckDB's appender, into a table of VARCHAR columns. */
  @Override
  public long load(String relation, List<String> columns, Iterator<Object[]> rows) {
    Relation target = Relation.parse(relation);
    long count = 0;
    try {
      createSchema(target);
      execute("CREATE TABLE " + target.sql() + " ("
          + columns.stream().map(c -> Sql.identifier(c) + " VARCHAR").collect(joining(", ")) + ")");
      try (DuckDBAppender appender = connection.createAppender(target.schema(), target.name())) {
        while (rows.hasNext()) {
          Object[] row = rows.next();
          if (row.length != columns.size()) {
            throw new InvalidException("cannot load rows into " + relation + ": a row has " + row.length
                + " values for " + columns.size() + " columns");
          }
          appender.beginRow();
          for (Object value : row) {
            if (value == null) {
              appender.appendNull();
            } else {
              appender.append(value.toString());
            }
          }
          appender.endRow();
          count++;
        }
      }
    } catch (SQLException e) {
      throw Sql.error(e);
    }
    return count;
  }

  @Override
  public List<EngineColumn> columns(String relation) {
    Relation target = Relation.parse(relation);
    List<EngineColumn> columns = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement("""
        SELECT column_name, data_type FROM information_schema.columns
        WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position""")) {
      statement.setString(1, target.schema());
      statement.setString(2, target.name());
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          columns.add(new EngineColumn(result.getString(1), result.getString(2), DuckDbTypes.contractType(result.getString(2))));
        }
      }
    } catch (SQLException e) {
      throw Sql.error(e);
    }
    if (columns.isEmpty()) {
      throw new InvalidException("relation " + relation + " does not exist");
    }
    return columns;
  }

  /**
   * Runs the query with a LIMIT around it, so that DuckDB computes no more rows than needed (its
   * JDBC driver keeps a whole result in memory, and loses error messages when it streams). The
   * column names are the query's own, as a subquery would rename duplicates. Statements that
   * cannot be a subquery (PRAGMA, a comment after the semicolon) run as given.
   */
  @Override
  public Rows query(String sql, int maxRows) {
    return query(sql, maxRows, null);
  }

  @Override
  public Rows query(String sql, int maxRows, Duration limit) {
    try (Deadline deadline = Deadline.start(limit)) {
      deadline.watch(this::cancelRunning);
      try {
        return limitedQuery(sql, maxRows);
      } catch (RuntimeException e) {
        if (deadline.passed()) {
          throw new InvalidException("cannot run the query: it ran longer than its time limit of "
              + limit.toSeconds() + " s; narrow it down or aggregate first");
        }
        throw e;
      }
    }
  }

  private Rows limitedQuery(String sql, int maxRows) {
    List<String> names = new ArrayList<>();
    try (PreparedStatement prepared = connection.prepareStatement(sql)) {
      ResultSetMetaData metadata = prepared.getMetaData();
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        names.add(metadata.getColumnName(i));
      }
    } catch (SQLException e) {
      throw Sql.error(e);
    }
    String limited = "SELECT * FROM (\n" + sql.strip().replaceAll(";+$", "") + "\n) LIMIT " + (maxRows + 1L);
    try {
      return rows(limited, names, maxRows);
    } catch (SQLException e) {
      if (!Sql.isCompileError(e)) {
        throw Sql.error(e);
      }
    }
    try {
      return rows(sql, names, maxRows);
    } catch (SQLException e) {
      throw Sql.error(e);
    }
  }

  @Override
  public List<String> readRelations(String sql) {
    return QueryGuard.relations(connection, sql);
  }

  @Override
  public void seal() {
    String paths = attached.stream().map(f -> Sql.literal(f.toString())).collect(joining(", "));
    try {
      if (!attached.isEmpty()) {
        execute("SET allowed_paths = [" + paths + "]");
      }
      execute("SET allowed_directories = [" + Sql.literal(spill.toString()) + "]");
      execute("SET enable_external_access = false");
      execute("SET lock_configuration = true");
    } catch (SQLException e) {
      throw new EngineException("cannot seal the workspace: " + Sql.message(e), e);
    }
  }

  private Rows rows(String sql, List<String> names, int maxRows) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      running = statement;
      try (ResultSet result = statement.executeQuery(sql)) {
        return read(result, names, maxRows);
      } finally {
        running = null;
      }
    }
  }

  private static Rows read(ResultSet result, List<String> names, int maxRows) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    boolean more = false;
    while (result.next()) {
      if (rows.size() == maxRows) {
        more = true;
        break;
      }
      List<Object> row = new ArrayList<>(names.size());
      for (int i = 1; i <= names.size(); i++) {
        row.add(DuckDbTypes.value(result, i));
      }
      rows.add(Collections.unmodifiableList(row));
    }
    return new Rows(names, rows, more);
  }

  /** Cancels the statement running now, if any; called from the deadline's thread. */
  private void cancelRunning() {
    Statement statement = running;
    if (statement == null) {
      return;
    }
    try {
      statement.cancel();
    } catch (SQLException e) {
      // the statement ended meanwhile: nothing to cancel
    }
  }

  @Override
  public List<DataFile> writeParquet(String relation, Path directory, String partitionColumn, Map<String, Integer> fieldIds) {
    return new ParquetOutput(this).write(Relation.parse(relation), directory, partitionColumn, fieldIds);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new EngineException("cannot close a DuckDB workspace: " + Sql.message(e), e);
    } finally {
      delete(spill);
    }
  }

  private static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new EngineException("cannot delete " + directory + ": " + e.getMessage(), e);
    }
  }

  DuckDBConnection connection() {
    return connection;
  }

  Path temp() {
    return temp;
  }

  void createSchema(Relation relation) throws SQLException {
    if (!relation.inDefaultSchema()) {
      execute("CREATE SCHEMA IF NOT EXISTS " + Sql.identifier(relation.schema()));
    }
  }

  /** Runs a statement on a statement of its own: DuckDB closes a statement after an error. */
  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  long longValue(String sql) {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw Sql.error(e);
    }
  }
}
