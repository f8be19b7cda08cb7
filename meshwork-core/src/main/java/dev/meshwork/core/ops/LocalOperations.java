package dev.meshwork.core.ops;

import dev.meshwork.core.build.Builder;
import dev.meshwork.core.policy.Governance;
import dev.meshwork.core.registry.Registry;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.Engine;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.core.spi.Rows;
import dev.meshwork.core.spi.TableStore;
import dev.meshwork.core.spi.Waiver;
import dev.meshwork.core.spi.Workspace;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Input;
import dev.meshwork.spec.Kind;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import dev.meshwork.spec.load.LoadedResource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The operations, run in this process on an open platform. */
public final class LocalOperations implements Operations {

  private final Registry registry;
  private final Builder builder;
  private final TableStore tables;
  private final MetadataStore store;
  private final Engine engine;
  private final Path buildLog;
  private final Governance governance;
  private final Clock clock;
  private final Search search = new Search();
  private final Lineage.Readers readers = new Lineage.Readers();

  /** {@code buildLog} is the file every build's stages and outcome are appended to. */
  public LocalOperations(Registry registry, Builder builder, TableStore tables, MetadataStore store, Engine engine,
                         Governance governance, Path buildLog) {
    this(registry, builder, tables, store, engine, governance, buildLog, Clock.systemUTC());
  }

  /** As above, with the clock that retention cutoffs are taken from. */
  public LocalOperations(Registry registry, Builder builder, TableStore tables, MetadataStore store, Engine engine,
                         Governance governance, Path buildLog, Clock clock) {
    this.clock = clock;
    this.governance = governance;
    this.registry = registry;
    this.builder = builder;
    this.tables = tables;
    this.store = store;
    this.engine = engine;
    this.buildLog = buildLog;
  }

  @Override
  public ApplyResult apply(List<LoadedResource> resources) {
    return registry.apply(resources);
  }

  @Override
  public List<BuildRecord> build(BuildRequest request, BuildListener caller) {
    BuildListener listener = new BuildLog(buildLog, Clock.systemUTC(), caller);
    if (request.product() != null) {
      DataProduct product = (DataProduct) registry.requireProduct(request.product()).resource();
      return List.of(builder.build(product, request, listener));
    }
    List<BuildRecord> records = new ArrayList<>();
    for (DataProduct product : Lineage.buildOrder(registry.products())) {
      records.add(builder.build(product, new BuildRequest(product.ref(), null, null, null, request.full()), listener));
    }
    return records;
  }

  @Override
  public List<ProductStatus> status(ProductRef product) {
    if (product != null) {
      return List.of(statusOf((DataProduct) registry.requireProduct(product).resource()));
    }
    return registry.products().stream().map(this::statusOf).toList();
  }

  private ProductStatus statusOf(DataProduct product) {
    return ProductState.read(product.ref(), store, tables).status(product);
  }

  @Override
  public ProductDescription describe(ProductRef ref) {
    Registry.Applied applied = registry.requireProduct(ref);
    DataProduct product = (DataProduct) applied.resource();
    List<String> upstream = new ArrayList<>();
    for (Input input : product.spec().inputs()) {
      upstream.add(input instanceof Input.FromSource s ? "source " + ref.domain() + "." + s.source()
          : "product " + ((Input.FromProduct) input).product());
    }
    List<String> downstream = readers.of(ref, registry.all(Kind.DATA_PRODUCT)).stream().map(p -> "product " + p.ref()).toList();
    ProductState state = ProductState.read(ref, store, tables);
    String location = state.current().isPresent() ? tables.location(ref) : null;
    return new ProductDescription(product, applied.stored().generation(), applied.stored().updatedAt(), location,
        state.status(product), state.published().orElse(null), upstream, downstream);
  }

  @Override
  public List<SearchHit> search(String text, int limit) {
    return search.rank(registry.all(Kind.DATA_PRODUCT), text, limit);
  }

