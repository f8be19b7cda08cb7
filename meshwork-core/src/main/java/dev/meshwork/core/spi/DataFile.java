package dev.meshwork.core.spi;

import java.nio.file.Path;
import java.util.Map;

/**
 * A Parquet data file written by a build. {@code partition} is the text of its partition value
 * (as the engine casts it to text: {@code 2026-11-20}, {@code 42}), null for an unpartitioned
 * table; {@code nullPartition} marks the file holding the rows whose partition value is null.
 * {@code columns} holds the statistics the engine knew when it wrote the file, by column name;
 * empty when it knew none (the table store then reads them from the file).
 */
public record DataFile(Path path, String partition, boolean nullPartition, long rows, long bytes,
                       Map<String, ColumnStats> columns) {

  public DataFile {
    columns = columns == null ? Map.of() : Map.copyOf(columns);
  }

  public DataFile(Path path, String partition, boolean nullPartition, long rows, long bytes) {
    this(path, partition, nullPartition, rows, bytes, Map.of());
  }

  /**
   * One column of a file: values and nulls counted, bytes stored, and the least and greatest
   * value as text (null when unknown or not exact).
   */
  public record ColumnStats(long values, long nulls, long bytes, String min, String max) {}
}
