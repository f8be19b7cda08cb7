package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.access.AccessAsk;
import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.DeniedException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mesh audit}: after applying, building, querying and asking for, granting and using access,
 * the log lists who did each, newest first, with the rows built and read.
 */
class AuditIT {

  private static final ProductRef SALES = ProductRef.parse("shop.sales");
  private static final String RETENTION = """
      apiVersion: meshwork/v1
      kind: Policy
      metadata: {name: short-retention, title: Data is kept briefly}
      spec:
        description: Products keep their data 90 days at most.
        scope: global
        on: [apply]
        severity: warning
        rule: "product.spec.retentionDays <= 90"
        message: A data product should keep its data 90 days at most
      """;

  @TempDir
  static Path dir;

  static TestMesh mesh;
  /** Carol's access request. */
  static String carolsRequest;

  /**
   * Applies (with a warning policy), builds and queries through the CLI, then shares the product
   * in-process, as the users: bob's request is approved automatically (the product is INTERNAL) and
   * he queries; carol asks for PII in clear, the owner sara approves, carol samples, sara takes the
   * grant back; dave reads without a grant.
   */
  @BeforeAll
  static void useThePlatform() {
    mesh = new TestMesh(dir).write("specs/retention.yaml", RETENTION);
    assertThat(mesh.apply().exit()).isZero();
    assertThat(mesh.mesh("build", "shop.sales").exit()).isZero();
    assertThat(mesh.scalar("SELECT count(*) FROM shop.sales WHERE amount > 500")).isEqualTo("3");
    try (Platform platform = Platform.open(new Home(dir.resolve("home")), mesh.env, Clock.systemUTC())) {
      Identities identities = platform.identities();
      identities.createUser("bob", "bob@example.com", null, false);
      identities.createUser("carol", "carol@example.com", null, false);
      identities.createUser("sara", "shop-team@example.com", null, false);
      identities.createUser("dave", "dave@example.com", null, false);
      Operations bob = platform.operationsFor(identities.principal("bob"));
      Operations carol = platform.operationsFor(identities.principal("carol"));
      Operations sara = platform.operationsFor(identities.principal("sara"));
      AccessRequest bobs = bob.requestAccess(new AccessAsk(SALES, "weekly revenue report", false, null, null, null));
      assertThat(bobs.status()).isEqualTo(AccessRequest.Status.APPROVED);
      AccessRequest carols = carol.requestAccess(new AccessAsk(SALES, "churn model features", true, null, null, null));
      assertThat(carols.status()).isEqualTo(AccessRequest.Status.PENDING);
      sara.approveAccess(carols.id(), null);
      assertThat(bob.query("SELECT customer FROM shop.sales WHERE amount > 1000", 100).rows()).hasSize(2);
      assertThat(carol.sample(SALES, 10).rows()).hasSize(5);
      sara.revokeAccess(carols.id(), "the report is done");
      assertThatThrownBy(() -> platform.operationsFor(identities.principal("dave")).sample(SALES, 1))
          .isInstanceOf(DeniedException.class);
      carolsRequest = carols.id();
    }
  }

