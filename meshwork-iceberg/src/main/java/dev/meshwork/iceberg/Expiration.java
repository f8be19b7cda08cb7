package dev.meshwork.iceberg;

import java.util.ArrayList;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.ManifestFile;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.TableStore.Expiry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.iceberg.DeleteFiles;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Comparators;
import org.apache.iceberg.types.Type;

/** Retention: old partitions leave the published table, old snapshots and the files only they used go. */
final class Expiration {

  private Expiration() {}

  static Expiry expire(Table table, Instant before) {
    int partitions = dropPartitions(table, before);
    Set<Path> touched = new HashSet<>();
    AtomicInteger files = new AtomicInteger();
    int snapshots = count(table);
    if (!hasExpirable(table, before)) {
      return new Expiry(0, partitions, sweep(table, before, touched));
    }
    table.expireSnapshots()
        .expireOlderThan(before.toEpochMilli())
        .retainLast(1)
        .cleanExpiredMetadata(true)
        .deleteWith(location -> {
          if (location.endsWith(".parquet")) {
            files.incrementAndGet();
          }
          touched.add(IcebergTableStore.path(location).getParent());
          table.io().deleteFile(location);
        })
        .commit();
    snapshots -= count(table);
    return new Expiry(snapshots, partitions, files.get() + sweep(table, before, touched));
  }

  /**
   * Whether, by the manifests' partition summaries, a value of partition column {@code sourceId}
   * may lie before {@code limit}; a manifest whose summary cannot tell counts as yes.
   */
  private static boolean mayHoldBefore(Table table, Snapshot main, int sourceId, Object limit, Comparator<Object> order) {
    for (ManifestFile manifest : main.dataManifests(table.io())) {
      PartitionSpec spec = table.specs().get(manifest.partitionSpecId());
      List<ManifestFile.PartitionFieldSummary> summaries = manifest.partitions();
      boolean readable = spec != null && spec.fields().size() == 1 && spec.fields().get(0).sourceId() == sourceId
          && summaries != null && summaries.size() == 1;
      if (!readable) {
        return true;
      }
      if (summaries.get(0).lowerBound() == null) {
        continue; // only nulls: nothing to expire here
      }
      Object lowest = Conversions.fromByteBuffer(spec.partitionType().fields().get(0).type(), summaries.get(0).lowerBound());
      if (order.compare(lowest, limit) < 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a snapshot other than the published one was committed before {@code before}. */
  private static boolean hasExpirable(Table table, Instant before) {
    Snapshot main = table.currentSnapshot();
    for (Snapshot snapshot : table.snapshots()) {
      if (snapshot.timestampMillis() < before.toEpochMilli() && (main == null || snapshot.snapshotId() != main.snapshotId())) {
        return true;
      }
    }
    return false;
  }

  /** Deletes from {@code main} the partitions of a date or timestamp column before {@code before}; how many. */
  private static int dropPartitions(Table table, Instant before) {
    PartitionField field = SchemaEvolution.partitionField(table.spec());
    Snapshot main = table.currentSnapshot();
    if (field == null || main == null) {
      return 0;
    }
    Type type = table.schema().findType(field.sourceId());
    Object limit;
    if (type.typeId() == Type.TypeID.DATE) {
      limit = (int) LocalDate.ofInstant(before, ZoneOffset.UTC).toEpochDay();
    } else if (type.typeId() == Type.TypeID.TIMESTAMP) {
      limit = ChronoUnit.MICROS.between(Instant.EPOCH, before);
    } else {
      return 0;
    }
    Comparator<Object> order = Comparators.forType(type.asPrimitiveType());
    Set<Object> values = new HashSet<>();
    if (!mayHoldBefore(table, main, field.sourceId(), limit, order)) {
      return 0;
    }
    DeleteFiles delete = table.newDelete();
    for (FileScanTask file : TableFiles.of(table, main)) {
      Object value = TableFiles.partitionValue(file, field.sourceId());
      if (value != null && order.compare(value, limit) < 0) {
        values.add(value);
        delete.deleteFile(file.file());
      }
    }
    if (values.isEmpty()) {
      return 0;
    }
    delete.commit();
    SnapshotRef staging = table.refs().get(IcebergTableStore.STAGING);
    if (staging != null && staging.snapshotId() == main.snapshotId()) {
      // nothing waits on staging: let it follow main, so the old files are used by no kept snapshot
      table.manageSnapshots().replaceBranch(IcebergTableStore.STAGING, table.currentSnapshot().snapshotId()).commit();
    }
    return values.size();
  }

  /**
   * Deletes the files of old build directories ({@code data/<build>/}, last changed before
   * {@code before}, or holding files the expiry just deleted) that no snapshot uses — left by builds that never staged — then the
   * directories that deleting emptied. Directories of recent builds are not even listed.
   */
  private static int sweep(Table table, Instant before, Set<Path> touched) {
    Path data = IcebergTableStore.path(table.location()).resolve("data");
    if (!Files.isDirectory(data)) {
      return 0;
    }
    int deleted = 0;
    try {
      List<Path> oldBuilds = new ArrayList<>();
      try (Stream<Path> builds = Files.list(data)) {
        for (Path build : (Iterable<Path>) builds::iterator) {
          boolean expiredFrom = touched.stream().anyMatch(directory -> directory.startsWith(build));
          if (Files.isDirectory(build) && (expiredFrom || Files.getLastModifiedTime(build).toInstant().isBefore(before))) {
            oldBuilds.add(build);
          }
        }
      }
      Set<Path> used = new HashSet<>();
      if (!oldBuilds.isEmpty()) {
        table.snapshots().forEach(snapshot -> TableFiles.of(table, snapshot).forEach(file -> used.add(TableFiles.path(file.file()))));
      }
      for (Path build : oldBuilds) {
        touched.add(build);
        for (Path file : list(build, Files::isRegularFile)) {
          if (!used.contains(file)) {
            Files.delete(file);
            touched.add(file.getParent());
            deleted++;
          }
        }
      }
      List<Path> candidates = new ArrayList<>(touched);
      candidates.sort(Comparator.comparingInt(Path::getNameCount).reversed());
      for (Path directory : candidates) {
        if (directory.startsWith(data) && !directory.equals(data) && Files.isDirectory(directory) && isEmpty(directory)) {
          Files.delete(directory);
          Path parent = directory.getParent();
          if (!parent.equals(data) && isEmpty(parent)) {
            Files.delete(parent);
          }
        }
      }
    } catch (IOException e) {
      throw new EngineException("cannot delete unused files of " + table.name() + ": " + e.getMessage(), e);
    }
    return deleted;
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  private static List<Path> list(Path directory, java.util.function.Predicate<Path> filter) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(filter).sorted(Comparator.reverseOrder()).toList();
    }
  }

  private static int count(Table table) {
    int count = 0;
    for (Snapshot ignored : table.snapshots()) {
      count++;
    }
    return count;
  }
}
