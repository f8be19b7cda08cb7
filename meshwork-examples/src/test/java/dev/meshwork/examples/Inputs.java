package dev.meshwork.examples;

import dev.meshwork.spec.Input;
import dev.meshwork.spec.Source;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Makes a product's inputs relations of a DuckDB connection, as the platform will: a source
 * input's tables as {@code name.table} (PostgreSQL tables copied out as CSV with their column
 * types; a file source's files read with its format), a product input as {@code name} holding
 * the upstream product's rows.
 */
final class Inputs {

  /** The databases of the postgres sources, whose {@code url} is a secret reference. */
  static final Map<String, String> DATABASES = Map.of("orders-db", "orders", "crm", "crm");

  private static final Map<String, String> PG_TYPES = Map.of(
      "uuid", "UUID", "text", "VARCHAR", "bpchar", "VARCHAR", "varchar", "VARCHAR", "int4", "INTEGER",
      "int8", "BIGINT", "timestamptz", "TIMESTAMPTZ", "timestamp", "TIMESTAMP", "date", "DATE");

  private final Map<String, SourceFile> files;
  private final String serverUrl;
  private final Path work;
  private final Path built;

  /** A loaded files source and the folder of its spec. */
  record SourceFile(Source source, Path specDirectory) {}

  Inputs(Map<String, SourceFile> files, String serverUrl, Path work, Path built) {
    this.files = files;
    this.serverUrl = serverUrl;
    this.work = work;
    this.built = built;
  }

  Path builtFile(String product) {
    return built.resolve(product + ".parquet");
  }

  void attach(Connection duck, Input input) throws SQLException, IOException {
    if (input instanceof Input.FromProduct product) {
      execute(duck, "CREATE TABLE \"" + input.name() + "\" AS SELECT * FROM read_parquet('"
          + builtFile(product.product().toString()) + "')");
      return;
    }
    Input.FromSource source = (Input.FromSource) input;
    execute(duck, "CREATE SCHEMA IF NOT EXISTS \"" + input.name() + "\"");
    for (String table : source.tables()) {
      String relation = "\"" + input.name() + "\".\"" + table + "\"";
      SourceFile file = files.get(source.source());
      String read = file != null ? read(file) : copyFromPostgres(DATABASES.get(source.source()), table);
      execute(duck, "CREATE TABLE " + relation + " AS SELECT * FROM " + read);
    }
  }

  private static String read(SourceFile file) {
    Source.Spec spec = file.source().spec();
    String glob = file.specDirectory().resolve(spec.path()).toString();
    return switch (spec.format()) {
      case CSV -> "read_csv('" + glob + "', header = " + spec.csv().header() + ", delim = '" + spec.csv().delimiter() + "')";
      case PARQUET -> "read_parquet('" + glob + "')";
      case JSON -> "read_json('" + glob + "')";
    };
  }

  /** Copies a table out of PostgreSQL as CSV; returns how DuckDB reads it with the table's types. */
  private String copyFromPostgres(String database, String table) throws SQLException, IOException {
    Path csv = work.resolve(database + "." + table + "." + System.nanoTime() + ".csv");
    List<String> columns = new ArrayList<>();
    try (Connection pg = DriverManager.getConnection(PostgresUrls.withDatabase(serverUrl, database), "postgres", "postgres");
         Statement statement = pg.createStatement();
         ResultSet empty = statement.executeQuery("SELECT * FROM public." + table + " LIMIT 0");
         Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      ResultSetMetaData meta = empty.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add("'" + meta.getColumnName(i) + "': '" + PG_TYPES.get(meta.getColumnTypeName(i)) + "'");
      }
      pg.unwrap(PGConnection.class).getCopyAPI()
          .copyOut("COPY public." + table + " TO STDOUT WITH (FORMAT csv, HEADER true)", out);
    }
    return "read_csv('" + csv + "', header = true, columns = {" + String.join(", ", columns) + "})";
  }

  static void execute(Connection duck, String sql) throws SQLException {
    try (Statement statement = duck.createStatement()) {
      statement.execute(sql);
    }
  }
}
