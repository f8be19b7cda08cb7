package dev.meshwork.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.spi.TableStore.Expiry;
import dev.meshwork.core.spi.TableStore.Replace;
import dev.meshwork.core.spi.TableStore.Snapshot;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.ColumnType;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link TableStore} guarantees. An implementation's test extends this, opens a store
 * keeping everything under a directory, and writes Parquet data files with given field ids (the
 * way the engine does, which core tests cannot use).
 */
public abstract class TableStoreContract {

  protected static final ProductRef DAILY = new ProductRef("orders", "daily");
  /** File times move in clock ticks of up to 10 ms: wait longer than that between "before" and "after". */
  protected static final long FILE_CLOCK_STEP_MS = 50;
  protected static final List<Column> COLUMNS = List.of(column("id", "int64"), column("day", "date"), column("note", "string"));

  @TempDir
  protected Path dir;
  protected TableStore store;
  private int builds;

  /** A store keeping its catalog and tables under {@code dir}. */
  protected abstract TableStore newStore(Path dir);

  /**
   * Writes {@code rows} (values as Java objects: Long, Integer, LocalDate, String, ... in column
   * order) as one Parquet file in {@code directory} whose fields carry {@code fieldIds}. All rows
   * have the same value of {@code partitionColumn} (null for an unpartitioned table).
   */
  protected abstract DataFile writeDataFile(Path directory, Map<String, Integer> fieldIds, List<Column> columns,
                                            String partitionColumn, List<List<Object>> rows);

