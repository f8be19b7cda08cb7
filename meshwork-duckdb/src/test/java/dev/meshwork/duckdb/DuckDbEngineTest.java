package dev.meshwork.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshwork.core.spi.DataFile;
import dev.meshwork.core.spi.Engine;
import dev.meshwork.core.spi.EngineColumn;
import dev.meshwork.core.spi.EngineContract;
import dev.meshwork.core.spi.Provider;
import dev.meshwork.core.spi.Settings;
import dev.meshwork.core.spi.Workspace;
import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.Source;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DuckDbEngineTest extends EngineContract {

  @Override
  protected Engine newEngine(Path tempDir) {
    return new DuckDbEngine(1, "256MB", tempDir);
  }

  @Test
  void appliesTheSettingsToEachWorkspace() {
    Workspace workspace = open();
    assertThat(workspace.query("""
        SELECT current_setting('threads'), current_setting('memory_limit'), current_setting('TimeZone'),
               starts_with(current_setting('temp_directory'), '%s')""".formatted(dir.resolve("temp")), 1).rows())
        .containsExactly(List.of(1L, "244.1 MiB", "UTC", true));
  }

  @Test
  void namesItsTypesAsDuckDbDoes() {
    Workspace workspace = open();
    workspace.attachParquet("empty", List.of(), columns("a string", "b int32", "c float32", "d decimal(10,2)",
        "e timestamptz", "f bytes", "g list<decimal(5,1)>"));
    assertThat(workspace.columns("empty")).extracting(EngineColumn::engineType).containsExactly("VARCHAR", "INTEGER",
        "FLOAT", "DECIMAL(10,2)", "TIMESTAMP WITH TIME ZONE", "BLOB", "DECIMAL(5,1)[]");
  }

  @Test
  void typesWithoutAContractTypeHaveNone() {
    Workspace workspace = open();
    workspace.materialize("other", """
        SELECT 1::TINYINT AS a, 1::SMALLINT AS b, 1::HUGEINT AS c, 1::UINTEGER AS d, {'x': 1} AS e, MAP {'x': 1} AS f,
               INTERVAL 1 DAY AS g, '2026-11-20'::TIMESTAMP_NS AS h, [{'x': 1}] AS i, [[1]] AS j""");
    assertThat(workspace.columns("other")).extracting(EngineColumn::engineType, EngineColumn::type).containsExactly(
        tuple("TINYINT", null), tuple("SMALLINT", null), tuple("HUGEINT", null), tuple("UINTEGER", null),
        tuple("STRUCT(x INTEGER)", null), tuple("MAP(VARCHAR, INTEGER)", null), tuple("INTERVAL", null),
        tuple("TIMESTAMP_NS", null), tuple("STRUCT(x INTEGER)[]", null),
        tuple("INTEGER[][]", ColumnType.listOf(ColumnType.listOf(ColumnType.parse("int32")))));
  }

  @Test
  void errorsCarryTheFirstLineOfDuckDbsMessage() throws IOException {
    Workspace workspace = open();
    assertThatThrownBy(() -> workspace.query("SELEC 1", 1))
        .isInstanceOf(InvalidException.class).hasMessage("Parser Error: syntax error at or near \"SELEC\"");
    assertThatThrownBy(() -> workspace.materialize("t", "SELECT * FROM orders"))
        .isInstanceOf(InvalidException.class).hasMessage("Catalog Error: Table with name orders does not exist!");
    assertThatThrownBy(() -> workspace.query("SELECT CAST('x' AS INTEGER)", 1))
        .isInstanceOf(InvalidException.class).hasMessage("Conversion Error: Could not convert string 'x' to INT32");
    Path json = Files.writeString(dir.resolve("bad.json"), "{\"id\": 1}\n{id\n");
    assertThatThrownBy(() -> workspace.attachFiles("bad", Source.Format.JSON, json.toString(), null))
        .isInstanceOf(InvalidException.class).hasMessage("cannot read " + json + ": Invalid Input Error: Malformed JSON in file \""
            + json + "\", at byte 2 in line 3: unexpected character.");
    workspace.materialize("orders", "SELECT 1 AS id, 'ana' AS name");
    assertThatThrownBy(() -> workspace.query("SELECT nme FROM ordrs", 1))
        .isInstanceOf(InvalidException.class)
        .hasMessage("Catalog Error: Table with name ordrs does not exist! Did you mean \"orders\"?");
    assertThatThrownBy(() -> workspace.query("SELECT nme FROM orders", 1))
        .isInstanceOf(InvalidException.class)
        .hasMessage("Binder Error: Referenced column \"nme\" not found in FROM clause! Candidate bindings: \"name\"");
    assertThatThrownBy(() -> workspace.columns("a.b.c"))
        .isInstanceOf(InvalidException.class).hasMessage("relation 'a.b.c' is not name or schema.name");
  }

  @Test
  void aValueTheCsvSnifferDidNotSeeFailsNamingLineAndFile() throws IOException {
    Path csv = dir.resolve("late.csv");
    Files.writeString(csv, "id\n" + "1\n".repeat(25_000) + "oops\n");
    Workspace workspace = open();
    workspace.attachFiles("late", Source.Format.CSV, csv.toString(), Source.Csv.defaults());
    assertThatThrownBy(() -> workspace.materialize("t", "SELECT * FROM late"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("Conversion Error: CSV Error on Line: 25002 Original Line: oops Error when converting column \"id\"."
            + " Could not convert string \"oops\" to 'BIGINT' (file " + csv + ")");
  }

  @Test
  void writesStandardParquetLogicalTypesWithFieldIds() {
    Workspace workspace = open();
    workspace.materialize("typed", """
        SELECT uuid() AS id, DATE '2026-11-20' AS day, TIMESTAMP '2026-11-20 08:30:00' AS created,
               TIMESTAMPTZ '2026-11-20 08:30:00+00' AS paid_at, 12.50::DECIMAL(10,2) AS amount""");
    List<DataFile> files = workspace.writeParquet("typed", dir.resolve("typed"), null,
        Map.of("id", 1, "day", 2, "created", 3, "paid_at", 4, "amount", 5));
    assertThat(workspace.query("""
        SELECT name, field_id, coalesce(logical_type, converted_type) FROM parquet_schema('%s')
        WHERE field_id IS NOT NULL ORDER BY field_id"""
        .formatted(files.get(0).path()), 10).rows()).containsExactly(
        List.of("id", 1L, "UUIDType()"),
        List.of("day", 2L, "DATE"),
        List.of("created", 3L, "TimestampType(isAdjustedToUTC=0, unit=TimeUnit(MILLIS=<null>, MICROS=MicroSeconds(), NANOS=<null>))"),
        List.of("paid_at", 4L, "TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=<null>, MICROS=MicroSeconds(), NANOS=<null>))"),
        List.of("amount", 5L, "DecimalType(scale=2, precision=10)"));
  }

  @Test
  void givesListElementsTheirFieldIdsWhenGiven() {
    Workspace workspace = open();
    workspace.materialize("lists", "SELECT [[1]] AS nested, ['a'] AS tags");
    List<DataFile> files = workspace.writeParquet("lists", dir.resolve("lists"), null,
        Map.of("nested", 1, "nested.element", 2, "nested.element.element", 3, "tags", 4));
    assertThat(workspace.query("SELECT name, field_id FROM parquet_schema('%s')".formatted(files.get(0).path()), 20).rows())
        .containsExactly(Arrays.asList("duckdb_schema", null), List.of("nested", 1L), Arrays.asList("list", null),
            List.of("element", 2L), Arrays.asList("list", null), List.of("element", 3L), List.of("tags", 4L),
            Arrays.asList("list", null), Arrays.asList("element", null));
  }

  @Test
  void reportsEachFilesColumnStatisticsAsItWritesThem() {
    Workspace workspace = open();
    workspace.materialize("stats", """
        SELECT i AS id, CASE WHEN i % 2 = 0 THEN 'even' END AS kind, DATE '2026-11-01' + CAST(i % 2 AS INTEGER) AS day
        FROM range(10) AS r(i)""");
    List<DataFile> files = workspace.writeParquet("stats", dir.resolve("stats"), "day", Map.of());
    assertThat(files).extracting(DataFile::partition, DataFile::rows).containsExactly(
        org.assertj.core.groups.Tuple.tuple("2026-11-01", 5L), org.assertj.core.groups.Tuple.tuple("2026-11-02", 5L));
    DataFile first = files.get(0);
    assertThat(first.columns().get("id")).extracting(DataFile.ColumnStats::values, DataFile.ColumnStats::nulls,
        DataFile.ColumnStats::min, DataFile.ColumnStats::max).containsExactly(5L, 0L, "0", "8");
    assertThat(files.get(1).columns().get("kind").nulls()).isEqualTo(5L);
    assertThat(first.columns().get("day").min()).isEqualTo("2026-11-01");
    assertThat(first.bytes()).isEqualTo(first.path().toFile().length());
  }

  @Test
  void anEmptyRelationWritesNoFiles() {
    Workspace workspace = open();
    workspace.materialize("none", "SELECT 1 AS id WHERE false");
    assertThat(workspace.writeParquet("none", dir.resolve("none"), null, Map.of())).isEmpty();
    assertThat(workspace.writeParquet("none", dir.resolve("none-by-id"), "id", Map.of())).isEmpty();
  }

  @Test
  void isTheProviderNamedDuckdb() {
    Provider provider = ServiceLoader.load(Provider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("duckdb")).findFirst().orElseThrow();
    assertThat(provider.type()).isEqualTo(Engine.class);
    try (Engine engine = (Engine) provider.create(new Settings(null, null, null, dir, dir.resolve("temp"), 0, null));
         Workspace workspace = engine.open()) {
      assertThat(engine).isInstanceOf(DuckDbEngine.class);
      assertThat(workspace.query("SELECT 42", 1).single()).isEqualTo(42);
    }
  }

  @Test
  void queriesKeepTheirShapeUnderTheLimit() {
    Workspace workspace = open();
    assertThat(workspace.query("SELECT 1 AS a, 2 AS a", 1).columns()).containsExactly("a", "a");
    assertThat(workspace.query("SELECT 1 AS n; -- one", 1).single()).isEqualTo(1);
    assertThat(workspace.query("PRAGMA version", 10).columns()).contains("library_version");
    assertThat(workspace.query("SELECT * FROM range(3) ORDER BY range DESC;", 2).rows())
        .containsExactly(List.of(2L), List.of(1L));
  }

  @Test
  void keepsNullsApartFromEmptyListsAndStrings() {
    Workspace workspace = open();
    assertThat(workspace.query("SELECT '' AS a, NULL AS b, []::INTEGER[] AS c, [NULL]::INTEGER[] AS d", 1).rows())
        .containsExactly(Arrays.asList("", null, List.of(), Arrays.asList((Object) null)));
  }
}