  @Test
  void theLogShowsWhoDidWhatWithTheRowsNewestFirst() throws Exception {
    List<JsonNode> log = json(mesh.mesh("audit", "-o", "json"));

    assertThat(log).extracting(e -> e.get("actor").asText(), e -> e.get("action").asText(),
            e -> text(e, "resourceId"), e -> e.get("outcome").asText(), e -> text(e, "rows"))
        .containsExactly(
            tuple("dave", "read", "shop.sales", "denied", null),
            tuple("sara", "access.revoke", "shop.sales", "ok", null),
            tuple("carol", "read", "shop.sales", "ok", "5"),
            tuple("bob", "read", "shop.sales", "ok", "2"),
            tuple("sara", "access.approve", "shop.sales", "ok", null),
            tuple("carol", "access.request", "shop.sales", "ok", null),
            tuple("auto", "access.approve", "shop.sales", "ok", null),
            tuple("bob", "access.request", "shop.sales", "ok", null),
            tuple("local", "user.create", "dave", "ok", null),
            tuple("local", "user.create", "sara", "ok", null),
            tuple("local", "user.create", "carol", "ok", null),
            tuple("local", "user.create", "bob", "ok", null),
            tuple("local", "read", "shop.sales", "ok", "1"),
            tuple("local", "build.end", "shop.sales", "ok", "5"),
            tuple("local", "retention", "shop.sales", "ok", null),
            tuple("local", "publish", "shop.sales", "ok", "5"),
            tuple("local", "build.start", "shop.sales", "ok", null),
            tuple("local", "apply", log.get(17).get("resourceId").asText(), "ok", null),
            tuple("local", "apply", log.get(18).get("resourceId").asText(), "ok", null),
            tuple("local", "apply", log.get(19).get("resourceId").asText(), "ok", null),
            tuple("local", "apply", log.get(20).get("resourceId").asText(), "ok", null),
            tuple("policy", "policy", "shop.sales", "ok", null));
    assertThat(log.subList(17, 21)).extracting(e -> e.get("resourceKind").asText() + " " + e.get("resourceId").asText())
        .containsExactlyInAnyOrder("Domain shop", "Source shop.sales-files", "DataProduct shop.sales",
            "Policy short-retention");
    assertThat(log.get(21).get("details").asText()).isEqualTo("policy check on apply of shop.sales: 1 warned");
    assertThat(log.get(17).get("details").asText()).isEqualTo("created, generation 1");
    assertThat(log.get(16).get("details").isNull()).isTrue();
    assertThat(log.get(15).get("details").asText()).matches("build \\S+: version 1\\.0\\.0, snapshot \\d+");
    assertThat(log.get(13).get("details").asText()).matches("build \\S+ published");
    assertThat(log.get(6).get("details").asText()).matches("ar-\\w+ of bob approved");
    assertThat(log.get(5).get("details").asText()).isEqualTo(carolsRequest + ": churn model features (PII in clear)");
    assertThat(log.get(3).get("details").asText()).matches("query under grant ar-\\w+, PII masked");
    assertThat(log.get(2).get("details").asText()).isEqualTo("sample under grant " + carolsRequest + ", PII in clear");
    assertThat(log.get(1).get("details").asText()).isEqualTo(carolsRequest + " of carol revoked: the report is done");
    assertThat(log.get(0).get("details").asText()).startsWith("user dave may not read shop.sales: no grant");
    assertThat(log.get(0).fieldNames()).toIterable().containsExactly("id", "at", "actor", "action", "resourceKind",
        "resourceId", "outcome", "details", "rows");
  }

  @Test
  void theLogIsFilteredByActorActionResourceAndTime() throws Exception {
    assertThat(json(mesh.mesh("audit", "--actor", "bob", "-o", "json")))
        .extracting(e -> e.get("action").asText()).containsExactly("read", "access.request");
    assertThat(json(mesh.mesh("audit", "--action", "access", "--limit", "3", "-o", "json")))
        .extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
        .containsExactly("sara access.revoke", "sara access.approve", "carol access.request");
    assertThat(json(mesh.mesh("audit", "--action", "build", "--resource", "shop.sales", "-o", "json")))
        .extracting(e -> e.get("action").asText()).containsExactly("build.end", "build.start");
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    assertThat(mesh.mesh("audit", "--since", tomorrow).out()).isEqualTo("no audit entries" + System.lineSeparator());
    assertThat(json(mesh.mesh("audit", "--until", tomorrow, "--action", "publish", "-o", "json"))).hasSize(1);

    Cli text = mesh.mesh("audit", "--actor", "carol");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).containsPattern("(?m)^AT +ACTOR +ACTION +RESOURCE +OUTCOME +ROWS +DETAILS$")
        .containsPattern("(?m)^\\S+Z +carol +read +DataProduct shop\\.sales +ok +5 +sample under grant ar-\\w+, PII in clear$")
        .containsPattern("(?m)^\\S+Z +carol +access\\.request +DataProduct shop\\.sales +ok +- +ar-\\w+: churn model");
  }

  @Test
  void badFiltersAreRefusedBeforeTheHomeIsOpened() {
    TestMesh empty = new TestMesh(dir.resolve("empty"));
    assertRefused(empty.mesh("audit", "--limit", "0"), "mesh: cannot read the audit log: the limit must be at least 1, not 0");
    assertRefused(empty.mesh("audit", "--since", "last week"), "mesh: cannot read the audit log: --since 'last week' is "
        + "not a time like 2026-11-20T06:00:00Z or a day like 2026-11-20");
    Cli action = empty.mesh("audit", "--action", "erase");
    assertThat(action.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(action.err()).startsWith("mesh: cannot read the audit log: no action is or begins with 'erase' (actions: "
        + "apply, build.start, build.end, publish, read, policy, access.request,");
    assertThat(dir.resolve("empty/home")).doesNotExist();
  }

  private static void assertRefused(Cli result, String message) {
    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).isEqualTo(message + System.lineSeparator());
  }

  private static List<JsonNode> json(Cli result) throws Exception {
    assertThat(result.exit()).as(result.err()).isZero();
    List<JsonNode> entries = new ArrayList<>();
    new ObjectMapper().readTree(result.out()).forEach(entries::add);
    return entries;
  }

  private static String text(JsonNode entry, String field) {
    return entry.get(field).isNull() ? null : entry.get(field).asText();
  }
}
