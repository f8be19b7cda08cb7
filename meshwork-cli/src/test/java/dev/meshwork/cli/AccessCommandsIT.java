package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access through the CLI, acting as platform users on the home: a consumer asks, the domain's owner
 * decides, and what the consumer reads follows the grant — nothing without one, PII masked without
 * PII in it, in clear with it.
 */
class AccessCommandsIT {

  private static final String MASTER = Base64.getEncoder().encodeToString(
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CUSTOMERS = """
      apiVersion: meshwork/v1
      kind: Source
      metadata: {name: crm-files, domain: shop}
      spec: {type: files, path: "data/{table}/*.csv", format: csv}
      ---
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: customers, domain: shop, owner: shop-team@example.com}
      spec:
        version: 1.0.0
        classification: CONFIDENTIAL
        containsPII: true
        retentionDays: 30
        inputs: [{name: crm, source: crm-files, tables: [customers]}]
        transform: {sql: "SELECT CAST(id AS BIGINT) AS id, email, email AS email_hash FROM crm.customers"}
        schema:
          - {name: id, type: int64, required: true}
          - {name: email, type: string, pii: true, protection: encrypt}
          - {name: email_hash, type: string, pii: true, protection: hash}
      """;

  @TempDir
  Path dir;

  TestMesh mesh;

  @BeforeEach
  void setUp() {
    mesh = new TestMesh(dir);
    mesh.env.put("MESH_MASTER_KEY", MASTER);
    mesh.write("specs/crm.yaml", CUSTOMERS);
    mesh.write("specs/data/customers/customers.csv", """
        id,email
        1,ana@example.com
        2,li@example.com
        """);
    assertThat(mesh.apply().exit()).isZero();
    for (String product : List.of("shop.customers", "shop.sales")) {
      Cli built = mesh.mesh("build", product);
      assertThat(built.exit()).as(built.err()).isZero();
    }
    assertThat(mesh.mesh("policy", "install").exit()).isZero();
    assertThat(mesh.mesh("user", "create", "sam", "--email", "shop-team@example.com").exit()).isZero();
    assertThat(mesh.mesh("user", "create", "bob", "--email", "bob@example.com").exit()).isZero();
  }

  @Test
  void aConsumerReadsOnlyUnderAGrantAndSeesPiiOnlyWhenItIsGranted() throws Exception {
    String query = "SELECT id, email, email_hash FROM shop.customers ORDER BY id";
    Cli denied = as("bob", "query", query);
    assertThat(denied.exit()).isEqualTo(1);
    assertThat(denied.err()).contains("user bob may not read shop.customers: no grant; ask for one with"
        + " mesh access request shop.customers --purpose TEXT");

    Cli asked = as("bob", "access", "request", "shop.customers", "--purpose", "churn model features");
    assertThat(asked.exit()).as(asked.err()).isZero();
    String id = asked.out().substring(0, asked.out().indexOf(' '));
    assertThat(asked.out()).isEqualTo(id + " requested: shop.customers for bob — pending, waiting for an owner or"
        + " member of domain shop\n");
    assertThat(as("bob", "query", query).exit()).isEqualTo(1);

    Cli notHis = as("bob", "access", "approve", id);
    assertThat(notHis.exit()).isEqualTo(1);
    assertThat(notHis.err()).contains("user bob may not approve " + id
        + " (shop.customers): only owners and members of domain shop, or a platform admin");
    assertThat(as("sam", "access", "list", "--to-decide").out()).contains(id, "shop.customers", "bob", "pending");

    Cli approved = as("sam", "access", "approve", id, "--note", "fine for the model");
    assertThat(approved.exit()).as(approved.err()).isZero();
    assertThat(approved.out()).startsWith(id + " approved: shop.customers for bob — approved by sam, until ")
        .endsWith(", PII masked\n");
    List<List<String>> masked = rows(as("bob", "query", query, "-o", "json"));
    assertThat(masked).extracting(r -> r.get(1)).containsExactly("a**@example.com", "l*@example.com");
    assertThat(masked).extracting(r -> r.get(2)).allMatch(hash -> hash.matches("[0-9a-f]{64}"));

    Cli clear = as("bob", "access", "request", "shop.customers", "--purpose", "send the churn offer by mail", "--pii");
    String piiId = clear.out().substring(0, clear.out().indexOf(' '));
    assertThat(as("sam", "access", "approve", piiId).exit()).isZero();
    assertThat(rows(as("bob", "query", query, "-o", "json"))).extracting(r -> r.get(1))
        .containsExactly("ana@example.com", "li@example.com");

    assertThat(as("sam", "access", "revoke", piiId, "--reason", "campaign is over").exit()).isZero();
    assertThat(as("sam", "access", "revoke", id).exit()).isZero();
    Cli revoked = as("bob", "query", query);
    assertThat(revoked.exit()).isEqualTo(1);
    assertThat(revoked.err()).contains("user bob may not read shop.customers: no grant");
    JsonNode listed = JSON.readTree(as("bob", "access", "list", "--mine", "-o", "json").out());
    assertThat(listed).extracting(r -> r.get("status").asText()).containsExactly("REVOKED", "REVOKED");
    assertThat(listed.get(1).get("decidedBy").asText()).isEqualTo("sam");
  }

  @Test
  void aProductWithAutomaticApprovalIsGrantedAtOnce() throws Exception {
    Cli asked = as("bob", "access", "request", "shop.sales", "--purpose", "weekly revenue report", "-o", "json");
    assertThat(asked.exit()).as(asked.err()).isZero();
    JsonNode request = JSON.readTree(asked.out());
    assertThat(request.get("status").asText()).isEqualTo("APPROVED");
    assertThat(request.get("decidedBy").asText()).isEqualTo("auto");
    assertThat(request.get("requestedAt")).isEqualTo(request.get("decidedAt"));
    assertThat(as("bob", "query", "SELECT count(*) AS n FROM shop.sales").out()).contains("5");

    Cli again = as("bob", "access", "request", "shop.sales", "--purpose", "weekly revenue report");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("cannot request access to shop.sales: request " + request.get("id").asText()
        + " is approved already");
  }

  @Test
  void approvingOnesOwnRequestIsRefusedByPolicyAndChangesNothing() throws Exception {
    mesh.write("specs/shop.yaml", TestMesh.DOMAIN.replace("type: source-aligned}",
        "type: source-aligned, members: [bob@example.com]}"));
    Cli member = mesh.mesh("apply", "-f", dir.resolve("specs/shop.yaml").toString());
    assertThat(member.exit()).as(member.err()).isZero();
    Cli asked = as("bob", "access", "request", "shop.customers", "--purpose", "check a support ticket", "--pii");
    String id = asked.out().substring(0, asked.out().indexOf(' '));

    Cli self = as("bob", "access", "approve", id);
    assertThat(self.exit()).isEqualTo(1);
    assertThat(self.err()).contains("user bob may not approve " + id + ": policy mesh-no-self-approval: An access"
        + " request must be approved by someone other than its requester");
    assertThat(JSON.readTree(as("bob", "access", "show", id, "-o", "json").out()).get("status").asText())
        .isEqualTo("PENDING");
    assertThat(mesh.mesh("policy", "results", "shop.customers").out()).contains("mesh-no-self-approval", "failed");
  }

  @Test
  void badRequestsAreRefusedWithWhatIsWrong() {
    Cli missing = as("bob", "access", "request", "shop.nothing", "--purpose", "weekly revenue report");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot request access to shop.nothing: no such product on this platform");
    Cli past = as("bob", "access", "request", "shop.sales", "--purpose", "weekly report", "--until", "2020-01-31");
    assertThat(past.exit()).isEqualTo(2);
    assertThat(past.err()).contains("cannot request access to shop.sales: until 2020-01-31 is not after today");
    Cli noTeam = as("bob", "access", "request", "shop.sales", "--purpose", "weekly report", "--for-team", "growth");
    assertThat(noTeam.exit()).isEqualTo(2);
    assertThat(noTeam.err()).contains("cannot request access to shop.sales: no team growth on this platform");
    Cli unknown = as("bob", "access", "approve", "ar-nope");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("cannot approve ar-nope: no such access request");
    Cli nobody = as("zed", "access", "list");
    assertThat(nobody.exit()).isEqualTo(2);
    assertThat(nobody.err()).contains("cannot act as zed: no such user on this platform");
  }

  private Cli as(String user, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (args[0].equals("access")) {
      all.add(1, "--as");
      all.add(2, user);
      return mesh.mesh(all.toArray(String[]::new));
    }
    all.add("--as");
    all.add(user);
    return mesh.mesh(all.toArray(String[]::new));
  }

  private static List<List<String>> rows(Cli result) throws Exception {
    assertThat(result.exit()).as(result.err()).isZero();
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : JSON.readTree(result.out()).get("rows")) {
      List<String> values = new ArrayList<>();
      row.forEach(v -> values.add(v.isNull() ? null : v.asText()));
      rows.add(values);
    }
    return rows;
  }
}
