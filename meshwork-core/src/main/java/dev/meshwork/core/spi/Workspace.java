package dev.meshwork.core.spi;

import dev.meshwork.spec.Column;
import dev.meshwork.spec.Source;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One isolated session of an {@link Engine}. Relations are named {@code name} or
 * {@code schema.name}; a dotted name creates the schema when needed. SQL is the engine's dialect.
 * Errors from the engine surface as {@link dev.meshwork.spec.error.InvalidException} (bad SQL,
 * missing relation) or {@link EngineException} (everything else), with the engine's own message.
 */
public interface Workspace extends AutoCloseable {

  /** Makes the files matching {@code glob} (CSV, Parquet or JSON) readable as {@code relation}. */
  void attachFiles(String relation, Source.Format format, String glob, Source.Csv csv);

  /**
   * Makes a published table snapshot readable as {@code relation}: the union of its Parquet
   * {@code files}, read by column name. With no files the relation is empty with {@code columns}.
   */
  void attachParquet(String relation, List<Path> files, List<Column> columns);

  /**
   * Copies a database table ({@code table} or {@code schema.table}) into {@code relation},
   * reporting the rows read so far to {@code progress}; returns the number of rows.
   */
  long ingest(String relation, DatabaseSource source, String table, LongConsumer progress);

  /** Runs {@code sql} and keeps its result as table {@code relation}; returns its row count. */
  long materialize(String relation, String sql);

  /**
   * Makes {@code sql} readable as {@code relation}, computed when read. Engines without views keep
   * this default, which materializes it.
   */
  default void view(String relation, String sql) {
    materialize(relation, sql);
  }

  /**
   * Creates table {@code relation} with text {@code columns} and loads {@code rows} into it, each
   * row a String (or null) per column, in the engine's fastest way; returns the number of rows.
   * Used for values only Java can compute, such as encrypted PII. Engines that cannot load rows
   * keep this default, which fails.
   */
  default long load(String relation, List<String> columns, Iterator<Object[]> rows) {
    throw new EngineException("cannot load rows into " + relation + ": this engine does not load rows");
  }

  /** The columns of a relation, in order. */
  List<EngineColumn> columns(String relation);

  /** Runs a query and returns at most {@code maxRows} rows of its result. */
  Rows query(String sql, int maxRows);

  /**
   * As {@link #query(String, int)}, stopping the query when it runs longer than {@code limit}.
   * Engines that cannot stop a running query keep this default, which fails.
   *
   * @throws dev.meshwork.spec.error.InvalidException when the query ran out of time
   */
  default Rows query(String sql, int maxRows, java.time.Duration limit) {
    throw new EngineException("cannot run the query: this engine cannot stop a query that runs too long");
  }

  /**
   * The relations a consumer's query reads, as {@code schema.name} in lower case, however they
   * are spelled. Engines that cannot tell keep this default, which refuses every query.
   *
   * @throws dev.meshwork.spec.error.InvalidException unless the SQL is a single read-only query
   *     over named relations: no statement that writes, attaches, copies, installs or sets
   *     anything, no file read by name or by a table function
   */
  default List<String> readRelations(String sql) {
    throw new dev.meshwork.spec.error.InvalidException("cannot run the query: this engine cannot check consumer SQL");
  }

  /**
   * Seals the workspace for a consumer's query: from now on it reads only what is attached so far,
   * and no setting can change. Engines that cannot seal keep this default, which fails.
   */
  default void seal() {
    throw new EngineException("cannot seal the workspace: this engine does not sandbox queries");
  }

  /**
   * Writes {@code relation} as Parquet files below {@code directory}; with a
   * {@code partitionColumn}, one set of files per value of that column, each file holding one
   * value only. Column {@code c} gets the Parquet field id {@code fieldIds.get(c)}.
   */
  List<DataFile> writeParquet(String relation, Path directory, String partitionColumn, Map<String, Integer> fieldIds);

  @Override
  void close();
}
