package dev.meshwork.core.ops;

import dev.meshwork.core.access.AccessAsk;
import dev.meshwork.core.access.AccessControl;
import dev.meshwork.core.access.AccessFilter;
import dev.meshwork.core.access.Reading;
import dev.meshwork.core.audit.AuditLog;
import dev.meshwork.core.build.Builder;
import dev.meshwork.core.build.Revealer;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.policy.Governance;
import dev.meshwork.core.registry.Registry;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.AuditFilter;
import dev.meshwork.core.spi.BuildCount;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.BuildSummary;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The operations, run in this process on an open platform, acting as one caller. */
public final class LocalOperations implements Operations {

  private final Registry registry;
  private final Builder builder;
  private final TableStore tables;
  private final MetadataStore store;
  private final Engine engine;
  private final Path buildLog;
  private final Governance governance;
  private final Clock clock;
  private final Search search;
  private final Lineage.Readers readers;

  private final AccessControl access;
  private final Revealer revealer;
  private final AuditLog audit;
  private final Principal caller;
  private final Duration queryLimit;

  /**
   * Operations acting as {@code caller}. {@code buildLog} is the file every build's stages and
   * outcome are appended to; {@code clock} gives retention cutoffs and access decisions their time;
   * a consumer's query is stopped after {@code queryLimit}; what the caller does is recorded in
   * {@code audit}.
   */
  public LocalOperations(Registry registry, Builder builder, TableStore tables, MetadataStore store, Engine engine,
                         Governance governance, AccessControl access, Revealer revealer, Path buildLog, Clock clock,
                         Duration queryLimit, AuditLog audit, Principal caller) {
    this.clock = clock;
    this.governance = governance;
    this.registry = registry;
    this.builder = builder;
    this.tables = tables;
    this.store = store;
    this.engine = engine;
    this.buildLog = buildLog;
    this.access = access;
    this.revealer = revealer;
    this.audit = audit;
    this.caller = caller;
    this.queryLimit = queryLimit;
    this.search = new Search();
    this.readers = new Lineage.Readers();
  }

  /** {@code base} acting as {@code caller}, sharing its search and lineage indexes. */
  private LocalOperations(LocalOperations base, Principal caller) {
    this.clock = base.clock;
    this.governance = base.governance;
    this.registry = base.registry;
    this.builder = base.builder;
    this.tables = base.tables;
    this.store = base.store;
    this.engine = base.engine;
    this.buildLog = base.buildLog;
    this.access = base.access;
    this.revealer = base.revealer;
    this.audit = base.audit;
    this.queryLimit = base.queryLimit;
    this.search = base.search;
    this.readers = base.readers;
    this.caller = caller;
  }

  /** The same operations, acting as {@code principal}. */
  public LocalOperations as(Principal principal) {
    return new LocalOperations(this, principal);
  }

  /** Who these operations act as. */
  public Principal caller() {
    return caller;
  }

  @Override
  public ApplyResult apply(List<LoadedResource> resources) {
    ApplyResult result = registry.apply(resources);
    for (ApplyResult.Change change : result.changes()) {
      if (change.action() != ApplyResult.Action.UNCHANGED) {
        audit.ok(actor(), AuditEntry.APPLY, change.kind(), change.id(),
            change.action().name().toLowerCase(Locale.ROOT) + ", generation " + change.generation());
      }
    }
    return result;
  }

  @Override
  public List<BuildRecord> build(BuildRequest request, BuildListener caller) {
    BuildListener listener = new BuildLog(buildLog, Clock.systemUTC(), caller);
    if (request.product() != null) {
      DataProduct product = (DataProduct) registry.requireProduct(request.product()).resource();
      return List.of(AuditedBuild.run(builder, audit, actor(), product, request, listener));
    }
    List<BuildRecord> records = new ArrayList<>();
    for (DataProduct product : Lineage.buildOrder(registry.products())) {
      records.add(AuditedBuild.run(builder, audit, actor(), product,
          new BuildRequest(product.ref(), null, null, null, request.full()), listener));
    }
    return records;
  }

  @Override
  public List<ProductStatus> status(ProductRef product) {
    if (product != null) {
      return List.of(statusOf((DataProduct) registry.requireProduct(product).resource()));
    }
    Map<String, BuildSummary> last = byId(store.latestBuilds(null));
    Map<String, BuildSummary> published = byId(store.latestBuilds(BuildRecord.Status.PUBLISHED));
    // a product never built has no table to read; the others' snapshots are read together
    Map<ProductRef, TableStore.Snapshot> snapshots = tables.currents(last.values().stream().map(BuildSummary::product).toList());
    return registry.all(Kind.DATA_PRODUCT).stream().map(applied -> {
      DataProduct each = (DataProduct) applied.resource();
      BuildSummary lastBuild = last.get(applied.stored().id());
      return ProductState.status(each, lastBuild, published.get(applied.stored().id()),
          lastBuild == null ? Optional.empty() : Optional.ofNullable(snapshots.get(lastBuild.product())));
    }).toList();
  }

