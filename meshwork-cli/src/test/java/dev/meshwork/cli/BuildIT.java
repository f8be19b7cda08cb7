package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply, build, publish and read a product through the CLI; a failing rule never publishes. */
class BuildIT {

  @TempDir
  Path dir;

  TestMesh mesh;

  @BeforeEach
  void setUp() {
    mesh = new TestMesh(dir);
  }

  @Test
  void appliesBuildsPublishesAndAnswersQueries() {
    Cli applied = mesh.apply();
    assertThat(applied.exit()).as(applied.err()).isZero();
    assertThat(applied.out()).contains(
        "created Domain shop (generation 1)",
        "created Source shop.sales-files (generation 1)",
        "created DataProduct shop.sales (generation 1)",
        "applied 3 resources: 3 created, 0 updated, 0 unchanged");

    Cli built = mesh.mesh("build", "shop.sales");
    assertThat(built.exit()).as(built.out() + built.err()).isZero();
    assertThat(built.out()).startsWith("shop.sales: published snapshot ").contains("(5 rows, ", "quality 100.0%");
    assertThat(built.err()).contains("shop.sales read", "shop.sales transform", "shop.sales audit", "shop.sales publish");

    assertThat(mesh.scalar("SELECT sum(amount) FROM shop.sales")).isEqualTo("6950");
    assertThat(mesh.scalar("SELECT count(DISTINCT day) FROM shop.sales")).isEqualTo("2");
    assertThat(mesh.mesh("status").out()).contains("shop.sales", "1.0.0", "published");
    Cli history = mesh.mesh("history", "shop.sales");
    assertThat(history.out()).contains("1.0.0", "partitions", "sales-files.sales");
    Cli described = mesh.mesh("describe", "shop.sales");
    assertThat(described.out()).contains("shop.sales  Shop sales", "sale_id", "required, unique",
        "amount positive", "rowCount", "upstream: source shop.sales-files");
    assertThat(mesh.mesh("search", "sale").out()).contains("shop.sales  Shop sales");
    assertThat(mesh.mesh("describe", "shop.sales", "-o", "json").out())
        .contains("\"type\" : \"int64\"", "\"rule\" : \"positive\"", "\"sqlFile\" : \"sales.sql\"");
    assertThat(dir.resolve("home/logs/builds.log")).content()
        .contains(" shop.sales read", " shop.sales publish", " shop.sales PUBLISHED snapshot ");
  }

  @Test
  void anInvalidSetAppliesNothing() {
    mesh.write("specs/broken.yaml", """
        apiVersion: meshwork/v1
        kind: DataProduct
        metadata: {name: broken, domain: shop, owner: shop-team@example.com}
        spec:
          version: 1.0.0
          classification: INTERNAL
          retentionDays: 30
          inputs: [{name: raw, source: no-such-source, tables: [sales]}]
          transform: {sql: SELECT 1 AS id}
          schema: [{name: id, type: int32}]
        """);
    Cli refused = mesh.apply();
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("mesh: nothing was applied: 1 problem found", "broken.yaml:8:32: spec.inputs[0].source:", "no-such-source");
    assertThat(mesh.mesh("status").out()).contains("no products yet");
  }

  @Test
  void aPolicyWhoseRuleDoesNotCompileAppliesNothing() {
    mesh.write("specs/policy.yaml", """
        apiVersion: meshwork/v1
        kind: Policy
        metadata: {name: retention-limit}
        spec:
          scope: global
          on: [apply]
          severity: blocking
          rule: "product.spec.retentionDay <= 365"
          message: Keep data at most a year
        """);
    Cli refused = mesh.apply();
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("policy.yaml:8:9: spec.rule: undefined field 'retentionDay' (column 13 of");
    assertThat(mesh.mesh("status").out()).contains("no products yet");
  }