  @BeforeEach
  void openStore() {
    store = newStore(dir);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected static Column column(String name, String type) {
    return new Column(name, ColumnType.parse(type), false, false, false, null, null, false, null);
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  private static LocalDate day(String text) {
    return LocalDate.parse(text);
  }

  /** Writes one file per group of rows in a new data directory of {@code product}. */
  @SafeVarargs
  private List<DataFile> write(ProductRef product, Map<String, Integer> ids, List<Column> columns, String partitionBy,
                               List<List<Object>>... files) {
    Path directory = store.newDataDirectory(product, "build-" + ++builds);
    List<DataFile> written = new ArrayList<>();
    for (List<List<Object>> rows : files) {
      written.add(writeDataFile(directory, ids, columns, partitionBy, rows));
    }
    return written;
  }

  @SafeVarargs
  private Snapshot stageDaily(Map<String, Integer> ids, Replace replace, List<List<Object>>... files) {
    return store.stage(DAILY, write(DAILY, ids, COLUMNS, "day", files), replace, Map.of());
  }

  private static List<Path> paths(List<DataFile> files) {
    return files.stream().map(DataFile::path).sorted().toList();
  }

  @Test
  void prepareCreatesTheTableAndGivesEachColumnAFieldId() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");

    assertThat(ids).containsOnlyKeys("id", "day", "note");
    assertThat(ids.values()).doesNotHaveDuplicates();
    assertThat(store.current(DAILY)).isEmpty();
    assertThat(store.snapshots(DAILY)).isEmpty();
    assertThat(store.prepare(DAILY, COLUMNS, "day")).isEqualTo(ids);
  }

  @Test
  void prepareEvolvesTheTableAndKeepsFieldIds() {
    Map<String, Integer> before = store.prepare(DAILY, List.of(column("id", "int32"), column("amount", "float32"),
        column("price", "decimal(10,2)"), column("note", "string"), column("old", "string")), null);

    List<Column> evolved = List.of(column("id", "int64"), column("amount", "float64"), column("price", "decimal(12,2)"),
        column("note", "string"), column("added", "boolean"));
    Map<String, Integer> after = store.prepare(DAILY, evolved, null);

    assertThat(after).containsOnlyKeys("id", "amount", "price", "note", "added");
    for (String kept : List.of("id", "amount", "price", "note")) {
      assertThat(after.get(kept)).isEqualTo(before.get(kept));
    }
    assertThat(before.values()).doesNotContain(after.get("added"));
    List<DataFile> files = write(DAILY, after, evolved, null, List.of(row(1L, 2.5d, new java.math.BigDecimal("3.10"), "a", true)));
    Snapshot staged = store.stage(DAILY, files, Replace.table(), Map.of());
    assertThat(store.publish(DAILY, staged.id()).rows()).isEqualTo(1);

    List<Column> fewer = evolved.subList(0, 4);
    Map<String, Integer> kept = store.prepare(DAILY, fewer, null);
    assertThat(kept).containsOnlyKeys("id", "amount", "price", "note").containsEntry("id", before.get("id"));
    assertThat(store.prepare(DAILY, fewer, "note")).isEqualTo(kept);
    assertThat(store.prepare(DAILY, List.of(fewer.get(3), fewer.get(0), fewer.get(1), fewer.get(2)), "note")).isEqualTo(kept);
  }

  @Test
  void prepareRefusesToNarrowOrChangeAType() {
    List<Column> columns = List.of(column("id", "int64"), column("total_cents", "string"));
    Map<String, Integer> ids = store.prepare(DAILY, columns, null);

    assertThatThrownBy(() -> store.prepare(DAILY, List.of(column("id", "int64"), column("total_cents", "int64")), null))
        .isInstanceOf(ConflictException.class)
        .hasMessage("cannot change column total_cents of orders.daily from string to int64: a column's type can only "
            + "widen (int32 to int64, float32 to float64, decimal to a larger precision)");
    assertThatThrownBy(() -> store.prepare(DAILY, List.of(column("id", "int32"), column("total_cents", "string")), null))
        .isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("cannot change column id of orders.daily from int64 to int32: ");
    assertThat(store.prepare(DAILY, columns, null)).isEqualTo(ids);
  }

  @Test
  void stagesAndPublishesTheWholeTable() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    List<DataFile> files = write(DAILY, ids, COLUMNS, "day",
        List.of(row(1L, day("2026-01-01"), "a"), row(2L, day("2026-01-01"), "b")), List.of(row(3L, day("2026-01-02"), null)));

    Snapshot staged = store.stage(DAILY, files, Replace.table(), Map.of("meshwork.build", "b1"));

    assertThat(staged.rows()).isEqualTo(3);
    assertThat(staged.files()).isEqualTo(2);
    assertThat(staged.bytes()).isEqualTo(files.get(0).bytes() + files.get(1).bytes());
    assertThat(staged.parentId()).isNull();
    assertThat(staged.summary()).containsEntry("meshwork.build", "b1");
    assertThat(store.current(DAILY)).isEmpty();

    Snapshot published = store.publish(DAILY, staged.id());
    assertThat(published.id()).isEqualTo(staged.id());
    assertThat(store.current(DAILY)).map(Snapshot::id).contains(staged.id());
    assertThat(store.files(DAILY, staged.id())).containsExactlyElementsOf(paths(files));

    Snapshot second = stageDaily(ids, Replace.table(), List.of(row(4L, day("2026-01-03"), "d")));
    assertThat(store.publish(DAILY, second.id()).rows()).isEqualTo(1);
    assertThat(store.current(DAILY).orElseThrow().files()).isEqualTo(1);
  }

  @Test
  void currentsAreThePublishedSnapshotsOfManyProductsAtOnce() {
    ProductRef weekly = new ProductRef("orders", "weekly");
    ProductRef never = new ProductRef("orders", "never");
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    store.prepare(weekly, COLUMNS, "day");
    assertThat(store.currents(List.of(DAILY, weekly, never))).isEmpty();

    Snapshot first = store.publish(DAILY, stageDaily(ids, Replace.table(), List.of(row(1L, day("2026-01-01"), "a"))).id());
    assertThat(store.currents(List.of(DAILY, weekly, never))).containsOnlyKeys(DAILY);
    assertThat(store.currents(List.of(DAILY)).get(DAILY).id()).isEqualTo(first.id());

    Snapshot second = store.publish(DAILY, stageDaily(ids, Replace.table(), List.of(row(2L, day("2026-01-02"), "b"),
        row(3L, day("2026-01-02"), "c"))).id());
    Snapshot now = store.currents(List.of(weekly, DAILY)).get(DAILY);
    assertThat(now.id()).isEqualTo(second.id()).isNotEqualTo(first.id());
    assertThat(now).isEqualTo(store.current(DAILY).orElseThrow());
    assertThat(now.rows()).isEqualTo(2);
  }

