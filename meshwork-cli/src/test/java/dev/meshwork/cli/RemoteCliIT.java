package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.server.MeshServer;
import dev.meshwork.server.ServerOptions;
import dev.meshwork.server.TokenAuthorizer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against a running server: with MESH_URL and MESH_TOKEN, and with the login
 * {@code mesh login} stored. The server serves the test mesh's home; each command's own home is
 * another, empty one, so a command that ran in-process would show no products.
 */
class RemoteCliIT {

  @TempDir
  static Path dir;

  static TestMesh mesh;
  static MeshServer server;
  static String url;
  static String admin;
  static Platform platform;

  @BeforeAll
  static void start() {
    mesh = new TestMesh(dir);
    mesh.write("failing/strict.yaml", TestMesh.SALES.replace("name: sales,", "name: strict,")
        .replace("sql: sales.sql", "sql: ../specs/sales.sql").replace("mustBeGreaterThan: 0", "mustBeGreaterThan: 1000"));
    platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    admin = platform.identities().ensureAdmin().orElseThrow().secret();
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withFileFolders(List.of(dir)),
        TokenAuthorizer.of(platform.identities()));
    url = "http://127.0.0.1:" + server.port();
    Cli applied = remote("apply", "-f", mesh.specs.toString());
    assertThat(applied.exit()).as(applied.err()).isZero();
    Cli built = remote("build", "shop.sales");
    assertThat(built.exit()).as(built.err()).isZero();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** The environment of a user on another machine: no home of the server's, the server's address and a token. */
  private static Map<String, String> env(String token) {
    Map<String, String> env = new HashMap<>();
    env.put("MESH_HOME", dir.resolve("elsewhere").toString());
    env.put("MESH_URL", url);
    if (token != null) {
      env.put("MESH_TOKEN", token);
    }
    return env;
  }

  private static Cli remote(String... args) {
    return Cli.run(env(admin), args);
  }

  @Test
  void asksForAccessAndReadsUnderTheGrantOverHttpAsTheTokensUser() {
    platform.identities().createUser("remy", "remy@example.com", null, false);
    Map<String, String> remy = env(platform.identities().issueToken("remy", null).secret());
    Cli denied = Cli.run(remy, "query", "SELECT count(*) AS n FROM shop.sales");
    assertThat(denied.exit()).isEqualTo(1);
    assertThat(denied.err()).contains("user remy may not read shop.sales: no grant");

    Cli asked = Cli.run(remy, "access", "request", "shop.sales", "--purpose", "weekly revenue report");
    assertThat(asked.exit()).as(asked.err()).isZero();
    assertThat(asked.out()).contains(" requested: shop.sales for remy — approved by auto, until ");
    assertThat(Cli.run(remy, "query", "SELECT count(*) AS n FROM shop.sales").out()).contains("5");
    JsonNode reads = readJson(Cli.run(env(admin), "audit", "--actor", "remy", "--action", "read", "-o", "json").out());
    assertThat(reads).extracting(entry -> entry.get("outcome").asText()).containsExactly("ok", "denied");

    Cli as = Cli.run(env(admin), "access", "list", "--as", "remy");
    assertThat(as.exit()).isEqualTo(2);
    assertThat(as.err()).contains("cannot act as remy on the platform server at " + url
        + ": --as works on the home in this process; log in with that user's token instead");
  }

  @Test
  void appliesOverHttpAndChangesNothingTheSecondTime() {
    Cli again = remote("apply", "-f", mesh.specs.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo("""
        unchanged DataProduct shop.sales (generation 1)
        unchanged Domain shop (generation 1)
        unchanged Source shop.sales-files (generation 1)
        applied 3 resources: 0 created, 0 updated, 3 unchanged
        """);
  }

  @Test
  void showsStatusOverHttp() {
    Cli status = remote("status");
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out()).containsPattern("(?m)^shop\\.sales +1\\.0\\.0 +\\d+ +5 +\\S+ +100\\.0% +published \\S+$");
  }

  @Test
  void queriesOverHttp() {
    Cli query = remote("query", "SELECT customer, amount, day FROM shop.sales ORDER BY sale_id", "--max-rows", "2");
    assertThat(query.exit()).as(query.err()).isZero();
    assertThat(query.out()).isEqualTo("""
        customer  amount  day
        ana       1200    2026-11-01
        li        300     2026-11-01
        (2 rows; more not shown, raise --max-rows)
        """);
  }

  @Test
  void aFailedBuildExitsOneWithItsError() {
    Cli applied = remote("apply", "-f", dir.resolve("failing").toString());
    assertThat(applied.exit()).as(applied.err()).isZero();
    Cli built = remote("build", "shop.strict");
    assertThat(built.exit()).isEqualTo(ExitCodes.FAILED_CHECK);
    assertThat(built.out()).containsPattern("^shop\\.strict: failed at audit in [\\d.]+ \\w+\n  cannot publish shop\\.strict: "
        + "rule rowCount failed \\(5 rows; mustBeGreaterThan: 1000\\)");
  }

