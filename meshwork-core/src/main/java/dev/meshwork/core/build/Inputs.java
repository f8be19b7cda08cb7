package dev.meshwork.core.build;

import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.registry.Registry;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.BuildRecord.InputRead;
import dev.meshwork.core.spi.DatabaseSource;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.SecretResolver;
import dev.meshwork.core.spi.TableStore;
import dev.meshwork.core.spi.Workspace;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Input;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Source;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.MeshException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.semver4j.Semver;

/**
 * Makes a product's inputs readable in a workspace: each table of a source as
 * {@code input.table}, each upstream product as {@code input}, read at its published snapshot.
 * Records what was read, which is the build's lineage.
 */
final class Inputs {

  private final Registry registry;
  private final TableStore tables;
  private final MetadataStore store;
  private final SecretResolver secrets;

  Inputs(Registry registry, TableStore tables, MetadataStore store, SecretResolver secrets) {
    this.registry = registry;
    this.tables = tables;
    this.store = store;
    this.secrets = secrets;
  }

  List<InputRead> attach(Workspace workspace, DataProduct product, BuildListener listener) {
    List<InputRead> reads = new ArrayList<>();
    for (Input input : product.spec().inputs()) {
      try {
        if (input instanceof Input.FromSource fromSource) {
          reads.addAll(attachSource(workspace, product, fromSource, listener));
        } else {
          reads.add(attachProduct(workspace, (Input.FromProduct) input));
        }
      } catch (MeshException e) {
        throw new InvalidException("input " + input.name() + ": " + e.getMessage());
      }
    }
    return reads;
  }

  private List<InputRead> attachSource(Workspace workspace, DataProduct product, Input.FromSource input,
                                       BuildListener listener) {
    Source source = registry.source(product.ref().domain(), input.source()).orElseThrow(() -> new InvalidException(
        "source " + product.ref().domain() + "." + input.source() + " is not applied"));
    List<InputRead> reads = new ArrayList<>();
    for (String table : input.tables()) {
      String relation = input.name() + "." + table.substring(table.lastIndexOf('.') + 1);
      long rows;
      if (source.spec().type() == Source.Type.FILES) {
        workspace.attachFiles(relation, source.spec().format(), source.spec().path().replace("{table}", table),
            source.spec().csv());
        rows = -1;
      } else {
        rows = workspace.ingest(relation, database(source), table, count -> listener.rows(product.ref(), count));
      }
      reads.add(new InputRead(input.name(), input.source(), table, null, null, null, rows));
    }
    return reads;
  }

  private DatabaseSource database(Source source) {
    Source.Spec spec = source.spec();
    DatabaseSource.Kind kind = spec.type() == Source.Type.POSTGRES ? DatabaseSource.Kind.POSTGRES : DatabaseSource.Kind.JDBC;
    return new DatabaseSource(source.metadata().name(), kind, secrets.resolve(spec.url()), spec.driver(),
        spec.user() == null ? null : secrets.resolve(spec.user()),
        spec.password() == null ? null : secrets.resolve(spec.password()), spec.schema());
  }

  private InputRead attachProduct(Workspace workspace, Input.FromProduct input) {
    ProductRef ref = input.product();
    DataProduct upstream = registry.product(ref).orElseThrow(() -> new InvalidException(
        "upstream product " + ref + " is not applied"));
    TableStore.Snapshot snapshot = tables.current(ref).orElseThrow(() -> new InvalidException(
        "upstream product " + ref + " was never published (build it first: mesh build " + ref + ")"));
    String version = store.builds(ref, BuildRecord.Status.PUBLISHED, 1).stream()
        .filter(b -> b.snapshotId() != null && b.snapshotId() == snapshot.id())
        .map(BuildRecord::version).findFirst().orElse(upstream.spec().version());
    if (input.version() != null && !new Semver(version).satisfies(input.version())) {
      throw new InvalidException("upstream product " + ref + " publishes version " + version
          + ", outside the range " + input.version() + " this product reads");
    }
    workspace.attachParquet(input.name(), tables.files(ref, snapshot.id()), upstream.spec().schema());
    return new InputRead(input.name(), null, null, ref, version, snapshot.id(), snapshot.rows());
  }

  /** Attaches each product's published rows as {@code __ref_domain_name}; unpublished ones are left out. */
  Map<ProductRef, String> attachReferences(Workspace workspace, Set<ProductRef> products) {
    Map<ProductRef, String> relations = new LinkedHashMap<>();
    for (ProductRef ref : products) {
      Optional<DataProduct> referenced = registry.product(ref);
      Optional<TableStore.Snapshot> snapshot = tables.current(ref);
      if (referenced.isPresent() && snapshot.isPresent()) {
        String relation = "__ref_" + ref.domain() + "_" + ref.name();
        workspace.attachParquet(relation, tables.files(ref, snapshot.get().id()), referenced.get().spec().schema());
        relations.put(ref, relation);
      }
    }
    return relations;
  }
}
