package dev.meshwork.jdbc;

import static dev.meshwork.jdbc.Sql.instant;
import static dev.meshwork.jdbc.Sql.one;
import static dev.meshwork.jdbc.Sql.query;
import static dev.meshwork.jdbc.Sql.update;

import dev.meshwork.core.spi.ApiToken;
import dev.meshwork.core.spi.Team;
import dev.meshwork.core.spi.User;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The identity part of the JDBC metadata store: teams, users and API tokens. Names and ids are
 * checked before inserting, so that a duplicate or a missing reference reads as such; a concurrent
 * insert of the same key collides on the primary key, is retried by {@link Transactions} and then
 * finds it taken.
 */
final class IdentityRecords {

  private static final String TOKEN_COLUMNS = """
      id, user_name, token_hash, created_at, expires_at, revoked_at, last_used_at""";

  private final Transactions transactions;

  IdentityRecords(Transactions transactions) {
    this.transactions = transactions;
  }

  void saveTeam(Team team) {
    if (team == null) {
      throw new InvalidException("cannot save a team: it is missing");
    }
    transactions.run("save team " + team.name(), c -> {
      if (findTeam(c, team.name()).isPresent()) {
        throw new AlreadyExistsException("cannot save team " + team.name() + ": it exists already");
      }
      update(c, "INSERT INTO meshwork_teams (name, created_at) VALUES (?, ?)", team.name(), team.createdAt());
      return null;
    });
  }

  Optional<Team> team(String name) {
    return transactions.run("read team " + name, c -> findTeam(c, name));
  }

  List<Team> teams() {
    return transactions.run("list the teams", c -> query(c, """
        SELECT name, created_at FROM meshwork_teams ORDER BY name
        """, IdentityRecords::team));
  }

  void saveUser(User user) {
    if (user == null) {
      throw new InvalidException("cannot save a user: it is missing");
    }
    String what = "save user " + user.name();
    transactions.run(what, c -> {
      if (findUser(c, user.name()).isPresent()) {
        throw new AlreadyExistsException("cannot " + what + ": it exists already");
      }
      if (user.team() != null && findTeam(c, user.team()).isEmpty()) {
        throw new NotFoundException("cannot " + what + ": team " + user.team() + " does not exist");
      }
      update(c, """
          INSERT INTO meshwork_users (name, email, team, admin, created_at)
          VALUES (?, ?, ?, ?, ?)
          """, user.name(), user.email(), user.team(), user.admin(), user.createdAt());
      return null;
    });
  }

  Optional<User> user(String name) {
    return transactions.run("read user " + name, c -> findUser(c, name));
  }

  List<User> users() {
    return transactions.run("list the users", c -> query(c, """
        SELECT name, email, team, admin, created_at FROM meshwork_users ORDER BY name
        """, IdentityRecords::user));
  }

  void saveToken(ApiToken token) {
    if (token == null) {
      throw new InvalidException("cannot save an API token: it is missing");
    }
    String what = "save API token " + token.id();
    transactions.run(what, c -> {
      if (findToken(c, token.id()).isPresent()) {
        throw new AlreadyExistsException("cannot " + what + ": it exists already");
      }
      if (one(c, "SELECT id FROM meshwork_api_tokens WHERE token_hash = ?", row -> row.getString(1), token.hash())
          .isPresent()) {
        throw new AlreadyExistsException("cannot " + what + ": a token with the same hash exists already");
      }
      if (findUser(c, token.user()).isEmpty()) {
        throw new NotFoundException("cannot " + what + ": user " + token.user() + " does not exist");
      }
      update(c, """
          INSERT INTO meshwork_api_tokens (id, user_name, token_hash, created_at, expires_at, revoked_at,
                                           last_used_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """, token.id(), token.user(), token.hash(), token.createdAt(), token.expiresAt(), token.revokedAt(),
          token.lastUsedAt());
      return null;
    });
  }

  Optional<ApiToken> tokenByHash(String hash) {
    return transactions.run("find an API token by its hash", c -> one(c, """
        SELECT %s FROM meshwork_api_tokens WHERE token_hash = ?
        """.formatted(TOKEN_COLUMNS), IdentityRecords::token, hash));
  }

  List<ApiToken> tokens(String user) {
    String what = user == null ? "the API tokens" : "the API tokens of " + user;
    return transactions.run("list " + what, c -> query(c, """
        SELECT %s FROM meshwork_api_tokens
         WHERE user_name = COALESCE(?, user_name)
         ORDER BY created_at DESC, id DESC
        """.formatted(TOKEN_COLUMNS), IdentityRecords::token, user));
  }

  ApiToken revokeToken(String id, Instant at) {
    String what = "revoke API token " + id;
    requireTime(what, at);
    return transactions.run(what, c -> {
      ApiToken token = lockToken(c, id, what);
      if (token.revokedAt() != null) {
        return token;
      }
      if (at.isBefore(token.createdAt())) {
        throw new InvalidException("cannot " + what + ": the revocation at " + at + " is before its creation at "
            + token.createdAt());
      }
      update(c, "UPDATE meshwork_api_tokens SET revoked_at = ? WHERE id = ?", at, id);
      return findToken(c, id).orElseThrow();
    });
  }

  void touchToken(String id, Instant at) {
    String what = "record the use of API token " + id;
    requireTime(what, at);
    transactions.run(what, c -> {
      if (update(c, "UPDATE meshwork_api_tokens SET last_used_at = ? WHERE id = ?", at, id) == 0) {
        throw new NotFoundException("cannot " + what + ": it does not exist");
      }
      return null;
    });
  }

  private static ApiToken lockToken(Connection c, String id, String what) throws SQLException {
    return one(c, """
        SELECT %s FROM meshwork_api_tokens WHERE id = ? FOR UPDATE
        """.formatted(TOKEN_COLUMNS), IdentityRecords::token, id)
        .orElseThrow(() -> new NotFoundException("cannot " + what + ": it does not exist"));
  }

  private static Optional<ApiToken> findToken(Connection c, String id) throws SQLException {
    return one(c, """
        SELECT %s FROM meshwork_api_tokens WHERE id = ?
        """.formatted(TOKEN_COLUMNS), IdentityRecords::token, id);
  }

  private static Optional<Team> findTeam(Connection c, String name) throws SQLException {
    return one(c, "SELECT name, created_at FROM meshwork_teams WHERE name = ?", IdentityRecords::team, name);
  }

  private static Optional<User> findUser(Connection c, String name) throws SQLException {
    return one(c, "SELECT name, email, team, admin, created_at FROM meshwork_users WHERE name = ?",
        IdentityRecords::user, name);
  }

  private static Team team(ResultSet row) throws SQLException {
    return new Team(row.getString("name"), instant(row, "created_at"));
  }

  private static User user(ResultSet row) throws SQLException {
    return new User(row.getString("name"), row.getString("email"), row.getString("team"), row.getBoolean("admin"),
        instant(row, "created_at"));
  }

  private static ApiToken token(ResultSet row) throws SQLException {
    return new ApiToken(row.getString("id"), row.getString("user_name"), row.getString("token_hash"),
        instant(row, "created_at"), instant(row, "expires_at"), instant(row, "revoked_at"),
        instant(row, "last_used_at"));
  }

  private static void requireTime(String what, Instant at) {
    if (at == null) {
      throw new InvalidException("cannot " + what + ": the time is missing");
    }
  }
}
