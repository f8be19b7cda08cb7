package dev.meshwork.core.build;

import dev.meshwork.core.keys.KeyStore;
import dev.meshwork.core.metrics.Metrics;
import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.ops.Retention;
import dev.meshwork.core.policy.Governance;
import dev.meshwork.core.policy.PolicyEngine;
import dev.meshwork.core.registry.Registry;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.BuildRecord.InputRead;
import dev.meshwork.core.spi.BuildRecord.RuleResult;
import dev.meshwork.core.spi.BuildRecord.Status;
import dev.meshwork.core.spi.DataFile;
import dev.meshwork.core.spi.Engine;
import dev.meshwork.core.spi.EngineColumn;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.core.spi.SecretResolver;
import dev.meshwork.core.spi.TableStore;
import dev.meshwork.core.spi.Workspace;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Policy;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.quality.QualityRule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Builds a product: write → audit → publish. Inputs are read, the transform runs, the output is
 * checked against the contract, its PII columns are protected ({@link Protector}: hashed, masked
 * or encrypted by the platform, never by the domain's SQL), and it is written as data files and
 * staged; the quality rules run on the protected output (a rule on a protected column sees the
 * hash, mask or ciphertext, so {@code unique} and {@code required} hold but accepted values do
 * not); the build policies judge the result ({@code build}); only when every blocking rule and
 * every blocking build policy passes does the table's main branch move to the staged snapshot.
 * Before anything is read, the product's classification is checked against its inputs'
 * ({@link Propagation}).
 * Whatever fails, consumers keep reading the previous snapshot. Builds of a product run one at
 * a time.
 */
public final class Builder {

  private static final String OUTPUT = "__output";
  private static final String ORDERED = "__contract_order";

  private final Registry registry;
  private final Engine engine;
  private final TableStore tables;
  private final MetadataStore store;
  private final Inputs inputs;
  private final Protector protector;
  private final Governance governance;
  private final PolicyEngine policies = PolicyEngine.standard();
  private final Clock clock;
  private final Metrics metrics;
  private final Map<ProductRef, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** {@code metrics} hears of every build that ends. */
  public Builder(Registry registry, Engine engine, TableStore tables, MetadataStore store, SecretResolver secrets,
                 KeyStore keys, Governance governance, Clock clock, Metrics metrics) {
    this.registry = registry;
    this.engine = engine;
    this.tables = tables;
    this.store = store;
    this.inputs = new Inputs(registry, tables, store, secrets);
    this.protector = new Protector(keys);
    this.governance = governance;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Runs one build to its end; a failure is recorded and returned, not thrown. */
  public BuildRecord build(DataProduct product, BuildRequest request, BuildListener listener) {
    BuildScope scope = BuildScope.of(product, request);
    ReentrantLock lock = locks.computeIfAbsent(product.ref(), ref -> new ReentrantLock());
    lock.lock();
    try {
      Run run = new Run(product, scope, listener);
      BuildRecord record = run.execute();
      listener.finished(record);
      metrics.built(record);
      return record;
    } finally {
      lock.unlock();
    }
  }

  /** The state of one build as it goes. */
  private final class Run {
    private final DataProduct product;
    private final ProductRef ref;
    private final BuildScope scope;
    private final BuildListener listener;
    private final String id = UUID.randomUUID().toString();
    private final Instant started = clock.instant();
    private String stage = "resolve";
    private Status status = Status.RUNNING;
    private long rows;
    private long bytes;
    private Long snapshotId;
    private Double score;
    private List<InputRead> reads = List.of();
    private List<RuleResult> results = List.of();

    Run(DataProduct product, BuildScope scope, BuildListener listener) {
      this.product = product;
      this.ref = product.ref();
      this.scope = scope;
      this.listener = listener;
    }

    BuildRecord execute() {
      save(Status.RUNNING, null, null);
      try (Workspace workspace = engine.open()) {
        Protector.check(product);
        Propagation propagation = propagate();
        enter("read");
        reads = inputs.attach(workspace, product, listener);
        enter("transform");
        rows = transform(workspace);
        listener.rows(ref, rows);
        String checked = conform(workspace);
        enter("protect");
        String relation = protector.protect(workspace, product, checked);
        enter("write");
        Map<String, Integer> fieldIds = tables.prepare(ref, product.spec().schema(), product.spec().transform().partitionBy());
        List<DataFile> files = workspace.writeParquet(relation, tables.newDataDirectory(ref, id),
            product.spec().transform().partitionBy(), fieldIds);
        bytes = files.stream().mapToLong(DataFile::bytes).sum();
        enter("stage");
        TableStore.Snapshot staged = tables.stage(ref, files, scope.replace(),
            Map.of("meshwork.build-id", id, "meshwork.version", product.spec().version()));
        snapshotId = staged.id();
        enter("audit");
        List<String> blocking = new ArrayList<>(audit(workspace, relation));
        blocking.addAll(judge(workspace, relation, propagation));
        if (!blocking.isEmpty()) {
          String failure = "cannot publish " + ref + ": " + String.join(", ", blocking)
              + "; the staged data is kept for diagnosis and consumers still read the previous snapshot";
          return save(Status.FAILED, clock.instant(), failure);
        }
        enter("publish");
        TableStore.Snapshot published = tables.publish(ref, staged.id());
        snapshotId = published.id();
        BuildRecord record = save(Status.PUBLISHED, clock.instant(), null);
        enter("expire");
        return expire(record);
      } catch (RuntimeException e) {
        return save(Status.FAILED, clock.instant(), "cannot build " + ref + ": " + message(e));
      }
    }

    private long transform(Workspace workspace) {
      String sql = scope.wrap(product.spec().transform().sql());
      try {
        return workspace.materialize(OUTPUT, sql);
      } catch (InvalidException e) {
        String file = product.spec().transform().sqlFile();
        throw new InvalidException("the transform SQL (" + (file == null ? "spec.transform.sql" : file) + ") failed: "
            + e.getMessage());
      }
    }

    /** Checks the output's columns against the contract; returns the relation to write, in contract order. */
    private String conform(Workspace workspace) {
      enter("check");
      List<Column> contract = product.spec().schema();
      List<EngineColumn> output = workspace.columns(OUTPUT);
      ContractCheck.diff(contract, output).ifPresent(diff -> {
        throw new InvalidException("the output does not match the contract:\n" + diff);
      });
      if (!ContractCheck.reordered(contract, output)) {
        return OUTPUT;
      }
      String columns = contract.stream().map(c -> Sql.identifier(c.name())).collect(Collectors.joining(", "));
      workspace.materialize(ORDERED, "SELECT " + columns + " FROM " + Sql.relation(OUTPUT));
      return ORDERED;
    }

    /** Checks classification along lineage and records the outcome; throws when the build must not run. */
    private Propagation propagate() {
      Propagation propagation = Propagation.of(product, registry::product);
      if (!propagation.problems().isEmpty()) {
        String message = String.join("; ", propagation.problems());
        governance.record(Propagation.POLICY, "DataProduct", product.id(), Policy.Event.BUILD,
            PolicyResult.Outcome.FAILED, message);
        throw new InvalidException(message);
      }
      if (propagation.note() != null) {
        governance.record(Propagation.POLICY, "DataProduct", product.id(), Policy.Event.BUILD,
            PolicyResult.Outcome.PASSED, propagation.note());
      }
      return propagation;
    }

    /** Evaluates the build policies against the result, records them, and returns the blocking failures. */
    private List<String> judge(Workspace workspace, String relation, Propagation propagation) {
      Map<String, Object> view = BuildView.of(rows, bytes, score, results, reads, workspace.columns(relation),
          scope.description(), propagation.effective(), registry::product);
      return governance.settle("DataProduct", product.id(), Policy.Event.BUILD,
              policies.evaluate(registry.policies(), Policy.Event.BUILD, product, Map.of("build", view))).stream()
          .filter(PolicyEngine.Evaluation::blocks)
          .map(e -> "policy " + e.policy().metadata().name() + " failed (" + e.message() + ")")
          .toList();
    }

    /** Runs the quality rules; returns the blocking failures. */
    private List<String> audit(Workspace workspace, String relation) {
      List<QualityRule> rules = QualityPlan.rulesOf(product);
      Map<ProductRef, String> references = inputs.attachReferences(workspace, QualityPlan.referencedProducts(rules));
      results = new QualityPlan(rules, relation, references, clock.instant()).run(workspace);
      score = QualityPlan.score(results);
      return results.stream()
          .filter(r -> !r.passed() && "error".equals(r.severity()))
          .map(r -> "rule " + r.rule() + " failed (" + r.measured() + "; " + r.threshold() + ")")
          .toList();
    }

    /** Drops what the product's retention no longer keeps, recorded as a retention run with trigger build. */
    private BuildRecord expire(BuildRecord published) {
      try {
        RetentionRun run = Retention.enforce(tables, store, ref, product.spec().retentionDays(), clock.instant(),
            RetentionRun.BUILD);
        listener.expired(ref, run);
        return run.failed()
            ? save(Status.PUBLISHED, published.finishedAt(), "published; expiring old data failed: " + run.error())
            : published;
      } catch (RuntimeException e) {
        return save(Status.PUBLISHED, published.finishedAt(), "published; expiring old data failed: " + message(e));
      }
    }

    /** Moves to the next stage; the record is written when the build starts, publishes and ends, not per stage. */
    private void enter(String next) {
      stage = next;
      listener.stage(ref, next);
    }

    private BuildRecord save(Status next, Instant finished, String error) {
      status = next;
      BuildRecord record = new BuildRecord(id, ref, product.spec().version(), status, stage, scope.description(),
          started, finished, rows, bytes, snapshotId, score, error, reads, results);
      store.saveBuild(record);
      return record;
    }
  }

  private static String message(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