  @Override
  public Rows query(String sql, int maxRows) {
    if (sql == null || sql.isBlank()) {
      throw new InvalidException("the query is empty");
    }
    try (Workspace workspace = engine.open()) {
      for (String relation : workspace.readRelations(sql)) {
        ProductRef ref = ProductRef.parse(relation);
        DataProduct product = registry.product(ref).orElseThrow(() -> new NotFoundException(
            "cannot run the query: no product " + relation + " on this platform"));
        TableStore.Snapshot current = tables.current(ref).orElseThrow(() -> new InvalidException(
            "cannot run the query: " + relation + " was never published (build it first with mesh build " + relation + ")"));
        workspace.attachParquet(ref.toString(), tables.files(ref, current.id()), product.spec().schema());
      }
      workspace.seal();
      return workspace.query(sql, maxRows);
    }
  }

  @Override
  public List<BuildRecord> history(ProductRef product, int limit) {
    registry.requireProduct(product);
    return store.builds(product, BuildRecord.Status.PUBLISHED, limit);
  }

  @Override
  public Waiver grantWaiver(String policy, ProductRef product, String justification, Instant expiresAt, String grantedBy) {
    if (registry.find(Kind.POLICY, policy).isEmpty()) {
      throw new NotFoundException("cannot waive policy " + policy + ": no such policy on this platform");
    }
    if (registry.product(product).isEmpty()) {
      throw new NotFoundException("cannot waive policy " + policy + " for " + product + ": no such product on this platform");
    }
    return governance.grant(policy, "DataProduct", product.toString(), justification, expiresAt, grantedBy);
  }

  @Override
  public List<Waiver> waivers(boolean includeInactive) {
    return governance.waivers(includeInactive);
  }

  @Override
  public Waiver revokeWaiver(String waiverId) {
    return governance.revoke(waiverId);
  }

  @Override
  public List<PolicyResult> policyResults(String resourceId, int limit) {
    return governance.results(resourceId, limit);
  }

  @Override
  public List<RetentionRun> retention(Optional<ProductRef> product, String trigger) {
    if (!RetentionRun.TRIGGERS.contains(trigger)) {
      throw new InvalidException("cannot enforce retention: trigger '" + trigger + "' is not one of build, manual, schedule");
    }
    List<DataProduct> products = product.isPresent()
        ? List.of((DataProduct) registry.requireProduct(product.get()).resource())
        : registry.products();
    List<RetentionRun> runs = new ArrayList<>();
    for (DataProduct each : products) {
      enforce(each, trigger).ifPresent(runs::add);
    }
    return runs;
  }

  /** One product's run, empty when it was never published; builds of it may run meanwhile (Iceberg commits are optimistic). */
  private Optional<RetentionRun> enforce(DataProduct product, String trigger) {
    ProductRef ref = product.ref();
    int days = product.spec().retentionDays();
    Instant now = clock.instant();
    try {
      if (tables.current(ref).isEmpty()) {
        return Optional.empty();
      }
    } catch (RuntimeException e) {
      return Optional.of(Retention.recordFailure(store, ref, Retention.cutoff(now, days), trigger,
          "cannot expire " + ref + ": " + Retention.message(e), now));
    }
    return Optional.of(Retention.enforce(tables, store, ref, days, now, trigger));
  }

  @Override
  public List<RetentionRun> retentionHistory(Optional<ProductRef> product, int limit) {
    product.ifPresent(registry::requireProduct);
    return store.retentionRuns(product.map(ProductRef::toString).orElse(null), limit);
  }

  /**
   * Reads every applied resource and indexes the products for search and lineage now, so that
   * the first requests that need them do not wait for it.
   */
  public void warm() {
    for (Kind kind : Kind.values()) {
      registry.all(kind);
    }
    List<Registry.Applied> products = registry.all(Kind.DATA_PRODUCT);
    search.index(products);
    readers.index(products);
  }

  /** Every applied resource of a kind, for listings. */
  public List<Registry.Applied> resources(Kind kind) {
    return registry.all(kind);
  }
}
