package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.identity.Identities;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route against every role, with real tokens: anonymous, a consumer (no domain), a member of
 * {@code shop}, a member of another domain ({@code crm}) and the platform admin. A route without a
 * row here fails the matrix.
 */
class AccessIT {

  /** The roles, in the order of a row's statuses. */
  static final List<String> ROLES = List.of("anonymous", "consumer", "shop member", "crm member", "admin");

  /** A request to a route and the status each role gets. */
  record Row(String path, String contentType, String body, List<Integer> statuses) {}

  static final String SHOP_SOURCE = """
      apiVersion: meshwork/v1
      kind: Source
      metadata: {name: sales-files, domain: shop}
      spec: {type: files, path: data/sales/*.csv, format: csv}
      """;

  static final Map<String, Row> MATRIX = new LinkedHashMap<>();

  static {
    row("GET /health", "/health", null, null, 200, 200, 200, 200, 200);
    row("GET /api/v1/openapi.json", "/api/v1/openapi.json", null, null, 200, 200, 200, 200, 200);
    row("GET /api/v1/me", "/api/v1/me", null, null, 401, 200, 200, 200, 200);
    row("GET /metrics", "/metrics", null, null, 401, 200, 200, 200, 200);
    row("GET /api/v1/products", "/api/v1/products", null, null, 401, 200, 200, 200, 200);
    row("GET /api/v1/products/{ref}", "/api/v1/products/shop.sales", null, null, 401, 200, 200, 200, 200);
    row("GET /api/v1/products/{ref}/status", "/api/v1/products/shop.sales/status", null, null, 401, 200, 200, 200, 200);
    row("GET /api/v1/products/{ref}/builds", "/api/v1/products/shop.sales/builds", null, null, 401, 200, 200, 200, 200);
    row("POST /api/v1/products/{ref}/builds", "/api/v1/products/shop.sales/builds", "application/json", "{}",
        401, 403, 200, 403, 200);
    row("POST /api/v1/builds", "/api/v1/builds", "application/json", "{}", 401, 403, 403, 403, 200);
    row("GET /api/v1/search", "/api/v1/search?q=sales", null, null, 401, 200, 200, 200, 200);
    row("POST /api/v1/query", "/api/v1/query", "application/json", "{\"sql\": \"SELECT count(*) AS n FROM shop.sales\"}",
        401, 403, 200, 403, 200);
    row("POST /api/v1/resources", "/api/v1/resources", "application/yaml", SHOP_SOURCE, 401, 403, 200, 403, 200);
    row("GET /api/v1/policies/results", "/api/v1/policies/results", null, null, 401, 200, 200, 200, 200);
    row("GET /api/v1/waivers", "/api/v1/waivers", null, null, 401, 200, 200, 200, 200);
    row("POST /api/v1/waivers", "/api/v1/waivers", "application/json", "{}", 401, 403, 403, 403, 400);
    row("DELETE /api/v1/waivers/{id}", "/api/v1/waivers/nope", null, null, 401, 403, 403, 403, 404);
    row("POST /api/v1/retention/runs", "/api/v1/retention/runs", "application/json", "{\"product\": \"shop.sales\"}",
        401, 403, 200, 403, 200);
    row("GET /api/v1/retention/runs", "/api/v1/retention/runs", null, null, 401, 200, 200, 200, 200);
    row("POST /api/v1/access/requests", "/api/v1/access/requests", "application/json",
        "{\"product\": \"shop.nope\", \"purpose\": \"weekly revenue report\"}", 401, 404, 404, 404, 404);
    row("GET /api/v1/access/requests", "/api/v1/access/requests", null, null, 401, 200, 200, 200, 200);
    row("GET /api/v1/access/requests/{id}", "/api/v1/access/requests/ar-nope", null, null, 401, 404, 404, 404, 404);
    row("POST /api/v1/access/requests/{id}/approve", "/api/v1/access/requests/ar-nope/approve", "application/json", "{}",
        401, 404, 404, 404, 404);
    row("POST /api/v1/access/requests/{id}/reject", "/api/v1/access/requests/ar-nope/reject", "application/json", "{}",
        401, 404, 404, 404, 404);
    row("POST /api/v1/access/requests/{id}/revoke", "/api/v1/access/requests/ar-nope/revoke", "application/json", "{}",
        401, 404, 404, 404, 404);
    row("GET /api/v1/access/grants", "/api/v1/access/grants", null, null, 401, 200, 200, 200, 200);
    row("GET /api/v1/products/{ref}/rows", "/api/v1/products/shop.sales/rows", null, null, 401, 403, 200, 403, 200);
    row("GET /api/v1/audit", "/api/v1/audit", null, null, 401, 403, 403, 403, 200);
    row("GET /api/v1/catalog", "/api/v1/catalog", null, null, 401, 200, 200, 200, 200);
    row("GET /api/v1/catalog/builds-per-day", "/api/v1/catalog/builds-per-day?since=2026-11-01", null, null,
        401, 200, 200, 200, 200);
  }

  @TempDir
  static Path dir;

  static MeshServer server;
  /** One client per role, in {@link #ROLES} order. */
  static List<Http> clients;

