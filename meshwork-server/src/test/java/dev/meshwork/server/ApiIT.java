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

/** The API over a real platform: apply, build, read and query a tiny mesh through HTTP. */
class ApiIT {

  @TempDir
  static Path dir;

  static MeshServer server;
  static Http http;
  static Http.Response applied;
  static Http.Response built;

  @BeforeAll
  static void start() {
    TestMesh.writeData(dir);
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    String admin = platform.identities().ensureAdmin().orElseThrow().secret();
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withSpecBase(dir), TokenAuthorizer.of(platform.identities()));
    http = new Http(server.port(), admin);
    applied = http.send("POST", "/api/v1/resources", "application/yaml", TestMesh.YAML);
    built = http.postJson("/api/v1/products/shop.sales/builds", "{}");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void appliesYamlDocuments() {
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    assertThat(applied.json().get("changes")).extracting(c -> c.get("label").asText() + " " + c.get("action").asText())
        .containsExactly("Domain shop CREATED", "Source shop.sales-files CREATED", "DataProduct shop.sales CREATED");
  }

  @Test
  void readsNoFileOutsideItsSpecFolder() {
    String outside = TestMesh.YAML.replace("path: data/sales/*.csv,", "path: ../../etc/*.csv,");
    assertThat(outside).isNotEqualTo(TestMesh.YAML);

    Http.Response refused = http.send("POST", "/api/v1/resources", "application/yaml", outside);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("details").path(0).path("message").asText())
        .isEqualTo("'../../etc/*.csv' leads outside " + dir.toAbsolutePath().normalize()
            + ", the only folder files named by specs are read from here"
            + " (the server's meshwork.yaml may add folders under server.files)");
    assertThat(refused.json().path("details").path(0).path("path").asText()).isEqualTo("spec.path");
  }

  @Test
  void letsSourcesReadNoSecretItWasNotToldOf() {
    String source = """
        apiVersion: meshwork/v1
        kind: Source
        metadata: {name: store, domain: shop}
        spec: {type: postgres, url: "jdbc:postgresql://elsewhere.example.com/x", user: me,
               password: "${env:MESH_STORE_PASSWORD}"}
        """;

    Http.Response refused = http.send("POST", "/api/v1/resources", "application/yaml", source);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("details").path(0).path("message").asText())
        .isEqualTo("'${env:MESH_STORE_PASSWORD}' is not a secret specs sent here may read: the server's meshwork.yaml"
            + " lists those under server.secrets (it lists none)");
  }

  @Test
  void buildsAndReturnsThePublishedRecord() {
    assertThat(built.status()).as(built.text()).isEqualTo(200);
    assertThat(built.json().get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(built.json().get("product").asText()).isEqualTo("shop.sales");
    assertThat(built.json().get("rows").asLong()).isEqualTo(3);
  }

  @Test
  void listsDescribesAndShowsStatusAndHistory() {
    Http.Response all = http.get("/api/v1/products");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json()).extracting(p -> p.get("product").asText()).containsExactly("shop.sales");

    Http.Response described = http.get("/api/v1/products/shop.sales");
    assertThat(described.status()).isEqualTo(200);
    assertThat(described.json().get("product").get("spec").get("schema").get(0).get("type").asText()).isEqualTo("int64");
    assertThat(described.json().get("status").get("rows").asLong()).isEqualTo(3);

    Http.Response status = http.get("/api/v1/products/shop.sales/status");
    assertThat(status.json().get("lastBuildStatus").asText()).isEqualTo("PUBLISHED");

    Http.Response builds = http.get("/api/v1/products/shop.sales/builds?limit=5");
    assertThat(builds.json()).extracting(b -> b.get("id").asText()).containsExactly(built.json().get("id").asText());
  }

  @Test
  void searches() {
    Http.Response hits = http.get("/api/v1/search?q=sales&limit=3");
    assertThat(hits.status()).isEqualTo(200);
    assertThat(hits.json()).extracting(h -> h.get("product").asText()).containsExactly("shop.sales");
  }

  @Test
  void queriesPublishedProducts() {
    Http.Response rows = http.postJson("/api/v1/query",
        "{\"sql\": \"SELECT customer, amount FROM shop.sales ORDER BY sale_id\", \"maxRows\": 2}");
    assertThat(rows.status()).isEqualTo(200);
    assertThat(rows.json().get("columns")).extracting(c -> c.asText()).containsExactly("customer", "amount");
    assertThat(rows.json().get("rows").toString()).isEqualTo("[[\"ana\",1200],[\"li\",300]]");
    assertThat(rows.json().get("truncated").asBoolean()).isTrue();
  }

  @Test
  void answersHealth() {
    Http.Response health = http.get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void readsGovernanceAndRetention() {
    assertThat(http.get("/api/v1/waivers?all=true").json().isArray()).isTrue();
    assertThat(http.get("/api/v1/policies/results?resource=shop.sales").status()).isEqualTo(200);
    Http.Response runs = http.postJson("/api/v1/retention/runs", "{\"product\": \"shop.sales\"}");
    assertThat(runs.status()).isEqualTo(200);
    assertThat(http.get("/api/v1/retention/runs?product=shop.sales").status()).isEqualTo(200);
  }
}
