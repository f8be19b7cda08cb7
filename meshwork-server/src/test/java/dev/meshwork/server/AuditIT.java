package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.identity.IssuedToken;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log over HTTP: what a token holder reads is recorded as theirs, with its rows; a refused
 * token is recorded with its reason; and only a platform admin reads the log.
 */
class AuditIT {

  @TempDir
  static Path dir;

  static MeshServer server;
  static Identities identities;
  static Http anonymous;
  static Http admin;
  static Http mia;
  static String miaToken;

  @BeforeAll
  static void start() {
    TestMesh.writeData(dir);
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    identities = platform.identities();
    String root = identities.ensureAdmin().orElseThrow().secret();
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withSpecBase(dir),
        TokenAuthorizer.of(identities));
    anonymous = new Http(server.port());
    admin = anonymous.as(root);
    identities.createUser("mia", "mia@example.com", null, false);
    IssuedToken issued = identities.issueToken("mia", null);
    miaToken = issued.token().id();
    mia = anonymous.as(issued.secret());
    Http.Response applied = admin.send("POST", "/api/v1/resources", "application/yaml", TestMesh.YAML
        .replace("type: source-aligned}", "type: source-aligned, members: [mia@example.com]}"));
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    Http.Response built = admin.postJson("/api/v1/products/shop.sales/builds", "{}");
    assertThat(built.status()).as(built.text()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aReadWithATokenIsAuditedAsItsUserWithTheRowsReturned() {
    Http.Response rows = mia.get("/api/v1/products/shop.sales/rows?limit=2");
    assertThat(rows.status()).as(rows.text()).isEqualTo(200);

    List<JsonNode> reads = entries("/api/v1/audit?actor=mia&action=read");
    assertThat(reads).hasSize(1);
    JsonNode read = reads.get(0);
    assertThat(read.get("actor").asText()).isEqualTo("mia");
    assertThat(read.get("action").asText()).isEqualTo("read");
    assertThat(read.get("resourceKind").asText()).isEqualTo("DataProduct");
    assertThat(read.get("resourceId").asText()).isEqualTo("shop.sales");
    assertThat(read.get("outcome").asText()).isEqualTo("ok");
    assertThat(read.get("rows").asLong()).isEqualTo(2);
    assertThat(read.get("details").asText()).isEqualTo("sample as a maintainer of its domain, PII in clear");
    assertThat(entries("/api/v1/audit?actor=mia&action=token.use"))
        .allSatisfy(e -> assertThat(e.get("resourceId").asText()).isEqualTo(miaToken))
        .isNotEmpty();
  }

  @Test
  void aDeniedReadIsAuditedAsDenied() {
    identities.createUser("cora", "cora@example.com", null, false);
    Http cora = anonymous.as(identities.issueToken("cora", null).secret());
    Http.Response denied = cora.postJson("/api/v1/query", "{\"sql\": \"SELECT count(*) AS n FROM shop.sales\"}");
    assertThat(denied.status()).as(denied.text()).isEqualTo(403);

    List<JsonNode> reads = entries("/api/v1/audit?actor=cora&action=read&resource=shop.sales");
    assertThat(reads).hasSize(1);
    assertThat(reads.get(0).get("outcome").asText()).isEqualTo("denied");
    assertThat(reads.get(0).get("rows").isNull()).isTrue();
    assertThat(reads.get(0).get("details").asText()).isEqualTo(denied.json().get("message").asText())
        .startsWith("user cora may not read shop.sales: no grant");
  }

  @Test
  void aRefusedTokenIsAuditedWithItsReasonAndNeverItsSecret() {
    identities.createUser("li", "li@example.com", null, false);
    IssuedToken token = identities.issueToken("li", null);
    identities.revoke(token.token().id());

    assertThat(anonymous.as(token.secret()).get("/api/v1/products").status()).isEqualTo(401);
    assertThat(anonymous.as("mw_made-up-secret").get("/api/v1/products").status()).isEqualTo(401);

    List<JsonNode> refused = entries("/api/v1/audit?action=token.refused&actor=li");
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).get("outcome").asText()).isEqualTo("denied");
    assertThat(refused.get(0).get("resourceId").asText()).isEqualTo(token.token().id());
    assertThat(refused.get(0).get("details").asText()).isEqualTo("token revoked");
    List<JsonNode> unknown = entries("/api/v1/audit?action=token.refused&actor=anonymous");
    assertThat(unknown).extracting(e -> e.get("details").asText()).contains("invalid token");
    assertThat(unknown).allSatisfy(e -> assertThat(e.get("resourceId").isNull()).isTrue());
    assertThat(admin.get("/api/v1/audit?limit=1000").text()).doesNotContain(token.secret(), "mw_made-up-secret");
  }

  @Test
  void onlyAPlatformAdminReadsTheAuditLog() {
    Http.Response denied = mia.get("/api/v1/audit");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.json().get("message").asText()).isEqualTo("user mia may not read the audit log: only a platform admin");
    assertThat(anonymous.get("/api/v1/audit").status()).isEqualTo(401);
    assertThat(entries("/api/v1/audit?actor=local&action=user.create&resource=mia")).hasSize(1);
  }

  @Test
  void requestsTheServerRefusesItselfAreAuditedWithWhatWasAsked() {
    identities.createUser("noor", "noor@example.com", null, false);
    Http noor = anonymous.as(identities.issueToken("noor", null).secret());
    assertThat(noor.get("/api/v1/audit").status()).isEqualTo(403);
    assertThat(noor.postJson("/api/v1/products/shop.sales/builds", "{}").status()).isEqualTo(403);

    List<JsonNode> refused = entries("/api/v1/audit?actor=noor&action=request");
    assertThat(refused).extracting(e -> e.get("action").asText() + " " + e.get("outcome").asText() + " "
        + e.get("details").asText()).containsExactly(
        "request.refused denied POST /api/v1/products/shop.sales/builds: user noor may not build products: "
            + "only owners and members of a domain, or a platform admin",
        "request.refused denied GET /api/v1/audit: user noor may not read the audit log: only a platform admin");
  }

  @Test
  void badFiltersAreRefusedWithWhatIsWrong() {
    assertInvalid("/api/v1/audit?limit=0", "cannot read query parameter limit: '0' is not a whole number from 1 to 1000");
    assertInvalid("/api/v1/audit?since=yesterday", "cannot read the audit log: query parameter since 'yesterday' is not a "
        + "time like 2026-11-20T06:00:00Z or a day like 2026-11-20");
    assertInvalid("/api/v1/audit?since=2026-11-21&until=2026-11-20", "cannot read the audit log: since "
        + "2026-11-21T00:00:00Z is not before until 2026-11-20T00:00:00Z");
    Http.Response action = admin.get("/api/v1/audit?action=delete");
    assertThat(action.status()).isEqualTo(400);
    assertThat(action.json().get("message").asText()).startsWith("cannot read the audit log: no action is or begins with 'delete'");
  }

  private static void assertInvalid(String path, String message) {
    Http.Response response = admin.get(path);
    assertThat(response.status()).as(response.text()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("invalid");
    assertThat(response.json().get("message").asText()).isEqualTo(message);
  }

  /** The entries an admin reads at {@code path}, newest first. */
  private static List<JsonNode> entries(String path) {
    Http.Response response = admin.get(path);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    response.json().forEach(entries::add);
    return entries;
  }
}
