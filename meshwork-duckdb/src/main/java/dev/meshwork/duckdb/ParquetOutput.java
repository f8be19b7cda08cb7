package dev.meshwork.duckdb;

import static java.util.stream.Collectors.joining;

import dev.meshwork.core.spi.DataFile;
import dev.meshwork.core.spi.EngineException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a relation as Parquet files with DuckDB's {@code COPY}: field ids on the columns (and on
 * list elements, given as {@code column.element}), hive directories ({@code column=value}) per
 * partition value, files of at most about 256 MB.
 */
final class ParquetOutput {

  /** The directory DuckDB writes the rows whose partition value is null to. */
  private static final String NULL_DIRECTORY = "__HIVE_DEFAULT_PARTITION__";

  private final DuckDbWorkspace workspace;

  ParquetOutput(DuckDbWorkspace workspace) {
    this.workspace = workspace;
  }

  List<DataFile> write(Relation relation, Path directory, String partitionColumn, Map<String, Integer> fieldIds) {
    StringBuilder options = new StringBuilder("FORMAT parquet, COMPRESSION zstd, FILE_SIZE_BYTES '256MB'");
    if (fieldIds != null && !fieldIds.isEmpty()) {
      options.append(", FIELD_IDS {").append(fieldIds.keySet().stream().filter(name -> !name.contains("."))
          .map(name -> Sql.literal(name) + ": " + fieldId(fieldIds, name)).collect(joining(", "))).append("}");
    }
    if (partitionColumn != null) {
      options.append(", PARTITION_BY (").append(Sql.identifier(partitionColumn)).append("), WRITE_PARTITION_COLUMNS true");
    }
    try {
      workspace.execute("COPY (SELECT * FROM " + relation.sql() + ") TO " + Sql.literal(directory.toString())
          + " (" + options + ")");
    } catch (SQLException e) {
      if (Sql.isInternal(e)) {
        throw new EngineException("cannot write Parquet files to " + directory + ": " + Sql.message(e), e);
      }
      throw Sql.error(e);
    }
    return dataFiles(directory, partitionColumn != null);
  }

  /** A column's field id, with its list element's as {@code column.element} when given. */
  private static String fieldId(Map<String, Integer> fieldIds, String name) {
    String element = name + ".element";
    return fieldIds.containsKey(element)
        ? "{__duckdb_field_id: " + fieldIds.get(name) + ", element: " + fieldId(fieldIds, element) + "}"
        : String.valueOf(fieldIds.get(name));
  }

  /** The files written, with their row counts from the Parquet footers; files without rows are dropped. */
  private List<DataFile> dataFiles(Path directory, boolean partitioned) {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(directory)) {
      paths = walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new EngineException("cannot list the Parquet files in " + directory + ": " + e.getMessage(), e);
    }
    if (paths.isEmpty()) {
      return List.of();
    }
    Map<String, Long> rows = rowCounts(paths);
    List<DataFile> files = new ArrayList<>();
    try {
      for (Path path : paths) {
        long count = rows.get(path.toString());
        if (count == 0) {
          Files.delete(path);
          continue;
        }
        String value = partitioned ? partitionValue(path.getParent().getFileName().toString()) : null;
        boolean nullPartition = partitioned && value == null;
        files.add(new DataFile(path, value, nullPartition, count, Files.size(path)));
      }
    } catch (IOException e) {
      throw new EngineException("cannot read the Parquet files in " + directory + ": " + e.getMessage(), e);
    }
    return files;
  }

  private Map<String, Long> rowCounts(List<Path> paths) {
    Map<String, Long> rows = new HashMap<>();
    String list = paths.stream().map(p -> Sql.literal(p.toString())).collect(joining(", "));
    try (Statement statement = workspace.connection().createStatement();
         ResultSet result = statement.executeQuery("SELECT file_name, num_rows FROM parquet_file_metadata([" + list + "])")) {
      while (result.next()) {
        rows.put(result.getString(1), result.getLong(2));
      }
    } catch (SQLException e) {
      throw new EngineException("cannot read the footers of the Parquet files written: " + Sql.message(e), e);
    }
    return rows;
  }

  /** The value of a hive directory {@code column=value}, URL-decoded; null for DuckDB's null directory. */
  private static String partitionValue(String directoryName) {
    String encoded = directoryName.substring(directoryName.indexOf('=') + 1);
    return encoded.equals(NULL_DIRECTORY) ? null : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
  }
}
