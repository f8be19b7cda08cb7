package dev.meshwork.jdbc;

import static dev.meshwork.jdbc.Sql.instant;
import static dev.meshwork.jdbc.Sql.one;
import static dev.meshwork.jdbc.Sql.update;

import dev.meshwork.core.spi.WebSession;
import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;
import java.util.Optional;

/**
 * The web catalog's part of the JDBC metadata store: one row per session, keyed by the hash of its
 * id, replaced when its life is extended and deleted when it ends.
 */
final class WebSessionRecords {

  private final Transactions transactions;

  WebSessionRecords(Transactions transactions) {
    this.transactions = transactions;
  }

  void save(WebSession session) {
    if (session == null) {
      throw new InvalidException("cannot record a web session: it is missing");
    }
    transactions.run("record a web session", c -> {
      // updating first locks an existing row, so that concurrent saves of one session take turns
      Object[] fields = {session.tokenHash(), session.csrf(), session.expiresAt(), session.idHash()};
      if (update(c, "UPDATE meshwork_web_sessions SET token_hash = ?, csrf = ?, expires_at = ? WHERE id_hash = ?",
          fields) == 0) {
        update(c, "INSERT INTO meshwork_web_sessions (token_hash, csrf, expires_at, id_hash) VALUES (?, ?, ?, ?)",
            fields);
      }
      return null;
    });
  }

  Optional<WebSession> find(String idHash) {
    if (idHash == null) {
      return Optional.empty();
    }
    return transactions.run("read a web session", c -> one(c,
        "SELECT id_hash, token_hash, csrf, expires_at FROM meshwork_web_sessions WHERE id_hash = ?",
        row -> new WebSession(row.getString("id_hash"), row.getString("token_hash"), row.getString("csrf"),
            instant(row, "expires_at")), idHash));
  }

  void delete(String idHash) {
    if (idHash == null) {
      return;
    }
    transactions.run("delete a web session",
        c -> update(c, "DELETE FROM meshwork_web_sessions WHERE id_hash = ?", idHash));
  }

  int deleteExpired(Instant at) {
    if (at == null) {
      throw new InvalidException("cannot delete the expired web sessions: the time is missing");
    }
    return transactions.run("delete the expired web sessions",
        c -> update(c, "DELETE FROM meshwork_web_sessions WHERE expires_at <= ?", at));
  }
}
