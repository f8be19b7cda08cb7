package dev.meshwork.iceberg;

import dev.meshwork.core.spi.DataFile;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.TableStore;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Products as Apache Iceberg v2 tables under the lake directory, {@code lake/<domain>/<name>},
 * catalogued by Iceberg's JDBC catalog in the metadata database (namespace = domain). A build's
 * data is committed to the {@code staging} branch; publishing moves {@code main} to it.
 */
public final class IcebergTableStore implements TableStore {

  static final String STAGING = "staging";

  private final JdbcCatalog catalog;
  private final Path lake;
  private final CurrentSnapshots currents;

  /** Opens the catalog in the database at {@code url} (creating its tables if needed), with tables under {@code lake}. */
  public IcebergTableStore(String url, String user, String password, Path lake) {
    this.lake = lake.toAbsolutePath().normalize();
    this.catalog = JdbcCatalogs.open(url, user, password, location(this.lake));
    this.currents = new CurrentSnapshots(url, user, password, catalog.name());
  }

  @Override
  public Map<String, Integer> prepare(ProductRef product, List<Column> columns, String partitionBy) {
    SchemaEvolution.checkPartitionColumn(product, columns, partitionBy);
    TableIdentifier id = identifier(product);
    try {
      Table table = catalog.loadTable(id);
      SchemaEvolution.evolve(table, product, columns, partitionBy);
      return SchemaEvolution.fieldIds(table.schema(), columns);
    } catch (NoSuchTableException e) {
      createNamespace(id.namespace());
    }
    org.apache.iceberg.Schema schema = SchemaEvolution.schema(columns);
    Table table = catalog.buildTable(id, schema)
        .withPartitionSpec(SchemaEvolution.spec(schema, partitionBy))
        .withLocation(location(lake.resolve(product.domain()).resolve(product.name())))
        .withProperty(TableProperties.FORMAT_VERSION, "2")
        .withProperty(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true")
        .withProperty(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "20")
        .create();
    return SchemaEvolution.fieldIds(table.schema(), columns);
  }

  @Override
  public Path newDataDirectory(ProductRef product, String buildId) {
    if (buildId == null || !buildId.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) {
      throw new InvalidException("cannot create a data directory for " + product + ": '" + buildId + "' is not a build id");
    }
    Path directory = path(table(product, "create a data directory for").location()).resolve("data").resolve(buildId);
    try (Stream<Path> entries = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
      if (entries.findAny().isPresent()) {
        throw new ConflictException("cannot create a data directory for " + product + ": " + directory + " is not empty");
      }
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new EngineException("cannot create data directory " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Snapshot stage(ProductRef product, List<DataFile> files, Replace replace, Map<String, String> summary) {
    Table table = table(product, "stage");
    List<org.apache.iceberg.DataFile> added = files.stream().map(file -> TableFiles.register(table, product, file)).toList();
    org.apache.iceberg.Snapshot main = table.currentSnapshot();
    ManageSnapshots reset = table.manageSnapshots();
    boolean staging = table.refs().containsKey(STAGING);
    if (main != null) {
      if (staging) {
        reset.replaceBranch(STAGING, main.snapshotId());
      } else {
        reset.createBranch(STAGING, main.snapshotId());
      }
      reset.commit();
    } else if (staging) {
      reset.removeBranch(STAGING).commit();
    }
    SnapshotUpdate<?> update = Staging.update(table, product, main, added, replace);
    summary.forEach(update::set);
    update.commit();
    return snapshot(table.snapshot(table.refs().get(STAGING).snapshotId()));
  }

  @Override
  public Snapshot publish(ProductRef product, long stagedSnapshotId) {
    TableOperations operations = ((HasTableOperations) table(product, "publish")).operations();
    TableMetadata base = operations.current();
    org.apache.iceberg.Snapshot staged = base.snapshot(stagedSnapshotId);
    if (staged == null) {
      throw new NotFoundException("cannot publish " + product + ": snapshot " + stagedSnapshotId + " does not exist");
    }
    org.apache.iceberg.Snapshot main = base.currentSnapshot();
    if (main != null && main.snapshotId() == stagedSnapshotId) {
      return snapshot(main);
    }
    ConflictException moved = new ConflictException("cannot publish " + product + ": the table changed since the build staged its data");
    if (!Objects.equals(staged.parentId(), main == null ? null : main.snapshotId())) {
      throw moved;
    }
    try {
      // commit against the metadata just checked: fails rather than retries if anything committed since
      operations.commit(base, TableMetadata.buildFrom(base).setBranchSnapshot(stagedSnapshotId, SnapshotRef.MAIN_BRANCH).build());
    } catch (CommitFailedException e) {
      throw moved;
    }
    return snapshot(staged);
  }

  @Override
  public Optional<Snapshot> current(ProductRef product) {
    TableIdentifier id = identifier(product);
    try {
      return Optional.ofNullable(catalog.loadTable(id).currentSnapshot()).map(IcebergTableStore::snapshot);
    } catch (NoSuchTableException e) {
      return Optional.empty();
    }
  }

  /** One read of the catalog for every table's metadata file; only tables whose file changed are loaded. */
  @Override
  public Map<ProductRef, Snapshot> currents(Collection<ProductRef> products) {
    return currents.of(products, product -> {
      try {
        Table table = catalog.loadTable(identifier(product));
        String location = ((HasTableOperations) table).operations().current().metadataFileLocation();
        return new CurrentSnapshots.Known(location,
            Optional.ofNullable(table.currentSnapshot()).map(IcebergTableStore::snapshot));
      } catch (NoSuchTableException e) {
        return null;
      }
    });
  }

  @Override
  public List<Snapshot> snapshots(ProductRef product) {
    Table table;
    try {
      table = catalog.loadTable(identifier(product));
    } catch (NoSuchTableException e) {
      return List.of();
    }
    return StreamSupport.stream(table.snapshots().spliterator(), false)
        .sorted(Comparator.comparingLong(org.apache.iceberg.Snapshot::sequenceNumber)
            .thenComparingLong(org.apache.iceberg.Snapshot::timestampMillis))
        .map(IcebergTableStore::snapshot).toList();
  }

  @Override
  public List<Path> files(ProductRef product, long snapshotId) {
    Table table = table(product, "list the files of");
    org.apache.iceberg.Snapshot snapshot = table.snapshot(snapshotId);
    if (snapshot == null) {
      throw new NotFoundException("cannot list the files of " + product + ": snapshot " + snapshotId + " does not exist");
    }
    return TableFiles.of(table, snapshot).stream().map(task -> TableFiles.path(task.file())).sorted().toList();
  }

  @Override
  public String location(ProductRef product) {
    return table(product, "locate").location();
  }

  @Override
  public Expiry expire(ProductRef product, Instant before) {
    return Expiration.expire(table(product, "expire"), before);
  }

  @Override
  public void close() {
    catalog.close();
  }

  private Table table(ProductRef product, String action) {
    try {
      return catalog.loadTable(identifier(product));
    } catch (NoSuchTableException e) {
      throw new NotFoundException("cannot " + action + " " + product + ": it has no table yet");
    }
  }

  private void createNamespace(Namespace namespace) {
    try {
      if (!catalog.namespaceExists(namespace)) {
        catalog.createNamespace(namespace);
      }
    } catch (RuntimeException e) {
      // another thread may have created it meanwhile
      if (!catalog.namespaceExists(namespace)) {
        throw e;
      }
    }
  }

  private static TableIdentifier identifier(ProductRef product) {
    return TableIdentifier.of(Namespace.of(product.domain()), product.name());
  }

  static Snapshot snapshot(org.apache.iceberg.Snapshot snapshot) {
    Map<String, String> summary = snapshot.summary() == null ? Map.of() : Map.copyOf(snapshot.summary());
    return new Snapshot(snapshot.snapshotId(), snapshot.parentId(), Instant.ofEpochMilli(snapshot.timestampMillis()),
        total(summary, "total-records"), total(summary, "total-files-size"), (int) total(summary, "total-data-files"),
        summary);
  }

  private static long total(Map<String, String> summary, String key) {
    return Long.parseLong(summary.getOrDefault(key, "0"));
  }

  /** A local path as a {@code file:} location (unencoded, as Hadoop paths take it). */
  static String location(Path path) {
    return "file:" + path.toAbsolutePath().normalize();
  }

  /** The local path of a {@code file:} location. */
  static Path path(String location) {
    return Path.of(new org.apache.hadoop.fs.Path(location).toUri().getPath());
  }
}