  @Test
  void aProductFailingABlockingPolicyIsNotApplied() {
    mesh.write("specs/policy.yaml", """
        apiVersion: meshwork/v1
        kind: Policy
        metadata: {name: shop-short-retention}
        spec:
          scope: domain:shop
          on: [apply]
          severity: blocking
          rule: "product.spec.retentionDays <= 90"
          message: Shop data is kept at most 90 days
        """);
    Cli refused = mesh.apply();
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("sales.yaml:3:18: metadata.name: policy shop-short-retention: Shop data is kept at most 90 days");
    assertThat(mesh.mesh("status").out()).contains("no products yet");

    mesh.write("specs/sales.yaml", TestMesh.SALES.replace("retentionDays: 365", "retentionDays: 90"));
    assertThat(mesh.apply().exit()).isZero();
  }

  @Test
  void aDomainCannotSwitchOffAGlobalPolicy() {
    mesh.apply();
    assertThat(mesh.mesh("policy", "install").out()).contains("created Policy mesh-pii-retention (generation 1)");
    mesh.write("specs/policy.yaml", """
        apiVersion: meshwork/v1
        kind: Policy
        metadata: {name: mesh-pii-retention}
        spec:
          scope: domain:shop
          on: [apply]
          severity: warning
          rule: "true"
          message: Anything goes
        """);
    Cli refused = mesh.apply();
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("policy.yaml:5:10: spec.scope: policy mesh-pii-retention is global: "
        + "a policy scoped to domain shop cannot replace it (give the domain's policy a name of its own)");
  }

