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
 * Copies a PostgreSQL table into DuckDB: {@code COPY (SELECT ...) TO STDOUT} in the text format
 * into temporary chunk files, each loaded with {@code read_csv} and the column types taken from
 * PostgreSQL's catalog while PostgreSQL writes the next. (Measured faster than parsing the stream
 * into DuckDB's appender, than CSV, and than one file or a named pipe.)
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

  /** Chunk size measured fastest on two cores: small enough that loading starts early. */
  static final int CHUNK_BYTES = 16 << 20;

  private final DuckDbWorkspace workspace;
  private final DatabaseSource source;
  private final int chunkBytes;

  PostgresCopy(DuckDbWorkspace workspace, DatabaseSource source) {
    this(workspace, source, CHUNK_BYTES);
  }

  PostgresCopy(DuckDbWorkspace workspace, DatabaseSource source, int chunkBytes) {
    this.workspace = workspace;
    this.source = source;
    this.chunkBytes = chunkBytes;
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
      return copy(connection, columns, Sql.identifier(schema) + "." + Sql.identifier(name), target, progress);
    } catch (SQLException e) {
      throw SourceConnection.error(source, Sql.message(e));
    } catch (IOException e) {
      throw new EngineException("cannot copy source " + source.name() + " through a temporary file: " + e.getMessage(), e);
    }
  }

  /** Writes the rows into chunk files while a loader loads the finished ones; cleans up after any failure. */
  private long copy(Connection connection, List<PostgresColumn> columns, String table, Relation target,
                    LongConsumer progress) throws SQLException, IOException {
    List<Path> written = new ArrayList<>();
    ChunkLoader loader = new ChunkLoader((chunk, first) -> load(target, columns, chunk, first), "meshwork-ingest-" + target.name());
    boolean finished = false;
    try {
      long rows = copyOut(connection, columns, table, loader, written, progress);
      finished = true;
      try {
        loader.finish();
      } catch (SQLException e) {
        dropIfCreated(target, loader.created());
        throw new EngineException("cannot load source " + source.name() + " into " + target.name() + ": " + Sql.message(e), e);
      } catch (RuntimeException e) {
        dropIfCreated(target, loader.created());
        throw e;
      }
      progress.accept(rows);
      return rows;
    } finally {
      if (!finished) {
        dropIfCreated(target, loader.abandon());
      }
      for (Path chunk : written) {
        Files.deleteIfExists(chunk);
      }
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
    return Files.createTempFile(workspace.temp(), "ingest-", ".txt");
  }

  /**
   * Runs COPY in PostgreSQL's text format (cheaper to write than CSV) into chunk files of about
   * {@code chunkBytes}, each handed to the loader once complete; rows never straddle two chunks.
   */
  private long copyOut(Connection connection, List<PostgresColumn> columns, String table, ChunkLoader loader,
                       List<Path> written, LongConsumer progress) throws SQLException, IOException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE 'UTC'");
    }
    String select = columns.stream().map(PostgresColumn::copyExpression).collect(joining(", "));
    CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI()
        .copyOut("COPY (SELECT " + select + " FROM " + table + ") TO STDOUT");
    long rows = 0;
    try {
      Path chunk = temporaryFile();
      written.add(chunk);
      OutputStream out = new BufferedOutputStream(Files.newOutputStream(chunk), 1 << 16);
      try {
        long bytes = 0;
        for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
          if (bytes + row.length > chunkBytes && bytes > 0) {
            out.close();
            loader.handOver(chunk);
            chunk = temporaryFile();
            written.add(chunk);
            out = new BufferedOutputStream(Files.newOutputStream(chunk), 1 << 16);
            bytes = 0;
          }
          out.write(row);
          bytes += row.length;
          if (++rows % SourceConnection.PROGRESS_EVERY == 0) {
            progress.accept(rows);
          }
        }
      } finally {
        out.close();
      }
      loader.handOver(chunk);
    } catch (ChunkLoader.Stopped e) {
      // the loader failed: its failure is what finish() throws
    } finally {
      cancel(copy);
    }
    return rows;
  }

  /** Ends a COPY still running, after a failure on this side; its own failure stays the one reported. */
  private static void cancel(CopyOut copy) {
    if (copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException e) {
        // the failure that stopped the copy is what the user sees
      }
    }
  }

  private void load(Relation target, List<PostgresColumn> columns, Path chunk, boolean first) throws SQLException {
    List<String> types = new ArrayList<>();
    List<String> loads = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String field = "c" + i;
      types.add(Sql.literal(field) + ": " + Sql.literal(columns.get(i).readType()));
      loads.add(columns.get(i).loadExpression(field) + " AS " + Sql.identifier(columns.get(i).name()));
    }
    workspace.execute((first ? "CREATE TABLE " + target.sql() + " AS" : "INSERT INTO " + target.sql())
        + " SELECT " + String.join(", ", loads)
        + " FROM read_csv(" + Sql.literal(chunk.toString()) + ", header = false, auto_detect = false, delim = '\\t',"
        + " quote = '', escape = '', nullstr = '\\N', columns = {" + String.join(", ", types) + "})");
  }

  private void dropIfCreated(Relation target, boolean created) {
    if (created) {
      try {
        workspace.execute("DROP TABLE IF EXISTS " + target.sql());
      } catch (SQLException e) {
        // the load's own failure is what the user sees
      }
    }
  }
}
