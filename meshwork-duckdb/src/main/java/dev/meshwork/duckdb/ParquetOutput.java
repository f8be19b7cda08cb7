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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    options.append(", RETURN_STATS true");
    String copy = "COPY (SELECT * FROM " + relation.sql() + ") TO " + Sql.literal(directory.toString()) + " (" + options + ")";
    try (Statement statement = workspace.connection().createStatement(); ResultSet written = statement.executeQuery(copy)) {
      return dataFiles(written, partitionColumn != null);
    } catch (SQLException e) {
      if (Sql.isInternal(e)) {
        throw new EngineException("cannot write Parquet files to " + directory + ": " + Sql.message(e), e);
      }
      throw Sql.error(e);
    } catch (IOException e) {
      throw new EngineException("cannot read the Parquet files in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** A column's field id, with its list element's as {@code column.element} when given. */
  private static String fieldId(Map<String, Integer> fieldIds, String name) {
    String element = name + ".element";
    return fieldIds.containsKey(element)
        ? "{__duckdb_field_id: " + fieldIds.get(name) + ", element: " + fieldId(fieldIds, element) + "}"
        : String.valueOf(fieldIds.get(name));
  }

  /** The files written, as COPY reports them with their statistics; files without rows are dropped. */
  private static List<DataFile> dataFiles(ResultSet written, boolean partitioned) throws SQLException, IOException {
    List<DataFile> files = new ArrayList<>();
    while (written.next()) {
      Path path = Path.of(written.getString("filename"));
      long count = written.getLong("count");
      if (count == 0) {
        Files.deleteIfExists(path);
        continue;
      }
      String value = partitioned ? partitionValue(path.getParent().getFileName().toString()) : null;
      files.add(new DataFile(path, value, partitioned && value == null, count, written.getLong("file_size_bytes"),
          columnStats(written.getObject("column_statistics"))));
    }
    files.sort(Comparator.comparing(DataFile::path));
    return files;
  }

  /** DuckDB's per-column statistics (a map from quoted column name to a map of figures). */
  private static Map<String, DataFile.ColumnStats> columnStats(Object statistics) {
    Map<String, DataFile.ColumnStats> columns = new HashMap<>();
    if (!(statistics instanceof Map<?, ?> byColumn)) {
      return columns;
    }
    for (Map.Entry<?, ?> entry : byColumn.entrySet()) {
      String name = String.valueOf(entry.getKey());
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
      }
      if (!(entry.getValue() instanceof Map<?, ?> figures) || name.contains("\".\"")) {
        continue;
      }
      columns.put(name, new DataFile.ColumnStats(number(figures.get("num_values")), number(figures.get("null_count")),
          number(figures.get("column_size_bytes")), exact(figures, "min"), exact(figures, "max")));
    }
    return columns;
  }

  private static long number(Object value) {
    try {
      return value == null ? -1 : Long.parseLong(value.toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String exact(Map<?, ?> figures, String bound) {
    Object value = figures.get(bound);
    return value != null && "true".equals(String.valueOf(figures.get(bound + "_is_exact"))) ? value.toString() : null;
  }

  /** The value of a hive directory {@code column=value}, URL-decoded; null for DuckDB's null directory. */
  private static String partitionValue(String directoryName) {
    String encoded = directoryName.substring(directoryName.indexOf('=') + 1);
    return encoded.equals(NULL_DIRECTORY) ? null : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
  }
}