  @Test
  void stagedDataIsNotVisibleBeforeItIsPublished() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    Snapshot first = store.publish(DAILY, stageDaily(ids, Replace.table(), List.of(row(1L, day("2026-01-01"), "a"))).id());
    List<Path> firstFiles = store.files(DAILY, first.id());

    Snapshot staged = stageDaily(ids, Replace.table(), List.of(row(2L, day("2026-01-02"), "b"), row(3L, day("2026-01-02"), "c")));

    assertThat(staged.parentId()).isEqualTo(first.id());
    assertThat(store.current(DAILY)).map(Snapshot::id).contains(first.id());
    assertThat(store.files(DAILY, store.current(DAILY).orElseThrow().id())).isEqualTo(firstFiles);
    assertThat(store.publish(DAILY, staged.id()).rows()).isEqualTo(2);
  }

  @Test
  void publishRefusesWhenTheTableChangedSinceStaging() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    store.publish(DAILY, stageDaily(ids, Replace.table(), List.of(row(1L, day("2026-01-01"), "a"))).id());
    Snapshot slow = stageDaily(ids, Replace.table(), List.of(row(2L, day("2026-01-02"), "b")));
    Snapshot fast = store.publish(DAILY, stageDaily(ids, Replace.table(), List.of(row(3L, day("2026-01-03"), "c"))).id());

    assertThatThrownBy(() -> store.publish(DAILY, slow.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("cannot publish orders.daily: the table changed since the build staged its data");
    assertThat(store.current(DAILY)).map(Snapshot::id).contains(fast.id());
    assertThatThrownBy(() -> store.publish(DAILY, 42L))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot publish orders.daily: snapshot 42 does not exist");
  }

  @Test
  void aTableReplaceWithoutFilesEmptiesTheTable() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    Snapshot empty = store.stage(DAILY, List.of(), Replace.table(), Map.of());
    assertThat(store.publish(DAILY, empty.id()).rows()).isZero();

    store.publish(DAILY, stageDaily(ids, Replace.table(), List.of(row(1L, day("2026-01-01"), "a"))).id());
    Snapshot emptied = store.publish(DAILY, store.stage(DAILY, List.of(), Replace.table(), Map.of()).id());

    assertThat(emptied.rows()).isZero();
    assertThat(emptied.files()).isZero();
    assertThat(store.files(DAILY, emptied.id())).isEmpty();
  }

  @Test
  void writtenPartitionsReplaceOnlyThoseAndKeepTheOthers() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    List<DataFile> first = write(DAILY, ids, COLUMNS, "day",
        List.of(row(1L, day("2026-01-01"), "a"), row(2L, day("2026-01-01"), "b")), List.of(row(3L, day("2026-01-02"), "c")));
    store.publish(DAILY, store.stage(DAILY, first, Replace.table(), Map.of()).id());

    List<DataFile> rewrite = write(DAILY, ids, COLUMNS, "day",
        List.of(row(4L, day("2026-01-02"), "d"), row(5L, day("2026-01-02"), "e"), row(6L, day("2026-01-02"), "f")));
    Snapshot second = store.publish(DAILY, store.stage(DAILY, rewrite, Replace.writtenPartitions(), Map.of()).id());

    assertThat(second.rows()).isEqualTo(5);
    assertThat(store.files(DAILY, second.id())).containsExactlyInAnyOrder(first.get(0).path(), rewrite.get(0).path());
  }

  @Test
  void aRangeReplacesThePartitionsInItComparedAsTheirType() {
    ProductRef byStore = new ProductRef("orders", "by_store");
    List<Column> columns = List.of(column("store", "int64"), column("amount", "int64"));
    Map<String, Integer> ids = store.prepare(byStore, columns, "store");
    List<DataFile> first = write(byStore, ids, columns, "store",
        List.of(row(9L, 1L)), List.of(row(10L, 2L)), List.of(row(100L, 3L)), List.of(row(null, 4L)));
    store.publish(byStore, store.stage(byStore, first, Replace.table(), Map.of()).id());

    List<DataFile> rewrite = write(byStore, ids, columns, "store", List.of(row(9L, 10L), row(9L, 20L)));
    Snapshot second = store.publish(byStore, store.stage(byStore, rewrite, Replace.range("9", "10"), Map.of()).id());

    assertThat(store.files(byStore, second.id()))
        .containsExactlyInAnyOrder(first.get(2).path(), first.get(3).path(), rewrite.get(0).path());
    assertThat(second.rows()).isEqualTo(4);
  }

  @Test
  void filesAreListedPerSnapshot() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    List<DataFile> one = write(DAILY, ids, COLUMNS, "day", List.of(row(1L, day("2026-01-01"), "a")));
    Snapshot first = store.publish(DAILY, store.stage(DAILY, one, Replace.table(), Map.of()).id());
    List<DataFile> two = write(DAILY, ids, COLUMNS, "day", List.of(row(2L, day("2026-01-02"), "b")));
    Snapshot second = store.publish(DAILY, store.stage(DAILY, two, Replace.table(), Map.of()).id());

    assertThat(store.files(DAILY, first.id())).containsExactlyElementsOf(paths(one));
    assertThat(store.files(DAILY, second.id())).containsExactlyElementsOf(paths(two));
    assertThat(paths(two).get(0)).startsWith(dir);
  }

  @Test
  void snapshotsAreListedOldestFirst() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    List<Long> published = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      published.add(store.publish(DAILY, stageDaily(ids, Replace.table(), List.of(row((long) i, day("2026-01-01"), "a"))).id()).id());
    }

    List<Snapshot> snapshots = store.snapshots(DAILY);

    assertThat(snapshots).extracting(Snapshot::id).containsExactlyElementsOf(published);
    assertThat(snapshots).extracting(Snapshot::committedAt).isSorted();
  }

  @Test
  void expiryDropsOldPartitionsAndSnapshotsAndDeletesTheirFiles() throws Exception {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    List<DataFile> first = write(DAILY, ids, COLUMNS, "day",
        List.of(row(1L, day("2020-01-01"), "old")), List.of(row(2L, day("2100-01-01"), "future")));
    store.publish(DAILY, store.stage(DAILY, first, Replace.table(), Map.of()).id());
    List<DataFile> second = write(DAILY, ids, COLUMNS, "day", List.of(row(3L, day("2100-01-01"), "again")));
    store.publish(DAILY, store.stage(DAILY, second, Replace.writtenPartitions(), Map.of()).id());
    Thread.sleep(FILE_CLOCK_STEP_MS);

    Expiry expiry = store.expire(DAILY, Instant.now());

    assertThat(expiry).isEqualTo(new Expiry(2, 1, 2));
    Snapshot current = store.current(DAILY).orElseThrow();
    assertThat(current.rows()).isEqualTo(1);
    assertThat(store.snapshots(DAILY)).extracting(Snapshot::id).containsExactly(current.id());
    assertThat(store.files(DAILY, current.id())).containsExactly(second.get(0).path());
    assertThat(first.get(0).path()).doesNotExist();
    assertThat(first.get(1).path()).doesNotExist();
    assertThat(second.get(0).path()).exists();
  }

  @Test
  void expiryKeepsThePublishedAndTheStagedSnapshot() throws Exception {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    List<DataFile> first = write(DAILY, ids, COLUMNS, "day", List.of(row(1L, day("2100-01-01"), "a")));
    store.publish(DAILY, store.stage(DAILY, first, Replace.table(), Map.of()).id());
    Snapshot published = store.publish(DAILY, stageDaily(ids, Replace.table(), List.of(row(2L, day("2100-01-01"), "b"))).id());
    Snapshot staged = stageDaily(ids, Replace.table(), List.of(row(3L, day("2100-01-01"), "c")));
    Thread.sleep(FILE_CLOCK_STEP_MS);

    Expiry expiry = store.expire(DAILY, Instant.now());

    assertThat(expiry).isEqualTo(new Expiry(1, 0, 1));
    assertThat(store.snapshots(DAILY)).extracting(Snapshot::id).containsExactly(published.id(), staged.id());
    assertThat(first.get(0).path()).doesNotExist();
    assertThat(store.files(DAILY, published.id())).allMatch(Files::exists);
    assertThat(store.publish(DAILY, staged.id()).rows()).isEqualTo(1);
  }

  @Test
  void aProductNeverPublishedHasNoCurrentSnapshot() {
    assertThat(store.current(new ProductRef("orders", "unknown"))).isEmpty();
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    assertThat(store.expire(DAILY, Instant.now())).isEqualTo(new Expiry(0, 0, 0));
    stageDaily(ids, Replace.table(), List.of(row(1L, day("2026-01-01"), "a")));

    assertThat(store.current(DAILY)).isEmpty();
    assertThat(store.snapshots(DAILY)).hasSize(1);
    assertThatThrownBy(() -> store.stage(new ProductRef("orders", "unknown"), List.of(), Replace.table(), Map.of()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot stage orders.unknown: it has no table yet");
  }

  @Test
  void aReopenedStoreKeepsTheTablesAndTheirSnapshots() {
    Map<String, Integer> ids = store.prepare(DAILY, COLUMNS, "day");
    Snapshot published = store.publish(DAILY, stageDaily(ids, Replace.table(), List.of(row(1L, day("2026-01-01"), "a"))).id());
    store.close();

    store = newStore(dir);

    assertThat(store.current(DAILY)).map(Snapshot::id).contains(published.id());
    assertThat(store.prepare(DAILY, COLUMNS, "day")).isEqualTo(ids);
    Snapshot next = stageDaily(ids, Replace.writtenPartitions(), List.of(row(2L, day("2026-01-02"), "b")));
    assertThat(store.publish(DAILY, next.id()).rows()).isEqualTo(2);
  }

  @Test
  void newDataDirectoriesAreEmptyAndApart() {
    store.prepare(DAILY, COLUMNS, "day");

    Path one = store.newDataDirectory(DAILY, "b1");
    Path two = store.newDataDirectory(DAILY, "b2");

    assertThat(one).isEmptyDirectory();
    assertThat(two).isEmptyDirectory().isNotEqualTo(one);
  }

  @Test
  void differentProductsCanBeBuiltFromParallelThreads() throws Exception {
    List<Column> columns = List.of(column("id", "int64"), column("note", "string"));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Snapshot>> builds = new ArrayList<>();
      for (String name : List.of("left", "right")) {
        ProductRef product = new ProductRef("sales", name);
        builds.add(threads.submit(() -> {
          Snapshot last = null;
          for (int round = 1; round <= 3; round++) {
            Map<String, Integer> ids = store.prepare(product, columns, null);
            Path directory = store.newDataDirectory(product, name + round);
            List<List<Object>> rows = new ArrayList<>();
            for (long id = 0; id < round; id++) {
              rows.add(row(id, name));
            }
            DataFile file = writeDataFile(directory, ids, columns, null, rows);
            last = store.publish(product, store.stage(product, List.of(file), Replace.table(), Map.of()).id());
          }
          return last;
        }));
      }
      for (Future<Snapshot> build : builds) {
        assertThat(build.get().rows()).isEqualTo(3);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(store.current(new ProductRef("sales", "left"))).map(Snapshot::rows).contains(3L);
    assertThat(store.snapshots(new ProductRef("sales", "right"))).hasSize(3);
  }
}
