package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.Home;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh user|team|token}: identities on a home, in-process. */
class IdentityCommandsIT {

  @TempDir
  Path dir;

  private Map<String, String> env;

  @BeforeEach
  void setUp() {
    env = Map.of("MESH_HOME", dir.resolve("home").toString());
  }

  private Cli mesh(String... args) {
    return Cli.run(env, args);
  }

  @Test
  void usersTeamsAndTokensAreCreatedListedAndRevoked() throws SQLException {
    assertThat(mesh("team", "create", "orders").out()).isEqualTo("created team orders\n");
    assertThat(mesh("user", "create", "ana", "--email", "ana@example.com", "--team", "orders", "--admin").out())
        .isEqualTo("created user ana <ana@example.com> in team orders, platform admin\n");

    Cli created = mesh("token", "create", "--user", "ana", "--expires", "2999-01-01");
    assertThat(created.exit()).as(created.err()).isZero();
    String[] lines = created.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).matches("token [0-9a-f]{12} for user ana, expires 2999-01-01T00:00:00Z:");
    assertThat(lines[1]).matches("mw_[A-Za-z0-9_-]{43}");
    assertThat(lines[2]).isEqualTo("Copy it now: it will not be shown again.");
    String id = lines[0].substring(6, 18);
    String secret = lines[1];

    assertThat(mesh("user", "list").out()).containsPattern("(?m)^ana +ana@example.com +orders +yes +\\S+Z$");
    assertThat(mesh("team", "list", "-o", "json").out()).contains("\"name\" : \"orders\"");
    Cli listed = mesh("token", "list", "--user", "ana", "-o", "json");
    assertThat(listed.out()).contains("\"id\" : \"" + id + "\"").doesNotContain(secret).doesNotContain("hash");
    assertThat(mesh("token", "list").out()).containsPattern("(?m)^" + id + " +ana +\\S+Z +2999-01-01T00:00:00Z +- +-$");

    assertThat(mesh("token", "revoke", id).out()).startsWith("token " + id + " of user ana revoked at ");
    assertThat(mesh("token", "list").out()).doesNotContainPattern("(?m)^" + id + " +ana +\\S+ +\\S+ +- ");

    String url = "jdbc:h2:file:" + Home.locate(dir.resolve("home"), Map.of()).meta().resolve("meshwork");
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
         ResultSet rows = s.executeQuery("SELECT token_hash FROM meshwork_api_tokens")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).hasSize(64).isNotEqualTo(secret);
      assertThat(rows.next()).isFalse();
    }
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
         ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM meshwork_api_tokens WHERE token_hash LIKE '%"
             + secret.substring(3, 20) + "%' OR id LIKE '%" + secret.substring(3, 20) + "%'")) {
      rows.next();
      assertThat(rows.getInt(1)).isZero();
    }
  }

  @Test
  void mistakesAreReportedWithExactMessages() {
    mesh("user", "create", "ana", "--email", "ana@example.com");

    assertFails(mesh("user", "create", "ana", "--email", "ana@example.com"),
        "mesh: cannot save user ana: it exists already");
    assertFails(mesh("user", "create", "li", "--email", "li@example.com", "--team", "ghosts"),
        "mesh: cannot create user li: team ghosts does not exist");
    assertFails(mesh("user", "create", "li", "--email", "li.example.com"),
        "mesh: cannot create user li: email 'li.example.com' is not an email address (expected like team@example.com)");
    assertFails(mesh("token", "create", "--user", "bo"),
        "mesh: cannot issue a token for user bo: the user does not exist");
    assertFails(mesh("token", "create", "--user", "ana", "--expires", "2020-01-01"),
        "mesh: cannot issue a token for user ana: its expiry 2020-01-01T00:00:00Z is not in the future");
    assertFails(mesh("token", "revoke", "nope"),
        "mesh: cannot revoke API token nope: it does not exist");
  }

  private static void assertFails(Cli cli, String message) {
    assertThat(cli.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err()).isEqualTo(message + "\n");
  }
}
