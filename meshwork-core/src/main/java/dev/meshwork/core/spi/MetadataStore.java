package dev.meshwork.core.spi;

import dev.meshwork.spec.Kind;
import dev.meshwork.spec.ProductRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's record: applied resources, builds with what they read and how their audit went,
 * policy results, waivers, retention runs, access requests and grants, the users, teams and API
 * tokens of the platform, the scheduler's jobs and the products' recorded states (freshness,
 * build health), the audit log, and the web catalog's sessions.
 * Every method is atomic; implementations are safe to use from several threads.
 */
public interface MetadataStore extends AutoCloseable {

  /**
   * Stores the resources in one transaction, replacing those with the same kind and id. A
   * resource whose document is unchanged keeps its generation; a changed one gets the next.
   * Returns the resources as stored.
   */
  List<StoredResource> apply(List<StoredResource> resources);

  Optional<StoredResource> resource(Kind kind, String id);

  /** All resources of a kind, ordered by id. */
  List<StoredResource> resources(Kind kind);

  /** Inserts a build, or replaces the build with the same id (with its inputs and results). */
  void saveBuild(BuildRecord build);

  Optional<BuildRecord> build(String id);

  /** A product's builds, newest first; {@code status} null for every status. */
  List<BuildRecord> builds(ProductRef product, BuildRecord.Status status, int limit);

  /**
   * The latest build of every product that has one (latest by {@code startedAt}, then id), in one
   * read; with a {@code status}, the latest of that status. Summaries, without inputs and quality
   * results: listings need neither.
   */
  Map<ProductRef, BuildSummary> latestBuilds(BuildRecord.Status status);

  /**
   * The builds that started at or after {@code since}, counted by the day they started (UTC) and
   * their status, in one read; ordered by day, then status (in the order of
   * {@link BuildRecord.Status}). Days and statuses without a build are left out.
   */
  List<BuildCount> buildsPerDay(Instant since);

  /**
   * Marks every build still {@code RUNNING} as {@code INTERRUPTED} (its process died), with
   * {@code at} as its end; returns how many there were.
   */
  int interruptRunningBuilds(Instant at, String reason);

  /**
   * Appends the results in one transaction: all or none. A result whose id is stored already (or
   * repeated in the list) fails the whole list with an {@code AlreadyExistsException}.
   */
  void recordPolicyResults(List<PolicyResult> results);

  /**
   * Policy results, newest first ({@code at} descending, then id descending), at most
   * {@code limit}; {@code resourceId} null for every resource.
   */
  List<PolicyResult> policyResults(String resourceId, int limit);

  /** Inserts a waiver; one with the same id (whatever its state) fails with an {@code AlreadyExistsException}. */
  void saveWaiver(Waiver waiver);

  Optional<Waiver> waiver(String id);

  /**
   * Waivers, most recently granted first (then id descending): all of them with
   * {@code includeInactive}, else only those {@linkplain Waiver#activeAt active at} {@code now}.
   */
  List<Waiver> waivers(boolean includeInactive, Instant now);

  /** The waiver of a policy for a resource active at {@code now}; the most recently granted if several are. */
  Optional<Waiver> activeWaiver(String policy, String resourceKind, String resourceId, Instant now);

  /**
   * Revokes a waiver from {@code at} on, keeping its record; a waiver revoked already keeps its
   * first revocation. A missing one fails with a {@code NotFoundException}.
   */
  void revokeWaiver(String id, Instant at);

  /**
   * Appends a retention run; one whose id is stored already fails with an
   * {@code AlreadyExistsException}.
   */
  void recordRetention(RetentionRun run);

  /**
   * Retention runs, newest first ({@code at} descending, then id descending), at most
   * {@code limit}; {@code product} ({@code domain.name}) null for every product.
   */
  List<RetentionRun> retentionRuns(String product, int limit);

  /**
   * Inserts a user; one with the same name fails with an {@code AlreadyExistsException}, one whose
   * team does not exist with a {@code NotFoundException}.
   */
  void saveUser(User user);

