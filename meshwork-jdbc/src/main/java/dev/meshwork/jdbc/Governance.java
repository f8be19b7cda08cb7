package dev.meshwork.jdbc;

import static dev.meshwork.jdbc.Sql.batch;
import static dev.meshwork.jdbc.Sql.instant;
import static dev.meshwork.jdbc.Sql.one;
import static dev.meshwork.jdbc.Sql.query;
import static dev.meshwork.jdbc.Sql.update;

import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.Waiver;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The governance half of the JDBC metadata store: policy results (appended, never changed) and
 * waivers (inserted, revoked in place, never deleted). Ids are checked before inserting, so that a
 * duplicate reads as such; a concurrent insert of the same id collides on the primary key, is
 * retried by {@link Transactions} and then finds the id taken. "Active at" is the condition of
 * {@link Waiver#activeAt}: granted at or before the time, neither expired nor revoked by then.
 */
final class Governance {

  private final Transactions transactions;

  Governance(Transactions transactions) {
    this.transactions = transactions;
  }

  void recordPolicyResults(List<PolicyResult> results) {
    if (results == null || results.stream().anyMatch(Objects::isNull)) {
      throw new InvalidException("cannot record policy results: the list or one of its results is missing");
    }
    Set<String> ids = new HashSet<>();
    for (PolicyResult result : results) {
      if (!ids.add(result.id())) {
        throw new AlreadyExistsException(
            "cannot record policy results: policy result " + result.id() + " is listed twice");
      }
    }
    transactions.run("record policy results", c -> {
      for (PolicyResult result : results) {
        if (one(c, "SELECT id FROM meshwork_policy_results WHERE id = ?", row -> row.getString(1), result.id())
            .isPresent()) {
          throw new AlreadyExistsException(
              "cannot record policy results: policy result " + result.id() + " exists already");
        }
      }
      batch(c, """
          INSERT INTO meshwork_policy_results (id, policy, resource_kind, resource_id, event, outcome, message,
                                               waiver_id, evaluated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, results.stream().map(r -> new Object[] {r.id(), r.policy(), r.resourceKind(), r.resourceId(),
              r.event(), r.outcome().name(), r.message(), r.waiverId(), r.at()}).toList());
      return null;
    });
  }

  List<PolicyResult> policyResults(String resourceId, int limit) {
    String what = resourceId == null ? "the policy results" : "the policy results of " + resourceId;
    if (limit < 1) {
      throw new InvalidException("cannot list " + what + ": the limit must be at least 1, not " + limit);
    }
    return transactions.run("list " + what, c -> query(c, """
        SELECT id, policy, resource_kind, resource_id, event, outcome, message, waiver_id, evaluated_at
          FROM meshwork_policy_results
         WHERE resource_id = COALESCE(?, resource_id)
         ORDER BY evaluated_at DESC, id DESC
         LIMIT ?
        """, Governance::result, resourceId, limit));
  }

  private static PolicyResult result(ResultSet row) throws SQLException {
    return new PolicyResult(row.getString("id"), row.getString("policy"), row.getString("resource_kind"),
        row.getString("resource_id"), row.getString("event"), PolicyResult.Outcome.valueOf(row.getString("outcome")),
        row.getString("message"), row.getString("waiver_id"), instant(row, "evaluated_at"));
  }

  void saveWaiver(Waiver waiver) {
    if (waiver == null) {
      throw new InvalidException("cannot save a waiver: it is missing");
    }
    transactions.run("save waiver " + waiver.id(), c -> {
      if (find(c, waiver.id()).isPresent()) {
        throw new AlreadyExistsException("cannot save waiver " + waiver.id() + ": it exists already");
      }
      update(c, """
          INSERT INTO meshwork_waivers (id, policy, resource_kind, resource_id, justification, granted_by,
                                        granted_at, expires_at, revoked_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, waiver.id(), waiver.policy(), waiver.resourceKind(), waiver.resourceId(), waiver.justification(),
          waiver.grantedBy(), waiver.grantedAt(), waiver.expiresAt(), waiver.revokedAt());
      return null;
    });
  }

  Optional<Waiver> waiver(String id) {
    return transactions.run("read waiver " + id, c -> find(c, id));
  }

  List<Waiver> waivers(boolean includeInactive, Instant now) {
    if (includeInactive) {
      return transactions.run("list the waivers", c -> query(c, """
          SELECT id, policy, resource_kind, resource_id, justification, granted_by, granted_at, expires_at,
                 revoked_at
            FROM meshwork_waivers
           ORDER BY granted_at DESC, id DESC
          """, Governance::waiver));
    }
    requireNow("list the active waivers", now);
    return transactions.run("list the active waivers", c -> query(c, """
        SELECT id, policy, resource_kind, resource_id, justification, granted_by, granted_at, expires_at,
               revoked_at
          FROM meshwork_waivers
         WHERE granted_at <= ? AND expires_at > ? AND (revoked_at IS NULL OR revoked_at > ?)
         ORDER BY granted_at DESC, id DESC
        """, Governance::waiver, now, now, now));
  }

  Optional<Waiver> activeWaiver(String policy, String resourceKind, String resourceId, Instant now) {
    String what = "find the waiver of " + policy + " for " + resourceKind + " " + resourceId;
    requireNow(what, now);
    return transactions.run(what, c -> one(c, """
        SELECT id, policy, resource_kind, resource_id, justification, granted_by, granted_at, expires_at,
               revoked_at
          FROM meshwork_waivers
         WHERE policy = ? AND resource_kind = ? AND resource_id = ?
           AND granted_at <= ? AND expires_at > ? AND (revoked_at IS NULL OR revoked_at > ?)
         ORDER BY granted_at DESC, id DESC
         LIMIT 1
        """, Governance::waiver, policy, resourceKind, resourceId, now, now, now));
  }

  void revokeWaiver(String id, Instant at) {
    requireNow("revoke waiver " + id, at);
    transactions.run("revoke waiver " + id, c -> {
      Waiver waiver = one(c, """
          SELECT id, policy, resource_kind, resource_id, justification, granted_by, granted_at, expires_at,
                 revoked_at
            FROM meshwork_waivers
           WHERE id = ?
             FOR UPDATE
          """, Governance::waiver, id)
          .orElseThrow(() -> new NotFoundException("cannot revoke waiver " + id + ": it does not exist"));
      if (waiver.revokedAt() != null) {
        return null;
      }
      if (at.isBefore(waiver.grantedAt())) {
        throw new InvalidException("cannot revoke waiver " + id + ": the revocation at " + at
            + " is before its grant at " + waiver.grantedAt());
      }
      update(c, "UPDATE meshwork_waivers SET revoked_at = ? WHERE id = ?", at, id);
      return null;
    });
  }

  private static Optional<Waiver> find(Connection c, String id) throws SQLException {
    return one(c, """
        SELECT id, policy, resource_kind, resource_id, justification, granted_by, granted_at, expires_at,
               revoked_at
          FROM meshwork_waivers
         WHERE id = ?
        """, Governance::waiver, id);
  }

  private static Waiver waiver(ResultSet row) throws SQLException {
    return new Waiver(row.getString("id"), row.getString("policy"), row.getString("resource_kind"),
        row.getString("resource_id"), row.getString("justification"), row.getString("granted_by"),
        instant(row, "granted_at"), instant(row, "expires_at"), instant(row, "revoked_at"));
  }

  private static void requireNow(String what, Instant now) {
    if (now == null) {
      throw new InvalidException("cannot " + what + ": the time is missing");
    }
  }
}
