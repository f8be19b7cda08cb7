package dev.meshwork.jdbc;

import static dev.meshwork.jdbc.Sql.instant;
import static dev.meshwork.jdbc.Sql.one;
import static dev.meshwork.jdbc.Sql.query;
import static dev.meshwork.jdbc.Sql.update;

import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The access half of the JDBC metadata store: requests are inserted once and decided in place. A
 * decision is written only while the stored request still stands where the decider saw it, so two
 * approvers racing on one request cannot both win.
 */
final class AccessRequests {

  private static final String COLUMNS = """
      id, product, requester, purpose, pii, for_team, for_product, approval, status, requested_at, expires_at,
      decided_by, decided_at, reason, revoked_at""";

  private final Transactions transactions;

  AccessRequests(Transactions transactions) {
    this.transactions = transactions;
  }

  void save(AccessRequest request) {
    if (request == null) {
      throw new InvalidException("cannot record an access request: it is missing");
    }
    transactions.run("record access request " + request.id(), c -> {
      if (find(c, request.id()).isPresent()) {
        throw new AlreadyExistsException("cannot record access request " + request.id() + ": it exists already");
      }
      update(c, "INSERT INTO meshwork_access_requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          request.id(), request.product(), request.requester(), request.purpose(), request.pii(), request.forTeam(),
          request.forProduct(), request.approval(), request.status().name(), request.requestedAt(),
          request.expiresAt(), request.decidedBy(), request.decidedAt(), request.reason(), request.revokedAt());
      return null;
    });
  }

  Optional<AccessRequest> find(String id) {
    return transactions.run("read access request " + id, c -> find(c, id));
  }

  List<AccessRequest> list(String product, String requester, AccessRequest.Status status, int limit) {
    if (limit < 1) {
      throw new InvalidException("cannot list the access requests: the limit must be at least 1, not " + limit);
    }
    return transactions.run("list the access requests", c -> query(c, "SELECT " + COLUMNS + """

          FROM meshwork_access_requests
         WHERE product = COALESCE(?, product)
           AND requester = COALESCE(?, requester)
           AND status = COALESCE(?, status)
         ORDER BY requested_at DESC, id DESC
         LIMIT ?
        """, AccessRequests::request, product, requester, status == null ? null : status.name(), limit));
  }

  AccessRequest decide(AccessRequest request, AccessRequest.Status from) {
    return transactions.run("decide access request " + request.id(), c -> {
      int changed = update(c, """
          UPDATE meshwork_access_requests
             SET status = ?, decided_by = ?, decided_at = ?, reason = ?, revoked_at = ?
           WHERE id = ? AND status = ?
          """, request.status().name(), request.decidedBy(), request.decidedAt(), request.reason(),
          request.revokedAt(), request.id(), from.name());
      if (changed == 0) {
        AccessRequest stored = find(c, request.id()).orElseThrow(() -> new NotFoundException(
            "cannot decide access request " + request.id() + ": no such request"));
        throw new ConflictException("cannot decide access request " + request.id() + ": it is " + stored.status()
            + ", not " + from);
      }
      return find(c, request.id()).orElseThrow();
    });
  }

  private static Optional<AccessRequest> find(Connection c, String id) throws SQLException {
    return one(c, "SELECT " + COLUMNS + " FROM meshwork_access_requests WHERE id = ?", AccessRequests::request, id);
  }

  private static AccessRequest request(ResultSet row) throws SQLException {
    return new AccessRequest(row.getString("id"), row.getString("product"), row.getString("requester"),
        row.getString("purpose"), row.getBoolean("pii"), row.getString("for_team"), row.getString("for_product"),
        row.getString("approval"), AccessRequest.Status.valueOf(row.getString("status")),
        instant(row, "requested_at"), instant(row, "expires_at"), row.getString("decided_by"),
        instant(row, "decided_at"), row.getString("reason"), instant(row, "revoked_at"));
  }
}