  Optional<User> user(String name);

  /** All users, ordered by name. */
  List<User> users();

  /** Inserts a team; one with the same name fails with an {@code AlreadyExistsException}. */
  void saveTeam(Team team);

  Optional<Team> team(String name);

  /** All teams, ordered by name. */
  List<Team> teams();

  /**
   * Inserts an API token; one with the same id or hash fails with an {@code AlreadyExistsException},
   * one whose user does not exist with a {@code NotFoundException}.
   */
  void saveToken(ApiToken token);

  /** The token whose secret has this SHA-256 hex, whatever its state. */
  Optional<ApiToken> tokenByHash(String hash);

  /** API tokens, newest first (then id descending); {@code user} null for every user's. */
  List<ApiToken> tokens(String user);

  /**
   * Revokes a token from {@code at} on, keeping its record; a token revoked already keeps its first
   * revocation. A missing one fails with a {@code NotFoundException}. Returns the token as stored.
   */
  ApiToken revokeToken(String id, Instant at);

  /** Records that a token was used at {@code at}. A missing one fails with a {@code NotFoundException}. */
  void touchToken(String id, Instant at);

  /** Inserts an access request; one with the same id fails with an {@code AlreadyExistsException}. */
  void saveAccessRequest(AccessRequest request);

  Optional<AccessRequest> accessRequest(String id);

  /**
   * Access requests, newest first ({@code requestedAt} descending, then id descending), at most
   * {@code limit}; {@code product}, {@code requester} and {@code status} null for any.
   */
  List<AccessRequest> accessRequests(String product, String requester, AccessRequest.Status status, int limit);

  /**
   * Writes a request's decision (status, decidedBy, decidedAt, reason, revokedAt) provided the
   * stored request is still {@code from}; returns it as stored. A missing one fails with a
   * {@code NotFoundException}, one decided meanwhile with a {@code ConflictException}.
   */
  AccessRequest updateAccessRequest(AccessRequest request, AccessRequest.Status from);

  /** Inserts the state of a scheduled job, or replaces the state stored for the same job. */
  void saveSchedule(ScheduleState state);

  /** Every scheduled job's state, ordered by job. */
  List<ScheduleState> schedules();

  /**
   * Appends a change of a product's state; one whose id is stored already fails with an
   * {@code AlreadyExistsException}.
   */
  void recordStateChange(StateChange change);

  /**
   * State changes, newest first ({@code at} descending, then id descending), at most
   * {@code limit}; {@code product} ({@code domain.name}) null for every product.
   */
  List<StateChange> stateChanges(String product, int limit);

  /**
   * The latest change of each product and aspect, which holds its current state; ordered by
   * product, then aspect.
   */
  List<StateChange> currentStates();

  /**
   * Records that the change's alert went out at {@code at}; a change alerted already keeps its
   * first time. A missing one fails with a {@code NotFoundException}.
   */
  void markAlerted(String id, Instant at);

  /**
   * Appends an entry to the audit log, which has no way to change or remove one; an entry whose id
   * is stored already fails with an {@code AlreadyExistsException}.
   */
  void appendAudit(AuditEntry entry);

  /**
   * The audit entries the filter picks, newest first ({@code at} descending, then the last appended
   * first), at most its limit.
   */
  List<AuditEntry> audit(AuditFilter filter);

  /** Inserts a web session, or replaces the session stored with the same id hash. */
  void saveWebSession(WebSession session);

  /** The web session whose id has this SHA-256 hex, whether or not it has ended. */
  Optional<WebSession> webSession(String idHash);

  /** Removes the web session whose id has this SHA-256 hex; nothing happens when there is none. */
  void deleteWebSession(String idHash);

  /** Removes the web sessions expired at {@code at} (expiring at or before it); returns how many. */
  int deleteExpiredWebSessions(Instant at);

  @Override
  default void close() {}
}
