package dev.meshwork.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.spi.DatabaseSource;
import dev.meshwork.core.spi.EngineColumn;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.Workspace;
import dev.meshwork.spec.error.InvalidException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ingest from a real PostgreSQL, which asks the reader for its password. */
class PostgresIngestIT {

  private static final String ID = "7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  private static final String AWKWARD = "comma, \"quote\"\nnew line";

  private static EmbeddedPostgres postgres;
  private static String url;

  @TempDir
  Path temp;
  private Workspace workspace;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().setDataDirectoryCustomizer(dir -> {
      try {
        Files.writeString(dir.toPath().resolve("pg_hba.conf"), """
            local all all trust
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).start();
    url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("""
          CREATE ROLE reader LOGIN PASSWORD 's3cret';
          CREATE SCHEMA shop;
          CREATE TABLE shop.orders (id uuid, customer text, code char(3), note varchar(40), small int2, items int4,
            cents int8, amount numeric(12,2), loose numeric, ratio float4, score float8, paid bool, ordered date,
            opened time, created timestamp, paid_at timestamptz, doc jsonb, meta json, raw bytea, tags text[], counts int[]);
          INSERT INTO shop.orders VALUES
            ('%s', 'ana', 'abc', '%s', 1, 2, 3000000000, 12.50, 0.25, 1.5, 2.25, true, '2026-11-20', '08:30:00',
             '2026-11-20 08:30:00', '2026-11-20 08:30:00+02', '{"a": 1}', '[1, 2]', '\\x0102ff', '{a,"b c"}', '{1,2}'),
            (gen_random_uuid(), '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL);
          CREATE TABLE items AS SELECT n FROM generate_series(1, 250000) AS n;
          CREATE TABLE texts (name text, doc jsonb, tags text[]);
          INSERT INTO texts VALUES (E'tab\\there', '{"q": "a \\"b\\" \\\\ c"}', ARRAY[E'back\\\\slash', E'line\\nbreak']),
            (E'back\\\\slash\\\\n and \\\\N', NULL, NULL), ('\\N', '[]', '{}'), (E'cr\\r bell\\b feed\\f vtab' || chr(11), NULL, NULL),
            ('', NULL, NULL), (NULL, NULL, NULL);
          CREATE TABLE nothing (n int, name text);
          CREATE TABLE amounts AS SELECT n, n::numeric(12,2) AS amount FROM generate_series(1, 20000) AS n;
          INSERT INTO amounts VALUES (20001, 'NaN');
          CREATE VIEW failing AS SELECT n, 1 / (n - 20000) AS inverse FROM generate_series(1, 30000) AS n;
          GRANT USAGE ON SCHEMA shop TO reader;
          GRANT SELECT ON ALL TABLES IN SCHEMA shop, public TO reader;
          """.formatted(ID, AWKWARD.replace("'", "''")));
    }
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void open() {
    workspace = new DuckDbEngine(1, null, temp).open();
  }

  @AfterEach
  void close() {
    workspace.close();
  }

  private static DatabaseSource source(DatabaseSource.Kind kind, String url, String password, String schema) {
    return new DatabaseSource("orders-db", kind, url, null, "reader", password, schema);
  }

  @Test
  void copiesPostgresTypesIntoDuckDbTypes() {
    assertThat(workspace.ingest("raw.orders", source(DatabaseSource.Kind.POSTGRES, url, "s3cret", null), "shop.orders", n -> { }))
        .isEqualTo(2);
    assertThat(workspace.columns("raw.orders")).extracting(EngineColumn::engineType).containsExactly("UUID", "VARCHAR",
        "VARCHAR", "VARCHAR", "INTEGER", "INTEGER", "BIGINT", "DECIMAL(12,2)", "DOUBLE", "FLOAT", "DOUBLE", "BOOLEAN",
        "DATE", "TIME", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "JSON", "JSON", "BLOB", "VARCHAR[]", "INTEGER[]");
    List<Object> first = workspace.query("SELECT * EXCLUDE (raw) FROM raw.orders WHERE customer = 'ana'", 1).rows().get(0);
    assertThat(first).containsExactly(UUID.fromString(ID), "ana", "abc", AWKWARD, 1, 2, 3_000_000_000L,
        new BigDecimal("12.50"), 0.25, 1.5, 2.25, true, LocalDate.of(2026, 11, 20), LocalTime.of(8, 30),
        LocalDateTime.of(2026, 11, 20, 8, 30), OffsetDateTime.of(2026, 11, 20, 6, 30, 0, 0, ZoneOffset.UTC),
        "{\"a\": 1}", "[1, 2]", List.of("a", "b c"), List.of(1, 2));
    assertThat((byte[]) workspace.query("SELECT raw FROM raw.orders WHERE customer = 'ana'", 1).single())
        .containsExactly(1, 2, 0xff);
    List<Object> empty = new ArrayList<>(Collections.nCopies(20, null));
    empty.set(0, "");
    assertThat(workspace.query("SELECT * EXCLUDE (id) FROM raw.orders WHERE customer = ''", 1).rows()).containsExactly(empty);
  }

  @Test
  void theJdbcKindReadsPostgresToTheSameValues() {
    workspace.ingest("copied", source(DatabaseSource.Kind.POSTGRES, url, "s3cret", "shop"), "orders", n -> { });
    workspace.ingest("selected", source(DatabaseSource.Kind.JDBC, url, "s3cret", "shop"), "orders", n -> { });
    String columns = "SELECT * EXCLUDE (tags, counts, doc, meta) FROM %s ORDER BY customer";
    assertThat(workspace.query(columns.formatted("selected"), 10).rows()).usingRecursiveComparison()
        .isEqualTo(workspace.query(columns.formatted("copied"), 10).rows());
  }

  @Test
  void readsTheDefaultSchemaReportingProgress() {
    List<Long> progress = new ArrayList<>();
    assertThat(workspace.ingest("items", source(DatabaseSource.Kind.POSTGRES, url, "s3cret", null), "items", progress::add))
        .isEqualTo(250_000);
    assertThat(progress).containsExactly(100_000L, 200_000L, 250_000L);
    assertThat(workspace.query("SELECT sum(n) FROM items", 1).single()).isEqualTo(new BigDecimal("31250125000"));
  }

  @Test
  void aMissingTableIsNamedWithItsSchema() {
    assertThatThrownBy(() -> workspace.ingest("t", source(DatabaseSource.Kind.POSTGRES, url, "s3cret", null), "shop.missing", n -> { }))
        .isInstanceOf(InvalidException.class).hasMessage("cannot read source orders-db: table shop.missing does not exist");
    assertThatThrownBy(() -> workspace.ingest("t", source(DatabaseSource.Kind.POSTGRES, url, "s3cret", null), "missing", n -> { }))
        .isInstanceOf(InvalidException.class).hasMessage("cannot read source orders-db: table public.missing does not exist");
  }

  @Test
  void aRefusedConnectionIsNamed() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String closed = "jdbc:postgresql://localhost:" + port + "/postgres";
    assertThatThrownBy(() -> workspace.ingest("t", source(DatabaseSource.Kind.POSTGRES, closed, "s3cret", null), "items", n -> { }))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot read source orders-db: cannot connect to " + closed + ": Connection to localhost:" + port
            + " refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.");
  }

  @Test
  void aWrongPasswordIsNamedWithoutThePassword() {
    assertThatThrownBy(() -> workspace.ingest("t", source(DatabaseSource.Kind.POSTGRES, url, "guess", null), "items", n -> { }))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot read source orders-db: cannot connect to " + url
            + ": FATAL: password authentication failed for user \"reader\"");
    String withPassword = url + "?password=guess";
    assertThatThrownBy(() -> workspace.ingest("t", source(DatabaseSource.Kind.JDBC, withPassword, "guess", null), "items", n -> { }))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot read source orders-db: cannot connect to " + url
            + "?password=***: FATAL: password authentication failed for user \"reader\"");
  }

  @Test
  void escapesOfTheTextFormatAreUndone() {
    workspace.ingest("copied", source(DatabaseSource.Kind.POSTGRES, url, "s3cret", null), "texts", n -> { });
    assertThat(workspace.query("SELECT name FROM copied", 10).rows()).extracting(row -> row.get(0)).containsExactly(
        "tab\there", "back\\slash\\n and \\N", "\\N", "cr\r bell\b feed\f vtab\u000b", "", null);
    assertThat(workspace.query("SELECT doc->>'q', tags FROM copied LIMIT 1", 1).rows().get(0))
        .containsExactly("a \"b\" \\ c", List.of("back\\slash", "line\nbreak"));
  }

  @Test
  void manySmallChunksLoadEveryRowReportingProgress() {
    List<Long> progress = new ArrayList<>();
    PostgresCopy copy = new PostgresCopy((DuckDbWorkspace) workspace, source(DatabaseSource.Kind.POSTGRES, url, "s3cret", null), 1 << 16);
    assertThat(copy.copy(Relation.parse("items"), "items", progress::add)).isEqualTo(250_000);
    assertThat(progress).containsExactly(100_000L, 200_000L, 250_000L);
    assertThat(workspace.query("SELECT count(DISTINCT n), sum(n) FROM items", 1).rows().get(0))
        .containsExactly(250_000L, new BigDecimal("31250125000"));
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void anEmptyTableIsCopiedWithItsColumns() {
    assertThat(workspace.ingest("nothing", source(DatabaseSource.Kind.POSTGRES, url, "s3cret", null), "nothing", n -> { }))
        .isZero();
    assertThat(workspace.columns("nothing")).extracting(EngineColumn::engineType).containsExactly("INTEGER", "VARCHAR");
  }

  @Test
  void aFailureOfTheFirstChunkKeepsATableThatExistedBefore() {
    DatabaseSource source = source(DatabaseSource.Kind.POSTGRES, url, "s3cret", null);
    workspace.materialize("copied2", "SELECT 1 AS one");
    assertThatThrownBy(() -> workspace.ingest("copied2", source, "items", n -> { }))
        .isInstanceOf(EngineException.class)
        .hasMessage("cannot load source orders-db into copied2: Catalog Error: Table with name \"copied2\" already exists!");
    assertThat(workspace.query("SELECT * FROM copied2", 1).single()).isEqualTo(1);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  @Timeout(30)
  void aDuckDbFailureInALaterChunkStopsTheCopyAndDropsTheTable() {
    PostgresCopy copy = new PostgresCopy((DuckDbWorkspace) workspace, source(DatabaseSource.Kind.POSTGRES, url, "s3cret", null), 1 << 12);
    assertThatThrownBy(() -> copy.copy(Relation.parse("amounts"), "amounts", n -> { }))
        .isInstanceOf(EngineException.class)
        .hasMessageMatching(Pattern.quote("cannot load source orders-db into amounts: Conversion Error: CSV Error on Line: 230"
            + " Original Line: 20001\tNaN Error when converting column \"c1\". Could not convert string \"NaN\" to 'DECIMAL'")
            + " \\(file " + Pattern.quote(temp.toString()) + "/ingest-[0-9]+\\.txt\\)");
    assertThat(workspace.query("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'amounts'", 1).single()).isEqualTo(0L);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  @Timeout(30)
  void aPostgresFailureMidwayIsWhatTheUserSeesAndDropsTheTable() {
    PostgresCopy copy = new PostgresCopy((DuckDbWorkspace) workspace, source(DatabaseSource.Kind.POSTGRES, url, "s3cret", null), 1 << 12);
    assertThatThrownBy(() -> copy.copy(Relation.parse("inverses"), "failing", n -> { }))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot read source orders-db: ERROR: division by zero");
    assertThat(workspace.query("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'inverses'", 1).single()).isEqualTo(0L);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aFailingProgressListenerStopsTheCopyAndCleansUp() {
    PostgresCopy copy = new PostgresCopy((DuckDbWorkspace) workspace, source(DatabaseSource.Kind.POSTGRES, url, "s3cret", null), 1 << 12);
    assertThatThrownBy(() -> copy.copy(Relation.parse("items"), "items", n -> {
      throw new IllegalStateException("stop at " + n);
    })).isInstanceOf(IllegalStateException.class).hasMessage("stop at 100000");
    assertThat(workspace.query("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'items'", 1).single()).isEqualTo(0L);
    assertThat(leftovers()).isEmpty();
  }

  private List<Path> leftovers() {
    try (Stream<Path> files = Files.list(temp)) {
      return files.filter(file -> file.getFileName().toString().startsWith("ingest-")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
