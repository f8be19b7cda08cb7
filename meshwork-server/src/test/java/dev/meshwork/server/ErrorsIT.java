package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad request gets its status and the one error shape. */
class ErrorsIT {

  @TempDir
  static Path dir;

  static MeshServer server;
  static Http http;

  @BeforeAll
  static void start() {
    TestMesh.writeData(dir);
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    String admin = platform.identities().ensureAdmin().orElseThrow().secret();
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withSpecBase(dir).withMaxBodyBytes(4096),
        TokenAuthorizer.of(platform.identities()));
    http = new Http(server.port(), admin);
    Http.Response applied = http.send("POST", "/api/v1/resources", "text/yaml", TestMesh.YAML + "---\n" + TestMesh.STRICT);
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static void assertError(Http.Response response, int status, String code, String message) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.json().get("error").asText()).isEqualTo(code);
    assertThat(response.json().get("message").asText()).isEqualTo(message);
    assertThat(response.json().has("details")).isTrue();
  }

  @Test
  void unknownProductIsNotFound() {
    assertError(http.get("/api/v1/products/shop.nothing"), 404, "not_found",
        "no product shop.nothing on this platform (apply it first with mesh apply)");
  }

  @Test
  void badProductRefsAreInvalid() {
    assertError(http.get("/api/v1/products/Shop.Sales"), 400, "invalid",
        "cannot read the product in the path: 'Shop.Sales' is not domain.name (lower-case letters, digits and _, each starting with a letter)");
    assertError(http.get("/api/v1/products/shop..sales/status"), 400, "invalid",
        "cannot read the product in the path: 'shop..sales' is not domain.name (lower-case letters, digits and _, each starting with a letter)");
    assertError(http.get("/api/v1/products/..%2Fetc/status"), 400, "invalid",
        "cannot read the product in the path: '../etc' is not domain.name (lower-case letters, digits and _, each starting with a letter)");
    assertError(http.get("/api/v1/products/shop.sales%2F..%2Fx"), 400, "invalid",
        "cannot read the product in the path: 'shop.sales/../x' is not domain.name (lower-case letters, digits and _, each starting with a letter)");
    assertError(http.get("/api/v1/products/%2e%2e/builds"), 400, "invalid",
        "cannot read the product in the path: '..' is not domain.name (lower-case letters, digits and _, each starting with a letter)");
  }

  @Test
  void unknownRouteAndWrongMethod() {
    assertError(http.get("/api/v1/nothing"), 404, "not_found", "cannot answer GET /api/v1/nothing: no such route");
    assertError(http.delete("/api/v1/products"), 405, "method_not_allowed",
        "cannot answer DELETE /api/v1/products: the method is not allowed here");
  }

  @Test
  void malformedJsonSaysWhere() {
    Http.Response response = http.postJson("/api/v1/query", "{\n  \"sql\": 12,,\n}");
    assertError(response, 400, "malformed_json",
        "cannot read the request body: Unexpected character (',' (code 44)): was expecting double-quote to start field name");
    assertThat(response.json().get("details").toString()).isEqualTo("{\"line\":2,\"column\":13}");
  }

  @Test
  void wrongContentType() {
    assertError(http.send("POST", "/api/v1/query", "text/plain", "{}"), 415, "unsupported_media_type",
        "cannot read the request body: its content type is 'text/plain', expected application/json");
    assertError(http.send("POST", "/api/v1/resources", "application/json", "{}"), 415, "unsupported_media_type",
        "cannot read the request body: its content type is 'application/json', expected application/yaml or text/yaml or application/x-yaml");
  }

  @Test
  void oversizedBody() {
    assertError(http.send("POST", "/api/v1/resources", "application/yaml", "#".repeat(5000)), 413, "too_large",
        "cannot read the request body: it is larger than 4096 bytes");
  }

  @Test
  void invalidYamlListsProblems() {
    Http.Response response = http.send("POST", "/api/v1/resources", "application/yaml",
        "apiVersion: meshwork/v1\nkind: Domain\nmetadata: {name: Bad Name}\n");
    assertError(response, 400, "invalid", "nothing was applied: 2 problems found");
    assertThat(response.json().get("details").get(0).get("file").asText()).isEqualTo("request.yaml");
  }

  @Test
  void invalidFieldsAndParameters() {
    assertError(http.postJson("/api/v1/products/shop.sales/builds", "{\"from\": \"2026-11-01\"}"), 400, "invalid",
        "a partition range needs both --from and --to");
    assertError(http.postJson("/api/v1/query", "{\"maxRows\": 5}"), 400, "invalid", "cannot read field sql: it is missing");
    assertError(http.get("/api/v1/search?q=sales&limit=zero"), 400, "invalid",
        "cannot read query parameter limit: 'zero' is not a whole number from 1 to 1000");
    assertError(http.get("/api/v1/search"), 400, "invalid", "cannot search: query parameter q is missing");
  }

  @Test
  void unknownWaiverIsNotFound() {
    assertError(http.delete("/api/v1/waivers/nope"), 404, "not_found",
        "cannot revoke waiver nope: it does not exist");
  }

  @Test
  void failedBuildIsUnprocessableWithItsRecord() {
    Http.Response response = http.postJson("/api/v1/products/shop.strict_sales/builds", "{\"full\": true}");
    assertError(response, 422, "build_failed", "cannot build shop.strict_sales: cannot publish shop.strict_sales: "
        + "rule rowCount failed (3 rows; mustBeGreaterThan: 1000); the staged data is kept for diagnosis and consumers "
        + "still read the previous snapshot");
    assertThat(response.json().get("details").get("status").asText()).isEqualTo("FAILED");
    assertThat(response.json().get("details").get("product").asText()).isEqualTo("shop.strict_sales");
  }

  @Test
  void buildingEveryProductWithAFailureIsUnprocessableWithEveryRecord() {
    Http.Response response = http.postJson("/api/v1/builds", "{}");
    assertError(response, 422, "build_failed", "cannot build every product: 1 of 2 builds failed (shop.strict_sales)");
    assertThat(response.json().get("details")).extracting(r -> r.get("product").asText() + " " + r.get("status").asText())
        .containsExactly("shop.sales PUBLISHED", "shop.strict_sales FAILED");
  }
}
