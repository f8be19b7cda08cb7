package dev.meshwork.iceberg;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionData;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.parquet.ParquetUtil;

/** The data files of a snapshot, and Parquet files a build wrote as Iceberg data files. */
final class TableFiles {

  private TableFiles() {}

  /** The data files of {@code snapshot} (none for a table without one), each with its partition spec. */
  static List<FileScanTask> of(Table table, Snapshot snapshot) {
    List<FileScanTask> files = new ArrayList<>();
    if (snapshot == null) {
      return files;
    }
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
      tasks.forEach(files::add);
      return files;
    } catch (IOException | UncheckedIOException e) {
      throw new EngineException("cannot list the data files of " + table.name() + ": " + e.getMessage(), e);
    }
  }

  /** The value of {@code file}'s identity partition on column {@code sourceId}; null when it is null or not partitioned so. */
  static Object partitionValue(FileScanTask file, int sourceId) {
    List<PartitionField> fields = file.spec().fields();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).sourceId() == sourceId && fields.get(i).transform().isIdentity()) {
        return file.file().partition().get(i, Object.class);
      }
    }
    return null;
  }

  /** A Parquet file written with the table's field ids, as a data file of the table's current spec. */
  static DataFile register(Table table, ProductRef product, dev.meshwork.core.spi.DataFile file) {
    PartitionSpec spec = table.spec();
    DataFiles.Builder builder = DataFiles.builder(spec).withFormat(FileFormat.PARQUET);
    if (!file.columns().isEmpty()) {
      builder.withPath(IcebergTableStore.location(file.path())).withFileSizeInBytes(file.bytes())
          .withMetrics(FileMetrics.of(table.schema(), file));
    } else {
      InputFile input = table.io().newInputFile(IcebergTableStore.location(file.path()));
      try {
        builder.withInputFile(input).withMetrics(ParquetUtil.fileMetrics(input, MetricsConfig.forTable(table)));
      } catch (RuntimeException e) {
        throw new EngineException("cannot stage " + product + ": cannot read data file " + file.path() + ": " + e.getMessage(), e);
      }
    }
    PartitionField field = SchemaEvolution.partitionField(spec);
    boolean hasValue = file.partition() != null || file.nullPartition();
    if (field == null || spec.fields().size() != 1) {
      if (hasValue) {
        throw new InvalidException("cannot stage " + product + ": data file " + file.path()
            + " has a partition value but the table is not partitioned");
      }
      return builder.build();
    }
    String column = table.schema().findColumnName(field.sourceId());
    if (!hasValue) {
      throw new InvalidException("cannot stage " + product + ": data file " + file.path()
          + " has no partition value but the table is partitioned by " + column);
    }
    PartitionData partition = new PartitionData(spec.partitionType());
    if (!file.nullPartition()) {
      try {
        partition.set(0, IcebergTypes.partitionValue(file.partition(), spec.partitionType().fields().get(0).type(), column));
      } catch (InvalidException e) {
        throw new InvalidException("cannot stage " + product + ": " + e.getMessage());
      }
    }
    return builder.withPartition(partition).build();
  }

  static Path path(DataFile file) {
    return IcebergTableStore.path(file.location());
  }
}
