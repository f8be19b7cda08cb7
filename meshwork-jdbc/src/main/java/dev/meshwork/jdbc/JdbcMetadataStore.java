package dev.meshwork.jdbc;

import static dev.meshwork.jdbc.Sql.batch;
import static dev.meshwork.jdbc.Sql.instant;
import static dev.meshwork.jdbc.Sql.one;
import static dev.meshwork.jdbc.Sql.query;
import static dev.meshwork.jdbc.Sql.update;

import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.ApiToken;
import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.AuditFilter;
import dev.meshwork.core.spi.BuildCount;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.BuildRecord.InputRead;
import dev.meshwork.core.spi.BuildRecord.RuleResult;
import dev.meshwork.core.spi.BuildSummary;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.core.spi.ScheduleState;
import dev.meshwork.core.spi.StateChange;
import dev.meshwork.core.spi.StoredResource;
import dev.meshwork.core.spi.Team;
import dev.meshwork.core.spi.User;
import dev.meshwork.core.spi.Waiver;
import dev.meshwork.core.spi.WebSession;
import dev.meshwork.spec.Kind;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The metadata store in a JDBC database: H2 (embedded) or PostgreSQL. Opening it migrates the
 * schema (tables {@code meshwork_*}, Flyway history in {@code meshwork_schema_history}, so the
 * database can be shared with the Iceberg JDBC catalog); policy results and waivers are kept by
 * {@link Governance}, retention runs by {@link RetentionRuns}, users, teams and API tokens by
 * {@link IdentityRecords}, access requests by {@link AccessRequests}. Each method is one transaction on a
 * pooled connection, retried a few times when it collides with a concurrent writer. Schedules and
 * state changes are kept by {@link Monitoring}, the audit log by {@link AuditRecords}; the listings of
 * builds across products are {@link BuildListings}', the web catalog's sessions {@link WebSessionRecords}'.
 */
public final class JdbcMetadataStore implements MetadataStore {

  private final Transactions transactions;
  private final Governance governance;
  private final RetentionRuns retentionRuns;
  private final IdentityRecords identities;
  private final AccessRequests accessRequests;
  private final Monitoring monitoring;
  private final AuditRecords audit;
  private final BuildListings buildListings;
  private final WebSessionRecords webSessions;

  /** Opens the database at {@code url} (user and password may be null) and brings its schema up to date. */
  public JdbcMetadataStore(String url, String user, String password) {
    this.transactions = Transactions.open(url, user, password);
    this.governance = new Governance(transactions);
    this.retentionRuns = new RetentionRuns(transactions);
    this.identities = new IdentityRecords(transactions);
    this.accessRequests = new AccessRequests(transactions);
    this.monitoring = new Monitoring(transactions);
    this.audit = new AuditRecords(transactions);
    this.buildListings = new BuildListings(transactions);
    this.webSessions = new WebSessionRecords(transactions);
  }

  @Override
  public List<StoredResource> apply(List<StoredResource> resources) {
    return transactions.run("apply resources", c -> {
      Instant now = Sql.micros(Instant.now());
      List<StoredResource> stored = new ArrayList<>();
      for (StoredResource resource : resources) {
        stored.add(upsert(c, resource, now));
      }
      return stored;
    });
  }

