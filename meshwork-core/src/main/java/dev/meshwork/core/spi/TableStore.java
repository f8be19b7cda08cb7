package dev.meshwork.core.spi;

import dev.meshwork.spec.Column;
import dev.meshwork.spec.ProductRef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each product's table: its snapshots, a {@code main} branch that consumers read and a
 * {@code staging} branch where a build's data waits for its audit. Publishing moves {@code main}
 * to the staged snapshot atomically; until then consumers see the previous snapshot.
 */
public interface TableStore extends AutoCloseable {

  /**
   * Creates the product's table, or evolves an existing one to the contract's columns (new
   * columns are added, missing ones dropped from the current schema, types widened where the
   * format allows). Returns the field id of each column, for the data files a build writes.
   *
   * @param partitionBy the identity partition column, or null
   * @throws dev.meshwork.spec.error.ConflictException when a column's type cannot change that way
   */
  Map<String, Integer> prepare(ProductRef product, List<Column> columns, String partitionBy);

  /** An empty directory, inside the table's location, where a build writes its data files. */
  Path newDataDirectory(ProductRef product, String buildId);

  /**
   * Commits {@code files} to the staging branch, which first starts again from {@code main};
   * returns the staged snapshot. {@code summary} entries are kept with the snapshot.
   */
  Snapshot stage(ProductRef product, List<DataFile> files, Replace replace, Map<String, String> summary);

  /**
   * Makes the staged snapshot the one consumers read.
   *
   * @throws dev.meshwork.spec.error.ConflictException when {@code main} moved since that snapshot was staged
   */
  Snapshot publish(ProductRef product, long stagedSnapshotId);

  /** The published snapshot, empty when the product was never published. */
  Optional<Snapshot> current(ProductRef product);

  /**
   * The published snapshots of many products at once, for listings; a product never published is
   * absent. A store that can read them together does better than asking for each.
   */
  default Map<ProductRef, Snapshot> currents(Collection<ProductRef> products) {
    Map<ProductRef, Snapshot> current = new LinkedHashMap<>();
    for (ProductRef product : products) {
      current(product).ifPresent(snapshot -> current.put(product, snapshot));
    }
    return current;
  }

  /** Every snapshot of the table that still exists, oldest first. */
  List<Snapshot> snapshots(ProductRef product);

  /** The Parquet data files of a snapshot. */
  List<Path> files(ProductRef product, long snapshotId);

  /** The table's location, as a {@code file:} URI or the store's own URI scheme. */
  String location(ProductRef product);

  /**
   * Removes data older than {@code before}: partitions whose (date or timestamp) value lies
   * before it, then snapshots committed before it except the published one, deleting the files
   * no remaining snapshot uses.
   */
  Expiry expire(ProductRef product, Instant before);

  @Override
  default void close() {}

  /** Which part of the published table a staged write replaces. */
  record Replace(Mode mode, String from, String to) {

    public enum Mode {
      /** Everything: the table holds exactly the new files. */
      TABLE,
      /** The partitions that the new files hold; other partitions stay. */
      WRITTEN_PARTITIONS,
      /** The partitions whose value lies in [from, to] (text as in {@link DataFile#partition}). */
      RANGE
    }

    public static Replace table() {
      return new Replace(Mode.TABLE, null, null);
    }

    public static Replace writtenPartitions() {
      return new Replace(Mode.WRITTEN_PARTITIONS, null, null);
    }

    public static Replace range(String from, String to) {
      return new Replace(Mode.RANGE, from, to);
    }
  }

  /** A committed state of a table. */
  record Snapshot(long id, Long parentId, Instant committedAt, long rows, long bytes, int files, Map<String, String> summary) {}

  /** What an expiry removed. */
  record Expiry(int snapshots, int partitions, int files) {}
}