  @BeforeAll
  static void start() {
    TestMesh.writeData(dir);
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    Identities identities = platform.identities();
    String admin = identities.ensureAdmin().orElseThrow().secret();
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withSpecBase(dir),
        TokenAuthorizer.of(identities));
    Http http = new Http(server.port());
    clients = List.of(http, http.as(token(identities, "cora")), http.as(token(identities, "mia")),
        http.as(token(identities, "otto")), http.as(admin));
    Http.Response applied = http.as(admin).send("POST", "/api/v1/resources", "application/yaml", TestMesh.YAML
        .replace("type: source-aligned}", "type: source-aligned, members: [mia@example.com]}") + """
        ---
        apiVersion: meshwork/v1
        kind: Domain
        metadata: {name: crm, title: CRM}
        spec: {description: Customers and leads, owner: crm-team@example.com, type: source-aligned,
               members: [otto@example.com]}
        """);
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    Http.Response built = http.as(admin).postJson("/api/v1/products/shop.sales/builds", "{}");
    assertThat(built.status()).as(built.text()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void everyRouteAnswersEveryRoleAsDesigned() {
    List<String> wrong = new ArrayList<>();
    for (Route route : server.routes()) {
      String key = route.method().name() + " " + route.path();
      Row row = MATRIX.get(key);
      assertThat(row).as("a matrix row for %s", key).isNotNull();
      for (int i = 0; i < ROLES.size(); i++) {
        Http.Response response = clients.get(i).send(route.method().name(), row.path(), row.contentType(), row.body());
        int expected = row.statuses().get(i);
        if (response.status() != expected) {
          wrong.add(key + " as " + ROLES.get(i) + ": " + response.status() + " " + response.text());
        } else if (expected == 401 || expected == 403) {
          assertThat(response.json().get("error").asText()).isEqualTo(expected == 401 ? "unauthenticated" : "denied");
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(MATRIX.keySet()).hasSize(server.routes().size());
  }

  @Test
  void namesWhatIsMissingWhenDenied() {
    assertDenied(clients.get(3).postJson("/api/v1/products/shop.sales/builds", "{}"),
        "user otto may not build shop.sales: only owners and members of domain shop, or a platform admin");
    assertDenied(clients.get(1).postJson("/api/v1/products/shop.sales/builds", "{}"),
        "user cora may not build products: only owners and members of a domain, or a platform admin");
    assertDenied(clients.get(2).postJson("/api/v1/waivers", "{}"),
        "user mia may not grant or revoke waivers: only a platform admin");
    assertDenied(clients.get(3).send("POST", "/api/v1/resources", "application/yaml", SHOP_SOURCE),
        "user otto may not apply Source shop.sales-files: only owners and members of domain shop, or a platform admin");
  }

  @Test
  void buildingEveryProductIsTheAdmins() {
    assertDenied(clients.get(2).postJson("/api/v1/builds", "{}"),
        "user mia may not build every product: only a platform admin");
  }

  @Test
  void tellsCallersWhoTheyAre() {
    Http.Response me = clients.get(2).get("/api/v1/me");
    assertThat(me.status()).as(me.text()).isEqualTo(200);
    assertThat(me.json().get("user").asText()).isEqualTo("mia");
    assertThat(me.json().get("admin").asBoolean()).isFalse();
    assertThat(me.json().get("memberOf").toString()).isEqualTo("[\"shop\"]");
    assertThat(clients.get(4).get("/api/v1/me").json().get("admin").asBoolean()).isTrue();
  }

  @Test
  void retentionOfEveryProductIsTheAdmins() {
    assertDenied(clients.get(2).postJson("/api/v1/retention/runs", "{}"),
        "user mia may not enforce retention on every product: only a platform admin");
    assertThat(clients.get(4).postJson("/api/v1/retention/runs", "{}").status()).isEqualTo(200);
  }

  @Test
  void domainsAndGlobalPoliciesAreTheAdminsButDomainPoliciesAreTheDomains() {
    Http mia = clients.get(2);
    assertDenied(mia.send("POST", "/api/v1/resources", "application/yaml", """
        apiVersion: meshwork/v1
        kind: Domain
        metadata: {name: shop, title: Shop}
        spec: {description: Mine now, owner: mia@example.com, type: source-aligned}
        """), "user mia may not apply Domain shop: only a platform admin");
    assertDenied(mia.send("POST", "/api/v1/resources", "application/yaml", policy("everyone-tagged", "global")),
        "user mia may not apply Policy everyone-tagged: only a platform admin");
    assertDenied(clients.get(3).send("POST", "/api/v1/resources", "application/yaml", policy("shop-tagged", "domain:shop")),
        "user otto may not apply Policy shop-tagged: only owners and members of domain shop, or a platform admin");
    Http.Response applied = mia.send("POST", "/api/v1/resources", "application/yaml", policy("shop-tagged", "domain:shop"));
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
  }

  private static String policy(String name, String scope) {
    return """
        apiVersion: meshwork/v1
        kind: Policy
        metadata: {name: %s, title: Products are tagged}
        spec:
          description: Tags help consumers find products.
          scope: %s
          on: [apply]
          severity: warning
          rule: "has(product.metadata.tags)"
          message: A data product should have tags
        """.formatted(name, scope);
  }

  private static void assertDenied(Http.Response response, String message) {
    assertThat(response.status()).as(response.text()).isEqualTo(403);
    assertThat(response.json().get("error").asText()).isEqualTo("denied");
    assertThat(response.json().get("message").asText()).isEqualTo(message);
  }

  private static String token(Identities identities, String user) {
    identities.createUser(user, user + "@example.com", null, false);
    return identities.issueToken(user, null).secret();
  }

  private static void row(String route, String path, String contentType, String body, Integer... statuses) {
    MATRIX.put(route, new Row(path, contentType, body, List.of(statuses)));
  }
}
