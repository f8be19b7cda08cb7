package dev.meshwork.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshwork.spec.Column;
import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.Source;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Engine} guarantees. An implementation's test extends this and makes an engine
 * that keeps its temporary files below the directory given. The SQL is standard SQL as far as it
 * goes; list and blob literals are written as DuckDB and PostgreSQL accept them.
 */
public abstract class EngineContract {

  private static final String ID = "7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

  /** A row of every contract type and a row of nulls, with the columns they make. */
  private static final String ALL_TYPES = """
      SELECT * FROM (VALUES
        (1, 'widget', TRUE, CAST(7 AS BIGINT), CAST(12.50 AS DECIMAL(10,2)), CAST(1.25 AS REAL), CAST(2.5 AS DOUBLE),
         DATE '2026-11-20', TIME '08:30:00', TIMESTAMP '2026-11-20 08:30:00',
         CAST('2026-11-20 08:30:00+02:00' AS TIMESTAMP WITH TIME ZONE), CAST('%s' AS UUID),
         CAST('{"a":1}' AS JSON), CAST('abc' AS BLOB), ARRAY[1, 2]),
        (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
      ) AS t(id, name, active, quantity, price, ratio, score, day, at_time, created, created_tz, ref, doc, bytes, tags)
      """.formatted(ID);
  private static final List<Column> ALL_COLUMNS = columns("id int32", "name string", "active boolean", "quantity int64",
      "price decimal(10,2)", "ratio float32", "score float64", "day date", "at_time time", "created timestamp",
      "created_tz timestamptz", "ref uuid", "doc json", "bytes bytes", "tags list<int32>");

  @TempDir
  protected Path dir;

  private Engine engine;
  private final List<Workspace> workspaces = new ArrayList<>();

  /** A new engine whose temporary files go below {@code tempDir}. */
  protected abstract Engine newEngine(Path tempDir);

  @BeforeEach
  void startEngine() {
    engine = newEngine(dir.resolve("temp"));
  }

  @AfterEach
  void stopEngine() {
    workspaces.forEach(Workspace::close);
    engine.close();
  }

  protected Workspace open() {
    Workspace workspace = engine.open();
    workspaces.add(workspace);
    return workspace;
  }

  protected static List<Column> columns(String... nameAndTypes) {
    return Arrays.stream(nameAndTypes).map(text -> text.split(" ", 2))
        .map(parts -> new Column(parts[0], ColumnType.parse(parts[1]), false, false, false, null, null, false, null))
        .toList();
  }

  @Test
  void aRelationOfOneWorkspaceIsInvisibleInAnother() {
    Workspace first = open();
    Workspace second = open();
    assertThat(first.materialize("orders", "SELECT 1 AS id")).isEqualTo(1);
    assertThatThrownBy(() -> second.columns("orders"))
        .isInstanceOf(InvalidException.class).hasMessage("relation orders does not exist");
    assertThatThrownBy(() -> second.query("SELECT * FROM orders", 10))
        .isInstanceOf(InvalidException.class).hasMessageContaining("orders");
  }

  @Test
  void loadsRowsOfTextIntoATable() {
    Workspace workspace = open();
    List<Object[]> rows = List.of(new Object[] {"a", "x"}, new Object[] {"b", null});
    assertThat(workspace.load("keys.mapping", List.of("plain", "cipher"), rows.iterator())).isEqualTo(2);
    assertThat(workspace.columns("keys.mapping")).extracting(EngineColumn::name, EngineColumn::type)
        .containsExactly(tuple("plain", ColumnType.of(ColumnType.Base.STRING)), tuple("cipher", ColumnType.of(ColumnType.Base.STRING)));
    assertThat(workspace.query("SELECT plain, cipher FROM keys.mapping ORDER BY plain", 10).rows())
        .containsExactly(List.of("a", "x"), Arrays.asList("b", null));
    assertThat(workspace.load("empty", List.of("plain"), List.<Object[]>of().iterator())).isZero();
    assertThat(workspace.query("SELECT count(*) FROM empty", 1).single()).isEqualTo(0L);
  }

  @Test
  void aDottedRelationLivesInItsSchema() {
    Workspace workspace = open();
    assertThat(workspace.materialize("staging.orders", "SELECT 1 AS id UNION ALL SELECT 2")).isEqualTo(2);
    assertThat(workspace.query("SELECT count(*) FROM staging.orders", 1).single()).isEqualTo(2L);
  }

