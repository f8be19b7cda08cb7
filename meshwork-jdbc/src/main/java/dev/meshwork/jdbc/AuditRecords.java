package dev.meshwork.jdbc;

import static dev.meshwork.jdbc.Sql.instant;
import static dev.meshwork.jdbc.Sql.one;
import static dev.meshwork.jdbc.Sql.query;
import static dev.meshwork.jdbc.Sql.update;

import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.AuditFilter;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.InvalidException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit half of the JDBC metadata store: entries are inserted and read, never updated or
 * deleted. The table's identity column {@code seq} numbers them in the order appended, which
 * orders entries recorded at the same instant. As with retention runs, the id is checked before
 * inserting so that a duplicate reads as such.
 */
final class AuditRecords {

  private static final String COLUMNS = "id, recorded_at, actor, action, resource_kind, resource_id, outcome, details, row_count";

  private final Transactions transactions;

  AuditRecords(Transactions transactions) {
    this.transactions = transactions;
  }

  void append(AuditEntry entry) {
    if (entry == null) {
      throw new InvalidException("cannot record an audit entry: it is missing");
    }
    transactions.run("record audit entry " + entry.id(), c -> {
      if (one(c, "SELECT id FROM meshwork_audit WHERE id = ?", row -> row.getString(1), entry.id()).isPresent()) {
        throw new AlreadyExistsException("cannot record audit entry " + entry.id() + ": it exists already");
      }
      update(c, "INSERT INTO meshwork_audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", entry.id(),
          entry.at(), entry.actor(), entry.action(), entry.resourceKind(), entry.resourceId(), entry.outcome(),
          entry.details(), entry.rows());
      return null;
    });
  }

  /** The entries the filter picks; the conditions are those of the fields it sets, each bound as a parameter. */
  List<AuditEntry> list(AuditFilter filter) {
    if (filter == null) {
      throw new InvalidException("cannot read the audit log: the filter is missing");
    }
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    if (filter.actor() != null) {
      conditions.add("actor = ?");
      parameters.add(filter.actor());
    }
    if (filter.action() != null) {
      // an action family has no LIKE wildcard in it: AuditFilter accepts only prefixes of the vocabulary
      conditions.add("(action = ? OR action LIKE ?)");
      parameters.add(filter.action());
      parameters.add(filter.action() + ".%");
    }
    if (filter.resource() != null) {
      conditions.add("resource_id = ?");
      parameters.add(filter.resource());
    }
    if (filter.since() != null) {
      conditions.add("recorded_at >= ?");
      parameters.add(filter.since());
    }
    if (filter.until() != null) {
      conditions.add("recorded_at < ?");
      parameters.add(filter.until());
    }
    parameters.add(filter.limit());
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return transactions.run("read the audit log", c -> query(c, "SELECT " + COLUMNS + " FROM meshwork_audit" + where
        + " ORDER BY recorded_at DESC, seq DESC LIMIT ?", AuditRecords::entry, parameters.toArray()));
  }

  private static AuditEntry entry(ResultSet row) throws SQLException {
    return new AuditEntry(row.getString("id"), instant(row, "recorded_at"), row.getString("actor"),
        row.getString("action"), row.getString("resource_kind"), row.getString("resource_id"),
        row.getString("outcome"), row.getString("details"), row.getObject("row_count", Long.class));
  }
}