  /** Builds by their product's id ({@code domain.name}), which listings look them up by. */
  private static Map<String, BuildSummary> byId(Map<ProductRef, BuildSummary> builds) {
    Map<String, BuildSummary> byId = new HashMap<>();
    builds.forEach((ref, build) -> byId.put(ref.toString(), build));
    return byId;
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
  public List<ProductSummary> products() {
    Map<String, BuildSummary> last = byId(store.latestBuilds(null));
    Map<String, BuildSummary> published = byId(store.latestBuilds(BuildRecord.Status.PUBLISHED));
    return registry.all(Kind.DATA_PRODUCT).stream()
        .map(applied -> ProductSummary.of((DataProduct) applied.resource(), applied.stored().updatedAt(),
            last.get(applied.stored().id()), published.get(applied.stored().id())))
        .toList();
  }

  @Override
  public List<BuildCount> buildsPerDay(LocalDate since) {
    if (since == null) {
      throw new InvalidException("cannot count the builds per day: since is missing");
    }
    return store.buildsPerDay(since.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @Override
  public List<SearchHit> search(String text, int limit) {
    return search.rank(registry.all(Kind.DATA_PRODUCT), text, limit);
  }

  @Override
  public Rows query(String sql, int maxRows) {
    return read(sql, maxRows, "query", 0);
  }

  /**
   * Runs a read of products' rows, recording each product read (or denied) with the rows returned.
   * {@code firstRows} above 0 reads only that many rows of each product (a sample), so that only
   * their encrypted values are decrypted.
   */
  private Rows read(String sql, int maxRows, String how, int firstRows) {
    if (sql == null || sql.isBlank()) {
      throw new InvalidException("the query is empty");
    }
    List<Reading> readings = new ArrayList<>();
    Rows rows;
    try (Workspace workspace = engine.open()) {
      for (String relation : workspace.readRelations(sql)) {
        ProductRef ref = ProductRef.parse(relation);
        DataProduct product = registry.product(ref).orElseThrow(() -> new NotFoundException(
            "cannot run the query: no product " + relation + " on this platform"));
        Reading reading = audit.unlessDenied(actor(), AuditEntry.READ, AuditLog.PRODUCT, ref.toString(),
            () -> access.reading(caller, ref));
        TableStore.Snapshot current = tables.current(ref).orElseThrow(() -> new InvalidException(
            "cannot run the query: " + relation + " was never published (build it first with mesh build " + relation + ")"));
        revealer.attach(workspace, product, tables.files(ref, current.id()), reading.pii(), firstRows);
        readings.add(reading);
      }
      workspace.seal();
      rows = workspace.query(sql, maxRows, queryLimit);
    }
    audit.reads(actor(), how, readings, rows.rows().size());
    return rows;
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
    Waiver waiver = governance.grant(policy, "DataProduct", product.toString(), justification, expiresAt, grantedBy);
    audit.ok(actor(), AuditEntry.WAIVER_GRANT, waiver.resourceKind(), waiver.resourceId(), waiver.id() + " of policy "
        + policy + " until " + expiresAt + ", granted by " + grantedBy + ": " + waiver.justification());
    return waiver;
  }

  @Override
  public List<Waiver> waivers(boolean includeInactive) {
    return governance.waivers(includeInactive);
  }

  @Override
  public Waiver revokeWaiver(String waiverId) {
    Waiver waiver = governance.revoke(waiverId);
    audit.ok(actor(), AuditEntry.WAIVER_REVOKE, waiver.resourceKind(), waiver.resourceId(), waiver.id() + " of policy "
        + waiver.policy());
    return waiver;
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
    runs.forEach(run -> audit.retention(actor(), run));
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

  @Override
  public AccessRequest requestAccess(AccessAsk ask) {
    return audited().request(ask);
  }

  @Override
  public AccessRequest approveAccess(String id, String note) {
    return audited().approve(id, note);
  }

  @Override
  public AccessRequest rejectAccess(String id, String reason) {
    return audited().reject(id, reason);
  }

  @Override
  public AccessRequest revokeAccess(String id, String reason) {
    return audited().revoke(id, reason);
  }

  private AuditedAccess audited() {
    return new AuditedAccess(access, audit, store, caller);
  }

  @Override
  public AccessRequest accessRequest(String id) {
    return access.show(caller, id);
  }

  @Override
  public List<AccessRequest> accessRequests(AccessFilter filter) {
    return access.list(caller, filter);
  }

  @Override
  public Rows sample(ProductRef product, int rows) {
    registry.requireProduct(product);
    if (rows < 1) {
      throw new InvalidException("cannot sample " + product + ": the number of rows must be at least 1, not " + rows);
    }
    return read("SELECT * FROM \"" + product.domain() + "\".\"" + product.name() + "\"", rows, "sample", rows);
  }

  /**
   * The audit log, newest first; a platform admin's.
   *
   * @throws dev.meshwork.spec.error.DeniedException when the caller is not a platform admin
   */
  @Override
  public List<AuditEntry> audit(AuditFilter filter) {
    caller.requireAdmin("read the audit log");
    return audit.entries(filter);
  }

  /** Who the audit log says did what these operations do. */
  private String actor() {
    return caller.user();
  }

  /** Every applied resource of a kind, for listings. */
  public List<Registry.Applied> resources(Kind kind) {
    return registry.all(kind);
  }
}
