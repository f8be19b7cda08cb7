package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.identity.Identities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access over HTTP with real tokens: ask, decide, and read what the grant allows through the row API and queries. */
class AccessFlowIT {

  private static final String CUSTOMERS = """
      ---
      apiVersion: meshwork/v1
      kind: Source
      metadata: {name: crm-files, domain: shop}
      spec: {type: files, path: data/customers/*.csv, format: csv}
      ---
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: customers, domain: shop, owner: shop-team@example.com}
      spec:
        version: 1.0.0
        classification: RESTRICTED
        containsPII: true
        retentionDays: 30
        inputs: [{name: crm, source: crm-files, tables: [customers]}]
        transform: {sql: "SELECT CAST(id AS BIGINT) AS id, email FROM crm.customers"}
        schema:
          - {name: id, type: int64, required: true}
          - {name: email, type: string, pii: true, protection: encrypt}
      """;

  @TempDir
  Path dir;

  MeshServer server;
  Http admin;
  Http owner;
  Http consumer;

  @BeforeEach
  void start() throws Exception {
    TestMesh.writeData(dir);
    Files.createDirectories(dir.resolve("data/customers"));
    Files.writeString(dir.resolve("data/customers/customers.csv"), "id,email\n1,ana@example.com\n2,li@example.com\n");
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    Identities identities = platform.identities();
    String adminToken = identities.ensureAdmin().orElseThrow().secret();
    identities.createUser("sam", "shop-team@example.com", null, false);
    identities.createUser("bob", "bob@example.com", null, false);
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withSpecBase(dir), TokenAuthorizer.of(identities));
    Http http = new Http(server.port());
    admin = http.as(adminToken);
    owner = http.as(identities.issueToken("sam", null).secret());
    consumer = http.as(identities.issueToken("bob", null).secret());
    Http.Response applied = admin.send("POST", "/api/v1/resources", "application/yaml", TestMesh.YAML + CUSTOMERS);
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    for (String product : List.of("shop.sales", "shop.customers")) {
      Http.Response built = admin.postJson("/api/v1/products/" + product + "/builds", "{}");
      assertThat(built.status()).as(built.text()).isEqualTo(200);
    }
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void governanceDecidesOnRestrictedDataAndTheGrantDecidesWhatIsRead() {
    assertDenied(consumer.get("/api/v1/products/shop.customers/rows"),
        "user bob may not read shop.customers: no grant; ask for one with mesh access request shop.customers --purpose TEXT");

    Http.Response asked = consumer.postJson("/api/v1/access/requests",
        "{\"product\": \"shop.customers\", \"purpose\": \"fraud review of two accounts\", \"pii\": true, \"until\": \"2099-12-31\"}");
    assertThat(asked.status()).as(asked.text()).isEqualTo(201);
    String id = asked.json().get("id").asText();
    assertThat(asked.json().get("status").asText()).isEqualTo("PENDING");
    assertThat(asked.json().get("approval").asText()).isEqualTo("governance");
    assertThat(asked.json().get("expiresAt").asText()).isEqualTo("2100-01-01T00:00:00Z");

    assertDenied(owner.postJson("/api/v1/access/requests/" + id + "/approve", "{}"),
        "user sam may not approve " + id + " (shop.customers): only a platform admin");
    assertThat(owner.get("/api/v1/access/requests?view=to-decide").json()).isEmpty();
    assertThat(admin.get("/api/v1/access/requests?view=to-decide").json()).extracting(r -> r.get("id").asText())
        .containsExactly(id);

    Http.Response approved = admin.postJson("/api/v1/access/requests/" + id + "/approve", "{\"note\": \"two accounts only\"}");
    assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    assertThat(approved.json().get("decidedBy").asText()).isEqualTo("admin");
    String metrics = admin.get("/metrics").text();
    assertThat(metrics).contains("meshwork_access_requests_total{decision=\"approved\"} 1.0",
        "meshwork_time_to_access_seconds_count 1");
    Http.Response again = admin.postJson("/api/v1/access/requests/" + id + "/approve", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("message").asText()).isEqualTo("cannot approve " + id + ": it is approved already");

    Http.Response rows = consumer.get("/api/v1/products/shop.customers/rows?limit=10");
    assertThat(rows.status()).as(rows.text()).isEqualTo(200);
    assertThat(column(rows.json(), 1)).containsExactlyInAnyOrder("ana@example.com", "li@example.com");
    Http.Response first = consumer.get("/api/v1/products/shop.customers/rows?limit=1");
    assertThat(column(first.json(), 1)).as("a sample decrypts its own rows").hasSize(1)
        .isSubsetOf("ana@example.com", "li@example.com");
    assertThat(consumer.get("/api/v1/access/grants").json()).extracting(r -> r.get("id").asText()).containsExactly(id);

    Http.Response revoked = consumer.postJson("/api/v1/access/requests/" + id + "/revoke", "{\"reason\": \"review done\"}");
    assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
    assertThat(consumer.get("/api/v1/products/shop.customers/rows").status()).isEqualTo(403);
    assertThat(consumer.get("/api/v1/access/grants").json()).isEmpty();
  }

  @Test
  void withoutPiiInTheGrantEncryptedColumnsComeBackMasked() {
    String id = consumer.postJson("/api/v1/access/requests",
        "{\"product\": \"shop.customers\", \"purpose\": \"count accounts per month\"}").json().get("id").asText();
    assertThat(admin.postJson("/api/v1/access/requests/" + id + "/approve", "{}").status()).isEqualTo(200);

    Http.Response read = consumer.postJson("/api/v1/query",
        "{\"sql\": \"SELECT id, email FROM shop.customers ORDER BY id\"}");
    assertThat(read.status()).as(read.text()).isEqualTo(200);
    assertThat(column(read.json(), 1)).containsExactly("a**@example.com", "l*@example.com");
    Http.Response mine = owner.get("/api/v1/products/shop.customers/rows");
    assertThat(column(mine.json(), 1)).containsExactlyInAnyOrder("ana@example.com", "li@example.com");
  }

  @Test
  void badAccessRequestsChangeNothing() {
    Http.Response unknown = consumer.postJson("/api/v1/access/requests", "{\"product\": \"shop.nothing\", \"purpose\": \"x\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("message").asText())
        .isEqualTo("cannot request access to shop.nothing: no such product on this platform");
    Http.Response noPurpose = consumer.postJson("/api/v1/access/requests", "{\"product\": \"shop.sales\"}");
    assertThat(noPurpose.status()).isEqualTo(400);
    Http.Response badDay = consumer.postJson("/api/v1/access/requests",
        "{\"product\": \"shop.sales\", \"purpose\": \"weekly report\", \"until\": \"next week\"}");
    assertThat(badDay.status()).isEqualTo(400);
    assertThat(badDay.json().get("message").asText())
        .isEqualTo("cannot read field until: 'next week' is not a day such as 2026-12-31");
    assertThat(admin.get("/api/v1/access/requests").json()).isEmpty();
  }

  private static List<String> column(JsonNode rows, int index) {
    List<String> values = new ArrayList<>();
    for (JsonNode row : rows.get("rows")) {
      values.add(row.get(index).asText());
    }
    return values;
  }

  private static void assertDenied(Http.Response response, String message) {
    assertThat(response.status()).as(response.text()).isEqualTo(403);
    assertThat(response.json().get("message").asText()).isEqualTo(message);
  }
}