  @Test
  void readsCsvFilesMatchingAGlob() throws IOException {
    Files.writeString(dir.resolve("a.csv"), "id;name\n1;ana\n2;li\n");
    Files.writeString(dir.resolve("b.csv"), "id;name\n3;bo\n");
    Workspace workspace = open();
    workspace.attachFiles("raw.people", Source.Format.CSV, dir.resolve("*.csv").toString(), new Source.Csv(true, ";"));
    assertThat(workspace.query("SELECT id, name FROM raw.people ORDER BY id", 10).rows())
        .containsExactly(List.of(1L, "ana"), List.of(2L, "li"), List.of(3L, "bo"));
  }

  @Test
  void readsJsonFilesMatchingAGlob() throws IOException {
    Files.writeString(dir.resolve("a.json"), "{\"id\": 1, \"name\": \"ana\"}\n{\"id\": 2, \"name\": \"li\"}\n");
    Files.writeString(dir.resolve("b.json"), "{\"id\": 3, \"name\": \"bo\"}\n");
    Workspace workspace = open();
    workspace.attachFiles("people", Source.Format.JSON, dir.resolve("*.json").toString(), null);
    assertThat(workspace.query("SELECT name FROM people ORDER BY id", 10).rows())
        .containsExactly(List.of("ana"), List.of("li"), List.of("bo"));
  }

  @Test
  void filesThatAreMissingOrUnreadableAreInvalidInput() throws IOException {
    Workspace workspace = open();
    String none = dir.resolve("none/*.csv").toString();
    assertThatThrownBy(() -> workspace.attachFiles("people", Source.Format.CSV, none, Source.Csv.defaults()))
        .isInstanceOf(InvalidException.class).hasMessage("no files match " + none);
    Path broken = Files.writeString(dir.resolve("broken.parquet"), "not parquet");
    assertThatThrownBy(() -> workspace.attachFiles("people", Source.Format.PARQUET, broken.toString(), null))
        .isInstanceOf(InvalidException.class).hasMessageStartingWith("cannot read " + broken + ": ");
  }

  @Test
  void everyContractTypeHasAnEngineType() {
    Workspace workspace = open();
    workspace.attachParquet("empty", List.of(), ALL_COLUMNS);
    assertThat(workspace.columns("empty")).extracting(EngineColumn::name, EngineColumn::type)
        .containsExactlyElementsOf(ALL_COLUMNS.stream().map(c -> tuple(c.name(), c.type())).toList());
    assertThat(workspace.query("SELECT count(*) FROM empty", 1).single()).isEqualTo(0L);
  }