  @Test
  void errorsSayWhatTheyDoInProcess() {
    Cli unknown = remote("describe", "shop.nope");
    assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(unknown.err()).isEqualTo("mesh: no product shop.nope on this platform (apply it first with mesh apply)\n");
    Cli badSql = remote("query", "SELEC 1");
    assertThat(badSql.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(badSql.err()).isEqualTo("mesh: cannot run the query: syntax error at or near \"SELEC\"\n");
  }

  @Test
  void refusesABadToken() {
    Cli refused = Cli.run(env("mw_nothing"), "status");
    assertThat(refused.exit()).isEqualTo(ExitCodes.FAILED_CHECK);
    assertThat(refused.err()).isEqualTo("mesh: cannot use the platform at " + url
        + ": invalid token; give a valid API token (MESH_TOKEN, or mesh login)\n");
  }

  @Test
  void saysWhenThePlatformCannotBeReached() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Map<String, String> env = env(admin);
    env.put("MESH_URL", "http://127.0.0.1:" + closed);
    Cli unreachable = Cli.run(env, "status");
    assertThat(unreachable.exit()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(unreachable.err()).isEqualTo("mesh: cannot reach the platform at http://127.0.0.1:" + closed
        + ": connection refused (MESH_URL names it)\n");

    Map<String, String> loggedIn = Map.of("MESH_HOME", dir.resolve("elsewhere").toString(),
        "HOME", dir.resolve("gone").toString());
    Path stored = dir.resolve("gone/.config/meshwork/login.json");
    Files.createDirectories(stored.getParent());
    Files.writeString(stored, "{\"url\":\"http://127.0.0.1:" + closed + "\",\"token\":\"" + admin + "\"}\n");
    Cli afterLogin = Cli.run(loggedIn, "status");
    assertThat(afterLogin.err()).isEqualTo("mesh: cannot reach the platform at http://127.0.0.1:" + closed
        + ": connection refused (mesh login chose it; mesh logout works on the home again)\n");
  }

  @Test
  void logsInStoresTheTokenForItsOwnerAndUsesItUntilLogout() throws IOException {
    Map<String, String> env = Map.of("MESH_HOME", dir.resolve("elsewhere").toString(), "HOME", dir.resolve("ana").toString());
    Path stored = dir.resolve("ana/.config/meshwork/login.json");

    Cli login = Cli.run(env, "login", "--url", url + "/", "--token", admin);
    assertThat(login.exit()).as(login.err()).isZero();
    assertThat(login.out()).isEqualTo("logged in to " + url + " as admin (platform admin); the token is stored in " + stored + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.getParent()))).isEqualTo("rwx------");
    assertThat(Files.readString(stored)).isEqualTo("{\"url\":\"" + url + "\",\"token\":\"" + admin + "\"}\n");

    Cli status = Cli.run(env, "status");
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out()).contains("shop.sales");

    assertThat(Cli.run(env, "logout").out()).isEqualTo("logged out of " + url + "\n");
    assertThat(stored).doesNotExist();
    assertThat(Cli.run(env, "status").out()).isEqualTo("no products yet: apply some with mesh apply -f DIR\n");
    assertThat(Cli.run(env, "logout").out()).isEqualTo("not logged in\n");
  }

  @Test
  void logsInWithTheTokenFromStandardInputUnderXdgConfigHome() {
    Map<String, String> env = new HashMap<>(env(null));
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    Cli login = Cli.runWithInput(env, admin + "\n", "login");
    assertThat(login.exit()).as(login.err()).isZero();
    assertThat(dir.resolve("xdg/meshwork/login.json")).exists();
    Cli query = Cli.run(env, "query", "SELECT count(*) AS n FROM shop.sales");
    assertThat(query.exit()).as(query.err()).isZero();
    assertThat(query.out()).startsWith("n\n5\n");
  }

  @Test
  void aTokenTheServerRefusesIsNotStored() {
    Map<String, String> env = Map.of("HOME", dir.resolve("bo").toString());
    Cli login = Cli.run(env, "login", "--url", url, "--token", "mw_nothing");
    assertThat(login.exit()).isEqualTo(ExitCodes.FAILED_CHECK);
    assertThat(login.err()).isEqualTo("mesh: cannot use the platform at " + url
        + ": invalid token; give a valid API token (MESH_TOKEN, or mesh login)\n");
    assertThat(dir.resolve("bo/.config/meshwork/login.json")).doesNotExist();
  }

  @Test
  void aStoredTokenIsNeverSentToAnotherServer() {
    Map<String, String> env = new HashMap<>(env(null));
    env.put("HOME", dir.resolve("cy").toString());
    assertThat(Cli.run(env, "login", "--token", admin).exit()).isZero();
    env.put("MESH_URL", url.replace("127.0.0.1", "localhost"));
    Cli other = Cli.run(env, "status");
    assertThat(other.exit()).isEqualTo(ExitCodes.FAILED_CHECK);
    assertThat(other.err()).contains(": missing bearer token;");
  }

  private static JsonNode readJson(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
