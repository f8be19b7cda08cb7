package dev.meshwork.iceberg;

import dev.meshwork.core.spi.TableStore.Replace;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import java.util.Comparator;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.ReplacePartitions;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Comparators;
import org.apache.iceberg.types.Type;

/** The commit that puts a build's files in place of the part of the table it replaces. */
final class Staging {

  private Staging() {}

  /** The uncommitted update of the staging branch, based on {@code base} (the published snapshot, null for none) for {@code replace}. */
  static SnapshotUpdate<?> update(Table table, ProductRef product, Snapshot base, List<DataFile> files, Replace replace) {
    switch (replace.mode()) {
      case WRITTEN_PARTITIONS:
        ReplacePartitions partitions = table.newReplacePartitions().toBranch(IcebergTableStore.STAGING);
        files.forEach(partitions::addFile);
        return partitions;
      case RANGE:
        OverwriteFiles range = table.newOverwrite().toBranch(IcebergTableStore.STAGING);
        inRange(table, product, base, replace).forEach(range::deleteFile);
        files.forEach(range::addFile);
        return range;
      default:
        OverwriteFiles everything = table.newOverwrite().toBranch(IcebergTableStore.STAGING)
            .overwriteByRowFilter(Expressions.alwaysTrue());
        files.forEach(everything::addFile);
        return everything;
    }
  }

  /** The files of {@code base} whose identity partition value lies in [from, to], compared as the column's type. */
  private static List<DataFile> inRange(Table table, ProductRef product, Snapshot base, Replace replace) {
    PartitionField field = SchemaEvolution.partitionField(table.spec());
    if (field == null) {
      throw new InvalidException("cannot replace a range of " + product + ": the table has no partition column");
    }
    if (replace.from() == null || replace.to() == null) {
      throw new InvalidException("cannot replace a range of " + product + ": the range needs both ends");
    }
    String column = table.schema().findColumnName(field.sourceId());
    Type type = table.schema().findType(field.sourceId());
    Object from;
    Object to;
    try {
      from = IcebergTypes.partitionValue(replace.from(), type, column);
      to = IcebergTypes.partitionValue(replace.to(), type, column);
    } catch (InvalidException e) {
      throw new InvalidException("cannot replace a range of " + product + ": " + e.getMessage());
    }
    Comparator<Object> order = Comparators.forType(type.asPrimitiveType());
    return TableFiles.of(table, base).stream()
        .filter(file -> {
          Object value = TableFiles.partitionValue(file, field.sourceId());
          return value != null && order.compare(value, from) >= 0 && order.compare(value, to) <= 0;
        })
        .map(FileScanTask::file).toList();
  }
}