  @Test
  void queriesReturnPlainJavaValues() {
    Workspace workspace = open();
    workspace.materialize("all_types", ALL_TYPES);
    Rows rows = workspace.query("SELECT * FROM all_types ORDER BY id", 10);
    assertThat(rows.columns()).containsExactlyElementsOf(ALL_COLUMNS.stream().map(Column::name).toList());
    List<Object> first = rows.rows().get(0);
    assertThat(first.subList(0, 13)).containsExactly(1, "widget", true, 7L, new BigDecimal("12.50"), 1.25, 2.5,
        LocalDate.of(2026, 11, 20), LocalTime.of(8, 30), LocalDateTime.of(2026, 11, 20, 8, 30),
        OffsetDateTime.of(2026, 11, 20, 6, 30, 0, 0, ZoneOffset.UTC), UUID.fromString(ID), "{\"a\":1}");
    assertThat((byte[]) first.get(13)).isEqualTo("abc".getBytes());
    assertThat(first.get(14)).isEqualTo(List.of(1, 2));
    assertThat(rows.rows().get(1)).containsExactly(2, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void queriesTellWhenTheyWereCutShort() {
    Workspace workspace = open();
    workspace.materialize("numbers", "SELECT * FROM (VALUES (1), (2), (3)) AS t(n)");
    Rows cut = workspace.query("SELECT n FROM numbers ORDER BY n", 2);
    assertThat(cut.rows()).containsExactly(List.of(1), List.of(2));
    assertThat(cut.truncated()).isTrue();
    assertThat(workspace.query("SELECT n FROM numbers", 3).truncated()).isFalse();
  }

  @Test
  void badSqlIsInvalidInputCarryingTheEnginesMessage() {
    Workspace workspace = open();
    assertThatThrownBy(() -> workspace.materialize("x", "SELEC 1"))
        .isInstanceOf(InvalidException.class).hasMessageContaining("SELEC");
    assertThatThrownBy(() -> workspace.query("SELECT nope FROM (SELECT 1 AS id) AS t", 1))
        .isInstanceOf(InvalidException.class).hasMessageContaining("nope");
    assertThat(workspace.query("SELECT 1", 1).single()).isEqualTo(1);
  }

  @Test
  void parquetFilesReadBackAsTheSameRows() {
    Workspace writer = open();
    writer.materialize("all_types", ALL_TYPES);
    Map<String, Integer> fieldIds = ALL_COLUMNS.stream().collect(Collectors.toMap(Column::name, c -> ALL_COLUMNS.indexOf(c) + 1));
    List<DataFile> files = writer.writeParquet("all_types", dir.resolve("out"), null, fieldIds);
    assertThat(files).isNotEmpty().allSatisfy(file -> {
      assertThat(file.path()).startsWith(dir.resolve("out")).exists();
      assertThat(file.partition()).isNull();
      assertThat(file.nullPartition()).isFalse();
      assertThat(file.bytes()).isEqualTo(file.path().toFile().length());
    });
    assertThat(files.stream().mapToLong(DataFile::rows).sum()).isEqualTo(2);

    Workspace reader = open();
    reader.attachParquet("snapshot", files.stream().map(DataFile::path).toList(), ALL_COLUMNS);
    assertThat(reader.query("SELECT * FROM snapshot ORDER BY id", 10).rows()).usingRecursiveComparison()
        .isEqualTo(writer.query("SELECT * FROM all_types ORDER BY id", 10).rows());
  }

  @Test
  void aPartitionedWriteHasFilesPerValueKeepingTheColumn() {
    Workspace writer = open();
    writer.materialize("sales", """
        SELECT * FROM (VALUES (1, 'a/b c', DATE '2026-11-20'), (2, 'x', DATE '2026-11-20'), (3, NULL, DATE '2026-11-21'),
                              (4, 'x', NULL)) AS t(id, shop, day)""");
    List<DataFile> byDay = writer.writeParquet("sales", dir.resolve("by-day"), "day", Map.of("id", 1, "shop", 2, "day", 3));
    assertThat(byDay.stream().collect(Collectors.groupingBy(f -> String.valueOf(f.partition()), Collectors.summingLong(DataFile::rows))))
        .isEqualTo(Map.of("2026-11-20", 2L, "2026-11-21", 1L, "null", 1L));
    assertThat(byDay).allSatisfy(f -> assertThat(f.nullPartition()).isEqualTo(f.partition() == null));
    List<DataFile> byShop = writer.writeParquet("sales", dir.resolve("by-shop"), "shop", Map.of());
    assertThat(byShop).extracting(DataFile::partition).containsExactlyInAnyOrder("a/b c", "x", null);

    Workspace reader = open();
    for (int i = 0; i < byDay.size(); i++) {
      reader.attachParquet("file" + i, List.of(byDay.get(i).path()), List.of());
      assertThat(reader.query("SELECT DISTINCT CAST(day AS VARCHAR) FROM file" + i, 10).rows())
          .containsExactly(Arrays.asList(byDay.get(i).partition()));
    }
    reader.attachParquet("sales", byDay.stream().map(DataFile::path).toList(), columns("id int32", "shop string", "day date"));
    assertThat(reader.query("SELECT id, shop, day FROM sales ORDER BY id", 10).rows())
        .isEqualTo(writer.query("SELECT id, shop, day FROM sales ORDER BY id", 10).rows());
  }

  @Test
  void attachingParquetFillsColumnsTheFilesDoNotHave() {
    Workspace writer = open();
    writer.materialize("v1", "SELECT 1 AS id");
    List<Path> files = writer.writeParquet("v1", dir.resolve("v1"), null, Map.of("id", 1)).stream().map(DataFile::path).toList();
    Workspace reader = open();
    reader.attachParquet("v2", files, columns("id int32", "added string"));
    assertThat(reader.query("SELECT id, added FROM v2", 10).rows()).containsExactly(Arrays.asList(1, null));
  }

  @Test
  void aFailedWriteIsAnEngineErrorNamingThePath() throws IOException {
    Workspace workspace = open();
    workspace.materialize("one", "SELECT 1 AS id");
    Path blocked = Files.writeString(dir.resolve("file"), "").resolve("out");
    assertThatThrownBy(() -> workspace.writeParquet("one", blocked, null, Map.of()))
        .isInstanceOf(EngineException.class).hasMessageContaining(blocked.toString());
  }

  @Test
  void ingestsATableOfAJdbcDatabase() throws SQLException {
    String url = h2("orders");
    try (Connection h2 = DriverManager.getConnection(url, "sa", "s3cret"); Statement statement = h2.createStatement()) {
      statement.execute("""
          CREATE TABLE orders (id BIGINT, customer VARCHAR(40), total DECIMAL(12,2), items INT, ordered DATE,
            created TIMESTAMP, paid_at TIMESTAMP WITH TIME ZONE, express BOOLEAN, ref UUID, weight DOUBLE PRECISION)""");
      statement.execute("""
          INSERT INTO orders VALUES
            (1, 'ana', 12.5, 2, DATE '2026-11-20', TIMESTAMP '2026-11-20 08:30:00',
             TIMESTAMP WITH TIME ZONE '2026-11-20 08:30:00+02:00', TRUE, '%s', 1.5),
            (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)""".formatted(ID));
      statement.execute("CREATE TABLE big AS SELECT X AS n FROM SYSTEM_RANGE(1, 150000)");
    }
    DatabaseSource source = new DatabaseSource("orders-db", DatabaseSource.Kind.JDBC, url, "org.h2.Driver", "sa", "s3cret", null);
    Workspace workspace = open();
    List<Long> progress = new ArrayList<>();
    assertThat(workspace.ingest("raw.orders", source, "public.orders", progress::add)).isEqualTo(2);
    assertThat(progress).containsExactly(2L);
    assertThat(workspace.columns("raw.orders")).extracting(EngineColumn::type).containsExactlyElementsOf(
        columns("id int64", "customer string", "total decimal(12,2)", "items int32", "ordered date",
            "created timestamp", "paid_at timestamptz", "express boolean", "ref uuid", "weight float64")
            .stream().map(Column::type).toList());
    assertThat(workspace.query("SELECT * FROM raw.orders ORDER BY id", 10).rows()).containsExactly(
        List.of(1L, "ana", new BigDecimal("12.50"), 2, LocalDate.of(2026, 11, 20), LocalDateTime.of(2026, 11, 20, 8, 30),
            OffsetDateTime.of(2026, 11, 20, 6, 30, 0, 0, ZoneOffset.UTC), true, UUID.fromString(ID), 1.5),
        Arrays.asList(2L, null, null, null, null, null, null, null, null, null));

    List<Long> bigProgress = new ArrayList<>();
    assertThat(workspace.ingest("big", source, "big", bigProgress::add)).isEqualTo(150_000);
    assertThat(bigProgress).containsExactly(100_000L, 150_000L);
  }

  @Test
  void ingestErrorsNameTheSourceAndNeverThePassword() throws SQLException, IOException {
    String url = h2("accounts");
    try (Connection h2 = DriverManager.getConnection(url, "sa", "s3cret")) {
      assertThat(h2.isValid(1)).isTrue();
      DatabaseSource source = new DatabaseSource("orders-db", DatabaseSource.Kind.JDBC, url, null, "sa", "s3cret", null);
      Workspace workspace = open();
      assertThatThrownBy(() -> workspace.ingest("t", source, "public.missing", n -> { }))
          .isInstanceOf(InvalidException.class)
          .hasMessage("cannot read source orders-db: table public.missing does not exist");
      DatabaseSource wrong = new DatabaseSource("orders-db", DatabaseSource.Kind.JDBC, url, null, "sa", "guess", null);
      assertThatThrownBy(() -> workspace.ingest("t", wrong, "t", n -> { }))
          .isInstanceOf(InvalidException.class)
          .hasMessage("cannot read source orders-db: cannot connect to " + url + ": Wrong user name or password [28000-232]");
    }
    int port = closedPort();
    String refused = "jdbc:h2:tcp://localhost:" + port + "/mem:orders;PASSWORD=s3cret";
    DatabaseSource unreachable = new DatabaseSource("orders-db", DatabaseSource.Kind.JDBC, refused, null, "sa", "s3cret", null);
    assertThatThrownBy(() -> open().ingest("t", unreachable, "orders", n -> { }))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot read source orders-db: cannot connect to jdbc:h2:tcp://localhost:" + port
            + "/mem:orders;PASSWORD=***: Connection is broken: \"java.net.ConnectException: Connection refused: localhost:"
            + port + "\" [90067-232]");
  }

  private static String h2(String name) {
    return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
