package dev.meshwork.core.spi;

import java.nio.file.Path;

/**
 * A Parquet data file written by a build. {@code partition} is the text of its partition value
 * (as the engine casts it to text: {@code 2026-11-20}, {@code 42}), null for an unpartitioned
 * table; {@code nullPartition} marks the file holding the rows whose partition value is null.
 */
public record DataFile(Path path, String partition, boolean nullPartition, long rows, long bytes) {}