  @Test
  void aFailingRuleRecordsUpToFiveFailingRows() {
    mesh.apply();
    mesh.write("specs/data/sales/2026-11-03.csv", "id,customer,amount,day\n"
        + "10,a,-1,2026-11-03\n11,b,-2,2026-11-03\n12,c,-3,2026-11-03\n13,d,-4,2026-11-03\n14,e,-5,2026-11-03\n15,f,-6,2026-11-03\n");
    Cli failed = mesh.mesh("build", "shop.sales", "-o", "json");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.out()).contains("\"rule\" : \"amount positive\"", "\"passed\" : false", "\"measured\" : \"6 of 11 rows fail\"",
        "{\\\"sale_id\\\":\\\"10\\\",\\\"customer\\\":\\\"a\\\",\\\"amount\\\":\\\"-1\\\",\\\"day\\\":\\\"2026-11-03\\\"}")
        .doesNotContain("\\\"sale_id\\\":\\\"15\\\"");
  }

  @Test
  void buildsOfOneProductRunOneAtATime() throws Exception {
    mesh.apply();
    try (dev.meshwork.core.Platform platform = dev.meshwork.core.Platform.open(
        new dev.meshwork.core.Home(dir.resolve("home")), mesh.env, java.time.Clock.systemUTC())) {
      var operations = platform.operations();
      var request = dev.meshwork.core.ops.BuildRequest.of(dev.meshwork.spec.ProductRef.parse("shop.sales"));
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      var first = pool.submit(() -> operations.build(request, dev.meshwork.core.ops.BuildListener.NONE).get(0));
      var second = pool.submit(() -> operations.build(request, dev.meshwork.core.ops.BuildListener.NONE).get(0));
      var a = first.get();
      var b = second.get();
      pool.shutdown();
      assertThat(java.util.List.of(a.status(), b.status())).containsOnly(dev.meshwork.core.spi.BuildRecord.Status.PUBLISHED);
      var earlier = a.startedAt().isBefore(b.startedAt()) ? a : b;
      var later = earlier == a ? b : a;
      assertThat(later.startedAt()).isAfterOrEqualTo(earlier.finishedAt());
      assertThat(operations.history(dev.meshwork.spec.ProductRef.parse("shop.sales"), 10)).hasSize(2);
    }
  }

  @Test
  void partitionsOlderThanTheRetentionLeaveThePublishedTable() {
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    mesh.write("specs/sales.yaml", TestMesh.SALES.replace("retentionDays: 365", "retentionDays: 30"));
    mesh.write("specs/data/sales/2026-11-01.csv", "id,customer,amount,day\n1,ana,10,2020-01-01\n2,li,20," + today + "\n");
    mesh.write("specs/data/sales/2026-11-02.csv", "id,customer,amount,day\n3,bo,30," + today + "\n");
    mesh.apply();
    assertThat(mesh.mesh("build", "shop.sales").exit()).isZero();

    assertThat(mesh.scalar("SELECT count(*) FROM shop.sales")).isEqualTo("2");
    assertThat(mesh.scalar("SELECT min(day) FROM shop.sales")).isEqualTo(today);
    // the files go when the snapshots still holding them are older than the retention too
  }

  @Test
  void reapplyingUnchangedFilesChangesNothing() {
    mesh.apply();
    assertThat(mesh.apply().out()).contains("applied 3 resources: 0 created, 0 updated, 3 unchanged");
    mesh.write("specs/sales.sql", TestMesh.SALES_SQL + "WHERE amount > 0\n");
    assertThat(mesh.apply().out()).contains("updated DataProduct shop.sales (generation 2)");
  }

  @Test
  void aFailingRuleBlocksPublicationAndTheOldSnapshotKeepsServing() {
    mesh.apply();
    assertThat(mesh.mesh("build", "shop.sales").exit()).isZero();
    String before = mesh.mesh("status", "shop.sales", "-o", "json").out();

    mesh.write("specs/data/sales/2026-11-03.csv", """
        id,customer,amount,day
        6,ana,-40,2026-11-03
        7,li,25,2026-11-03
        """);
    Cli failed = mesh.mesh("build", "shop.sales");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.out()).contains("shop.sales: failed at audit",
        "cannot publish shop.sales: rule amount positive failed (1 of 7 rows fail; failing rows mustBe: 0); "
            + "the staged data is kept for diagnosis and consumers still read the previous snapshot");

    assertThat(mesh.scalar("SELECT count(*) FROM shop.sales")).isEqualTo("5");
    assertThat(mesh.mesh("history", "shop.sales", "-o", "json").out()).containsOnlyOnce("\"PUBLISHED\"");
    String after = mesh.mesh("status", "shop.sales", "-o", "json").out();
    assertThat(snapshot(after)).isEqualTo(snapshot(before));
    assertThat(after).contains("\"lastBuildStatus\" : \"FAILED\"");
  }

  @Test
  void partitionsAreRebuiltOneAtATimeOrAsARange() {
    mesh.apply();
    mesh.mesh("build", "shop.sales");
    mesh.write("specs/data/sales/2026-11-02.csv", """
        id,customer,amount,day
        4,ana,1000,2026-11-02
        """);
    Cli one = mesh.mesh("build", "shop.sales", "--partition", "2026-11-02");
    assertThat(one.exit()).as(one.out()).isZero();
    assertThat(mesh.scalar("SELECT count(*) FROM shop.sales")).isEqualTo("4");
    assertThat(mesh.scalar("SELECT sum(amount) FROM shop.sales WHERE day = DATE '2026-11-01'")).isEqualTo("6000");

    mesh.write("specs/data/sales/2026-11-01.csv", "id,customer,amount,day\n9,zed,70,2026-11-01\n");
    Cli range = mesh.mesh("build", "shop.sales", "--from", "2026-10-01", "--to", "2026-11-01");
    assertThat(range.exit()).as(range.out()).isZero();
    assertThat(mesh.scalar("SELECT count(*) FROM shop.sales")).isEqualTo("2");
    assertThat(mesh.scalar("SELECT sum(amount) FROM shop.sales WHERE day = DATE '2026-11-01'")).isEqualTo("70");

    Cli bad = mesh.mesh("build", "shop.sales", "--partition", "yesterday");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("'yesterday' is not a value of partition column day (date, like 2026-11-20)");
  }

  private static String snapshot(String statusJson) {
    int at = statusJson.indexOf("\"snapshotId\"");
    return statusJson.substring(at, statusJson.indexOf(',', at));
  }
}