  private static StoredResource upsert(Connection c, StoredResource resource, Instant now) throws SQLException {
    if (resource == null || resource.kind() == null || resource.id() == null) {
      throw new InvalidException("cannot apply resources: a resource has no kind or no id");
    }
    if (resource.document() == null || resource.hash() == null) {
      throw new InvalidException(
          "cannot apply " + resource.kind() + " " + resource.id() + ": it has no document or no hash");
    }
    Optional<StoredResource> current = one(c, """
        SELECT kind, id, domain, document, hash, generation, updated_at
          FROM meshwork_resources
         WHERE kind = ? AND id = ?
           FOR UPDATE
        """, JdbcMetadataStore::resource, resource.kind().toString(), resource.id());
    if (current.isPresent() && current.get().hash().equals(resource.hash())) {
      return current.get();
    }
    StoredResource next = new StoredResource(resource.kind(), resource.id(), resource.domain(), resource.document(),
        resource.hash(), current.map(r -> r.generation() + 1).orElse(1), now);
    update(c, current.isPresent() ? """
        UPDATE meshwork_resources
           SET domain = ?, document = ?, hash = ?, generation = ?, updated_at = ?
         WHERE kind = ? AND id = ?
        """ : """
        INSERT INTO meshwork_resources (domain, document, hash, generation, updated_at, kind, id)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """, next.domain(), next.document(), next.hash(), next.generation(), now, next.kind().toString(), next.id());
    return next;
  }

  @Override
  public Optional<StoredResource> resource(Kind kind, String id) {
    return transactions.run("read " + kind + " " + id, c -> one(c, """
        SELECT kind, id, domain, document, hash, generation, updated_at
          FROM meshwork_resources
         WHERE kind = ? AND id = ?
        """, JdbcMetadataStore::resource, kind.toString(), id));
  }

  @Override
  public List<StoredResource> resources(Kind kind) {
    List<StoredResource> found = transactions.run("list " + kind + " resources", c -> query(c, """
        SELECT kind, id, domain, document, hash, generation, updated_at
          FROM meshwork_resources
         WHERE kind = ?
        """, JdbcMetadataStore::resource, kind.toString()));
    // sorted here, not by the database's collation, so that the order is the same everywhere
    return found.stream().sorted(Comparator.comparing(StoredResource::id)).toList();
  }

  private static StoredResource resource(ResultSet row) throws SQLException {
    String kind = row.getString("kind");
    return new StoredResource(Kind.of(kind).orElseThrow(() -> new SQLException("unknown kind '" + kind + "'")),
        row.getString("id"), row.getString("domain"), row.getString("document"), row.getString("hash"),
        row.getInt("generation"), instant(row, "updated_at"));
  }

