package dev.meshwork.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.spi.DataFile;
import dev.meshwork.core.spi.Provider;
import dev.meshwork.core.spi.Settings;
import dev.meshwork.core.spi.TableStore;
import dev.meshwork.core.spi.TableStore.Replace;
import dev.meshwork.core.spi.TableStoreContract;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class IcebergTableStoreTest extends TableStoreContract {

  @Override
  protected TableStore newStore(Path dir) {
    return new IcebergTableStore(catalogUrl(dir), "sa", "", dir.resolve("lake"));
  }

  private static String catalogUrl(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("catalog");
  }

  @Override
  protected DataFile writeDataFile(Path directory, Map<String, Integer> fieldIds, List<Column> columns,
                                   String partitionColumn, List<List<Object>> rows) {
    AtomicInteger elementIds = new AtomicInteger(10_000);
    Schema schema = new Schema(columns.stream().map(column -> Types.NestedField.optional(fieldIds.get(column.name()),
        column.name(), IcebergTypes.toIceberg(column.type(), elementIds::incrementAndGet))).toList());
    Path file = directory.resolve("part-" + UUID.randomUUID() + ".parquet");
    try (FileAppender<Record> appender = Parquet.write(org.apache.iceberg.Files.localOutput(file.toFile()))
        .schema(schema).set("write.parquet.compression-codec", "uncompressed")
        .createWriterFunc(GenericParquetWriter::create).build()) {
      for (List<Object> row : rows) {
        GenericRecord record = GenericRecord.create(schema);
        for (int i = 0; i < row.size(); i++) {
          record.set(i, row.get(i));
        }
        appender.add(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Object value = partitionColumn == null ? null : rows.get(0).get(columns.indexOf(
        columns.stream().filter(column -> column.name().equals(partitionColumn)).findFirst().orElseThrow()));
    try {
      return new DataFile(file, value == null ? null : value.toString(), partitionColumn != null && value == null,
          rows.size(), Files.size(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Table load(ProductRef product) {
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.initialize("meshwork", Map.of("uri", catalogUrl(dir), "jdbc.user", "sa", "jdbc.password", "",
        "warehouse", "file:" + dir.resolve("lake")));
    try {
      return catalog.loadTable(TableIdentifier.of(product.domain(), product.name()));
    } finally {
      catalog.close();
    }
  }

  @Test
  void tablesAreIcebergV2TablesUnderTheLakeWithEveryContractType() {
    List<Column> columns = Stream.of("string", "json", "boolean", "int32", "int64", "float32", "float64", "decimal(12,2)",
        "date", "time", "timestamp", "timestamptz", "uuid", "bytes", "list<int64>")
        .map(type -> column("c_" + type.replaceAll("[^a-z0-9]", ""), type)).toList();
    store.prepare(DAILY, columns, "c_date");

    Table table = load(DAILY);
    assertThat(table.location()).isEqualTo("file:" + dir.resolve("lake/orders/daily"));
    assertThat(store.location(DAILY)).isEqualTo(table.location());
    assertThat(((org.apache.iceberg.HasTableOperations) table).operations().current().formatVersion()).isEqualTo(2);
    assertThat(table.spec().fields()).singleElement().satisfies(field -> assertThat(field.name()).isEqualTo("c_date"));
    assertThat(table.schema().columns()).allMatch(Types.NestedField::isOptional);
    assertThat(table.schema().columns().stream().map(field -> field.type().toString()).toList()).containsExactly(
        "string", "string", "boolean", "int", "long", "float", "double", "decimal(12, 2)", "date", "time",
        "timestamp", "timestamptz", "uuid", "binary", "list<long>");
  }

  @Test
  void partitionValuesAreReadAsTheColumnsType() {
    assertThat(IcebergTypes.partitionValue("2026-11-20", Types.DateType.get(), "day")).isEqualTo(20777);
    assertThat(IcebergTypes.partitionValue("42", Types.IntegerType.get(), "n")).isEqualTo(42);
    assertThat(IcebergTypes.partitionValue("42", Types.LongType.get(), "n")).isEqualTo(42L);
    assertThat(IcebergTypes.partitionValue("true", Types.BooleanType.get(), "b")).isEqualTo(true);
    assertThat(IcebergTypes.partitionValue("eu", Types.StringType.get(), "s")).isEqualTo("eu");
    assertThat(IcebergTypes.partitionValue("1970-01-01 00:00:01", Types.TimestampType.withoutZone(), "t")).isEqualTo(1_000_000L);
    assertThat(IcebergTypes.partitionValue("1970-01-01 02:00:01+02", Types.TimestampType.withZone(), "t")).isEqualTo(1_000_000L);
    assertThatThrownBy(() -> IcebergTypes.partitionValue("yesterday", Types.DateType.get(), "day"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("'yesterday' is not a date value of partition column day");
  }

  @Test
  void statisticsTheEngineReportedBecomeTheFilesMetrics() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    DataFile written = writeDataFile(store.newDataDirectory(DAILY, "b1"), ids, COLUMNS, "day",
        List.of(List.of(7L, java.time.LocalDate.parse("2026-11-20"), "a"), java.util.Arrays.asList(9L, java.time.LocalDate.parse("2026-11-20"), null)));
    DataFile reported = new DataFile(written.path(), written.partition(), false, 2, written.bytes(), Map.of(
        "id", new DataFile.ColumnStats(2, 0, 20, "7", "9"),
        "note", new DataFile.ColumnStats(2, 1, 10, "a", "a"),
        "day", new DataFile.ColumnStats(2, 0, 10, "2026-11-20", null)));
    store.publish(DAILY, store.stage(DAILY, List.of(reported), TableStore.Replace.table(), Map.of()).id());

    org.apache.iceberg.DataFile file = load(DAILY).currentSnapshot().addedDataFiles(load(DAILY).io()).iterator().next();
    int id = ids.get("id");
    assertThat(file.recordCount()).isEqualTo(2);
    assertThat(file.nullValueCounts()).containsEntry(ids.get("note"), 1L);
    assertThat(org.apache.iceberg.types.Conversions.<Long>fromByteBuffer(Types.LongType.get(), file.lowerBounds().get(id))).isEqualTo(7L);
    assertThat(org.apache.iceberg.types.Conversions.<Long>fromByteBuffer(Types.LongType.get(), file.upperBounds().get(id))).isEqualTo(9L);
    assertThat(file.upperBounds()).doesNotContainKey(ids.get("day"));
  }

  @Test
  void aBadPartitionValueIsRefusedBeforeAnythingIsCommitted() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    DataFile file = writeDataFile(store.newDataDirectory(DAILY, "b1"), ids, COLUMNS, "day",
        List.of(List.of(1L, java.time.LocalDate.parse("2026-01-01"), "a")));
    DataFile wrong = new DataFile(file.path(), "someday", false, 1, file.bytes());

    assertThatThrownBy(() -> store.stage(DAILY, List.of(wrong), Replace.table(), Map.of()))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot stage orders.daily: 'someday' is not a date value of partition column day");
    assertThatThrownBy(() -> store.stage(DAILY, List.of(file), Replace.range("2026-01-01", null), Map.of()))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot replace a range of orders.daily: the range needs both ends");
    assertThat(store.snapshots(DAILY)).isEmpty();
  }

  @Test
  void thePartitionColumnCanChangeAndTheOldOneBeDropped() throws InterruptedException {
    Map<String, Integer> dayIds = store.prepare(DAILY, COLUMNS, "day");
    DataFile old = writeDataFile(store.newDataDirectory(DAILY, "b1"), dayIds, COLUMNS, "day",
        List.of(List.of(1L, java.time.LocalDate.parse("2026-01-01"), "a")));
    TableStore.Snapshot first = store.publish(DAILY, store.stage(DAILY, List.of(old), Replace.table(), Map.of()).id());
    List<Column> columns = List.of(column("id", "int64"), column("note", "string"), column("region", "string"));
    Map<String, Integer> ids = store.prepare(DAILY, columns, "region");
    DataFile file = writeDataFile(store.newDataDirectory(DAILY, "b2"), ids, columns, "region", List.of(List.of(2L, "b", "eu")));

    TableStore.Snapshot second = store.publish(DAILY, store.stage(DAILY, List.of(file), Replace.writtenPartitions(), Map.of()).id());

    assertThat(second.rows()).isEqualTo(2);
    assertThat(store.files(DAILY, first.id())).containsExactly(old.path());
    assertThat(load(DAILY).spec().fields()).singleElement().satisfies(field -> assertThat(field.name()).isEqualTo("region"));
    assertThat(load(DAILY).schema().columns()).extracting(Types.NestedField::name).containsExactly("id", "note", "region");
    Thread.sleep(FILE_CLOCK_STEP_MS);
    assertThat(store.expire(DAILY, java.time.Instant.now())).isEqualTo(new TableStore.Expiry(1, 0, 0));
    assertThat(store.files(DAILY, second.id())).containsExactlyInAnyOrder(old.path(), file.path());
  }

  @Test
  void expiryDeletesOldFilesThatNoSnapshotUsesAndEmptiedDirectories() throws Exception {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    List<List<Object>> rows = List.of(List.of(1L, java.time.LocalDate.parse("2100-01-01"), "a"));
    Path abandoned = store.newDataDirectory(DAILY, "abandoned");
    DataFile orphan = writeDataFile(abandoned, ids, COLUMNS, "day", rows);
    DataFile used = writeDataFile(store.newDataDirectory(DAILY, "b1"), ids, COLUMNS, "day", rows);
    store.publish(DAILY, store.stage(DAILY, List.of(used), Replace.table(), Map.of()).id());
    Thread.sleep(FILE_CLOCK_STEP_MS);
    java.time.Instant before = java.time.Instant.now();
    Thread.sleep(FILE_CLOCK_STEP_MS);
    Path fresh = store.newDataDirectory(DAILY, "b2");

    assertThat(store.expire(DAILY, before)).isEqualTo(new TableStore.Expiry(0, 0, 1));

    assertThat(orphan.path()).doesNotExist();
    assertThat(abandoned).doesNotExist();
    assertThat(used.path()).exists();
    assertThat(fresh).isEmptyDirectory();
  }

  @Test
  void columnsFollowTheContractsOrder() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");

    assertThat(store.prepare(DAILY, List.of(COLUMNS.get(2), column("added", "int32"), COLUMNS.get(0), COLUMNS.get(1)), "day"))
        .containsEntry("note", ids.get("note")).containsEntry("id", ids.get("id"));
    assertThat(load(DAILY).schema().columns()).extracting(Types.NestedField::name).containsExactly("note", "added", "id", "day");
  }

  @Test
  void aUsedDataDirectoryIsNotHandedOutAgain() throws IOException {
    store.prepare(DAILY, COLUMNS, "day");
    Files.writeString(store.newDataDirectory(DAILY, "b1").resolve("part.parquet"), "x");

    assertThatThrownBy(() -> store.newDataDirectory(DAILY, "b1"))
        .isInstanceOf(ConflictException.class)
        .hasMessage("cannot create a data directory for orders.daily: " + dir.resolve("lake/orders/daily/data/b1")
            + " is not empty");
    assertThatThrownBy(() -> store.newDataDirectory(DAILY, "../b1"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot create a data directory for orders.daily: '../b1' is not a build id");
  }

  @Test
  void noChecksumFilesAreWritten() throws IOException {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    DataFile file = writeDataFile(store.newDataDirectory(DAILY, "b1"), ids, COLUMNS, "day",
        List.of(List.of(1L, java.time.LocalDate.parse("2026-01-01"), "a")));
    store.publish(DAILY, store.stage(DAILY, List.of(file), Replace.table(), Map.of()).id());

    try (Stream<Path> files = Files.walk(dir.resolve("lake"))) {
      assertThat(files.map(Path::toString)).isNotEmpty().noneMatch(name -> name.endsWith(".crc"));
    }
  }

  @Test
  void theProviderIsRegisteredAsIceberg() throws Exception {
    Provider provider = ServiceLoader.load(Provider.class).stream().map(ServiceLoader.Provider::get)
        .filter(candidate -> candidate.name().equals("iceberg")).findFirst().orElseThrow();
    assertThat(provider.type()).isEqualTo(TableStore.class);

    Settings settings = new Settings(catalogUrl(dir.resolve("other")), "sa", "", dir.resolve("other-lake"), dir, 0, null);
    try (AutoCloseable created = provider.create(settings)) {
      TableStore other = (TableStore) created;
      other.prepare(DAILY, COLUMNS, null);
      assertThat(other.location(DAILY)).isEqualTo("file:" + dir.resolve("other-lake/orders/daily"));
    }
  }

  @Test
  void columnTypesNameTheirContractType() {
    assertThat(IcebergTypes.contractName(IcebergTypes.toIceberg(ColumnType.parse("list<decimal(9,2)>"), () -> 7)))
        .isEqualTo("list<decimal(9,2)>");
    assertThat(IcebergTypes.contractName(Types.TimestampType.withZone())).isEqualTo("timestamptz");
  }
}