  @Override
  public void saveBuild(BuildRecord build) {
    if (build.id() == null || build.product() == null || build.status() == null || build.startedAt() == null) {
      throw new InvalidException(
          "cannot save build " + build.id() + ": it needs an id, a product, a status and a start");
    }
    transactions.run("save build " + build.id(), c -> {
      // updating first locks an existing build, so that concurrent saves of one build take turns
      Object[] fields = {build.product().toString(), build.version(), build.status().name(), build.stage(),
          build.scope(), build.startedAt(), build.finishedAt(), build.rows(), build.bytes(), build.snapshotId(),
          build.qualityScore(), build.error(), build.id()};
      if (update(c, """
          UPDATE meshwork_builds
             SET product = ?, version = ?, status = ?, stage = ?, scope = ?, started_at = ?, finished_at = ?,
                 row_count = ?, byte_count = ?, snapshot_id = ?, quality_score = ?, error = ?
           WHERE id = ?
          """, fields) == 0) {
        update(c, """
            INSERT INTO meshwork_builds (product, version, status, stage, scope, started_at, finished_at,
                                         row_count, byte_count, snapshot_id, quality_score, error, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, fields);
      } else {
        update(c, "DELETE FROM meshwork_build_inputs WHERE build_id = ?", build.id());
        update(c, "DELETE FROM meshwork_quality_results WHERE build_id = ?", build.id());
      }
      List<InputRead> inputs = build.inputs();
      batch(c, """
          INSERT INTO meshwork_build_inputs (build_id, seq, input, source, table_name, product, version,
                                             snapshot_id, row_count)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, IntStream.range(0, inputs.size()).mapToObj(i -> {
            InputRead in = inputs.get(i);
            return new Object[] {build.id(), i, in.input(), in.source(), in.table(),
                in.product() == null ? null : in.product().toString(), in.version(), in.snapshotId(), in.rows()};
          }).toList());
      List<RuleResult> quality = build.quality();
      batch(c, """
          INSERT INTO meshwork_quality_results (build_id, seq, rule, column_name, severity, passed, measured,
                                                threshold, failing_rows)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, IntStream.range(0, quality.size()).mapToObj(i -> {
            RuleResult r = quality.get(i);
            return new Object[] {build.id(), i, r.rule(), r.column(), r.severity(), r.passed(), r.measured(),
                r.threshold(), r.failingRowsJson()};
          }).toList());
      return null;
    });
  }

  @Override
  public Optional<BuildRecord> build(String id) {
    return transactions.run("read build " + id, c -> one(c, """
        SELECT id, product, version, status, stage, scope, started_at, finished_at, row_count, byte_count,
               snapshot_id, quality_score, error
          FROM meshwork_builds
         WHERE id = ?
        """, row -> build(c, row), id));
  }

  @Override
  public List<BuildRecord> builds(ProductRef product, BuildRecord.Status status, int limit) {
    if (limit < 1) {
      throw new InvalidException(
          "cannot list the builds of " + product + ": the limit must be at least 1, not " + limit);
    }
    return transactions.run("list the builds of " + product, c -> query(c, """
        SELECT id, product, version, status, stage, scope, started_at, finished_at, row_count, byte_count,
               snapshot_id, quality_score, error
          FROM meshwork_builds
         WHERE product = ? AND status = COALESCE(?, status)
         ORDER BY started_at DESC, id DESC
         LIMIT ?
        """, row -> build(c, row), product.toString(), status == null ? null : status.name(), limit));
  }

  /** Maps a build's row, reading its inputs and quality results on the same connection. */
  private static BuildRecord build(Connection c, ResultSet row) throws SQLException {
    String id = row.getString("id");
    List<InputRead> inputs = query(c, """
        SELECT input, source, table_name, product, version, snapshot_id, row_count
          FROM meshwork_build_inputs
         WHERE build_id = ?
         ORDER BY seq
        """, in -> new InputRead(in.getString("input"), in.getString("source"), in.getString("table_name"),
            product(in.getString("product")), in.getString("version"), in.getObject("snapshot_id", Long.class),
            in.getLong("row_count")), id);
    List<RuleResult> quality = query(c, """
        SELECT rule, column_name, severity, passed, measured, threshold, failing_rows
          FROM meshwork_quality_results
         WHERE build_id = ?
         ORDER BY seq
        """, r -> new RuleResult(r.getString("rule"), r.getString("column_name"), r.getString("severity"),
            r.getBoolean("passed"), r.getString("measured"), r.getString("threshold"),
            r.getString("failing_rows")), id);
    return new BuildRecord(id, product(row.getString("product")), row.getString("version"),
        BuildRecord.Status.valueOf(row.getString("status")), row.getString("stage"), row.getString("scope"),
        instant(row, "started_at"), instant(row, "finished_at"), row.getLong("row_count"), row.getLong("byte_count"),
        row.getObject("snapshot_id", Long.class), row.getObject("quality_score", Double.class), row.getString("error"),
        inputs, quality);
  }

  private static ProductRef product(String ref) {
    return ref == null ? null : ProductRef.parse(ref);
  }

  @Override
  public Map<ProductRef, BuildSummary> latestBuilds(BuildRecord.Status status) {
    return buildListings.latest(status);
  }

  @Override
  public List<BuildCount> buildsPerDay(Instant since) {
    return buildListings.perDay(since);
  }

  @Override
  public int interruptRunningBuilds(Instant at, String reason) {
    return transactions.run("interrupt the running builds", c -> update(c, """
        UPDATE meshwork_builds
           SET status = 'INTERRUPTED', finished_at = ?, error = ?
         WHERE status = 'RUNNING'
        """, at, reason));
  }

  @Override
  public void recordPolicyResults(List<PolicyResult> results) {
    governance.recordPolicyResults(results);
  }

  @Override
  public List<PolicyResult> policyResults(String resourceId, int limit) {
    return governance.policyResults(resourceId, limit);
  }

  @Override
  public void saveWaiver(Waiver waiver) {
    governance.saveWaiver(waiver);
  }

  @Override
  public Optional<Waiver> waiver(String id) {
    return governance.waiver(id);
  }

  @Override
  public List<Waiver> waivers(boolean includeInactive, Instant now) {
    return governance.waivers(includeInactive, now);
  }

  @Override
  public Optional<Waiver> activeWaiver(String policy, String resourceKind, String resourceId, Instant now) {
    return governance.activeWaiver(policy, resourceKind, resourceId, now);
  }

  @Override
  public void revokeWaiver(String id, Instant at) {
    governance.revokeWaiver(id, at);
  }

  @Override
  public void recordRetention(RetentionRun run) {
    retentionRuns.record(run);
  }

  @Override
  public List<RetentionRun> retentionRuns(String product, int limit) {
    return retentionRuns.list(product, limit);
  }

  @Override
  public void saveUser(User user) {
    identities.saveUser(user);
  }

  @Override
  public Optional<User> user(String name) {
    return identities.user(name);
  }

  @Override
  public List<User> users() {
    return identities.users();
  }

  @Override
  public void saveTeam(Team team) {
    identities.saveTeam(team);
  }

  @Override
  public Optional<Team> team(String name) {
    return identities.team(name);
  }

  @Override
  public List<Team> teams() {
    return identities.teams();
  }

  @Override
  public void saveToken(ApiToken token) {
    identities.saveToken(token);
  }

  @Override
  public Optional<ApiToken> tokenByHash(String hash) {
    return identities.tokenByHash(hash);
  }

  @Override
  public List<ApiToken> tokens(String user) {
    return identities.tokens(user);
  }

  @Override
  public ApiToken revokeToken(String id, Instant at) {
    return identities.revokeToken(id, at);
  }

  @Override
  public void touchToken(String id, Instant at) {
    identities.touchToken(id, at);
  }

  @Override
  public void saveAccessRequest(AccessRequest request) {
    accessRequests.save(request);
  }

  @Override
  public Optional<AccessRequest> accessRequest(String id) {
    return accessRequests.find(id);
  }

  @Override
  public List<AccessRequest> accessRequests(String product, String requester, AccessRequest.Status status, int limit) {
    return accessRequests.list(product, requester, status, limit);
  }

  @Override
  public AccessRequest updateAccessRequest(AccessRequest request, AccessRequest.Status from) {
    return accessRequests.decide(request, from);
  }

  @Override
  public void saveSchedule(ScheduleState state) {
    monitoring.saveSchedule(state);
  }

  @Override
  public List<ScheduleState> schedules() {
    return monitoring.schedules();
  }

  @Override
  public void recordStateChange(StateChange change) {
    monitoring.recordStateChange(change);
  }

  @Override
  public List<StateChange> stateChanges(String product, int limit) {
    return monitoring.stateChanges(product, limit);
  }

  @Override
  public List<StateChange> currentStates() {
    return monitoring.currentStates();
  }

  @Override
  public void markAlerted(String id, Instant at) {
    monitoring.markAlerted(id, at);
  }

  @Override
  public void appendAudit(AuditEntry entry) {
    audit.append(entry);
  }

  @Override
  public List<AuditEntry> audit(AuditFilter filter) {
    return audit.list(filter);
  }

  @Override
  public void saveWebSession(WebSession session) {
    webSessions.save(session);
  }

  @Override
  public Optional<WebSession> webSession(String idHash) {
    return webSessions.find(idHash);
  }

  @Override
  public void deleteWebSession(String idHash) {
    webSessions.delete(idHash);
  }

  @Override
  public int deleteExpiredWebSessions(Instant at) {
    return webSessions.deleteExpired(at);
  }

  @Override
  public void close() {
    transactions.close();
  }
}
