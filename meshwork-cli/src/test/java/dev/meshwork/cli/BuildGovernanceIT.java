package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build policies judging a build's result, and classification carried along lineage. */
class BuildGovernanceIT {

  private static final String BUILD_POLICIES = """
      apiVersion: meshwork/v1
      kind: Policy
      metadata: {name: enough-rows}
      spec:
        scope: global
        on: [build]
        severity: blocking
        rule: 'build.rows >= 100'
        message: "A build must produce at least 100 rows"
      ---
      apiVersion: meshwork/v1
      kind: Policy
      metadata: {name: region-column}
      spec:
        scope: "domain:shop"
        on: [build]
        severity: blocking
        rule: 'build.schema.exists(c, c.name == "region")'
        message: "Shop products carry a region column"
      ---
      apiVersion: meshwork/v1
      kind: Policy
      metadata: {name: clean-and-internal}
      spec:
        scope: global
        on: [build]
        severity: blocking
        rule: 'build.qualityScore == 100.0 && build.classification == "INTERNAL" && build.inputs.all(i, i.source == "sales-files")'
        message: "Builds pass all their rules"
      ---
      apiVersion: meshwork/v1
      kind: Policy
      metadata: {name: big-enough-files}
      spec:
        scope: global
        on: [build]
        severity: warning
        rule: 'build.bytes > 1000000'
        message: "Files under a megabyte are slow to scan"
      """;

  private static final String CUSTOMERS = """
      apiVersion: meshwork/v1
      kind: Source
      metadata: {name: customer-files, domain: shop}
      spec: {type: files, path: data/customers/*.csv, format: csv}
      ---
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: customers, domain: shop, title: Customers, owner: shop-team@example.com,
                 description: One row per customer of the web shop}
      spec:
        version: 1.0.0
        classification: CONFIDENTIAL
        containsPII: true
        retentionDays: 365
        inputs: [{name: raw, source: customer-files, tables: [customers]}]
        transform:
          sql: SELECT name AS customer, email FROM raw.customers
        schema:
          - {name: customer, type: string, required: true}
          - {name: email, type: string, pii: true, protection: encrypt}
      """;

  private static final String SPEND = """
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: spend, domain: shop, title: Spend per customer, owner: shop-team@example.com,
                 description: What each customer spent in the web shop}
      spec:
        version: 1.0.0
        classification: INTERNAL
        retentionDays: 365
        inputs: [{name: c, product: shop.customers}, {name: s, product: shop.sales}]
        transform:
          sql: |
            SELECT c.customer, c.email, CAST(sum(s.amount) AS BIGINT) AS spent
            FROM c JOIN s ON s.customer = c.customer GROUP BY ALL
        schema:
          - {name: customer, type: string, required: true}
          - {name: email, type: string}
          - {name: spent, type: int64}
      """;

  @TempDir
  Path dir;
  TestMesh mesh;

  @BeforeEach
  void mesh() {
    mesh = new TestMesh(dir);
    mesh.write("specs/data/customers/customers.csv", """
        name,email
        ana,ana@example.com
        li,li@example.com
        """);
  }

  @Test
  void blockingBuildPoliciesKeepTheBuildUnpublishedAndAllOfThemAreListed() throws Exception {
    assertThat(mesh.apply().exit()).isZero();
    assertThat(mesh.mesh("build", "shop.sales").exit()).isZero();
    mesh.write("specs/policies.yaml", BUILD_POLICIES);
    Cli applied = mesh.apply();
    assertThat(applied.exit()).as(applied.err()).isZero();
    mesh.write("specs/data/sales/2026-11-03.csv", "id,customer,amount,day\n6,bo,999,2026-11-03\n");

    Cli failed = mesh.mesh("build", "shop.sales");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.out() + failed.err())
        .contains("cannot publish shop.sales: policy enough-rows failed (A build must produce at least 100 rows), "
            + "policy region-column failed (Shop products carry a region column); "
            + "the staged data is kept for diagnosis and consumers still read the previous snapshot")
        .doesNotContain("clean-and-internal failed");
    assertThat(mesh.scalar("SELECT count(*) FROM shop.sales")).isEqualTo("5");

    JsonNode results = new ObjectMapper().readTree(mesh.mesh("policy", "results", "shop.sales", "-o", "json").out());
    List<String> recorded = new ArrayList<>();
    results.forEach(r -> {
      if ("build".equals(r.get("event").asText())) {
        recorded.add(r.get("policy").asText() + "=" + r.get("outcome").asText());
      }
    });
    assertThat(recorded).containsExactlyInAnyOrder("enough-rows=FAILED", "region-column=FAILED",
        "clean-and-internal=PASSED", "big-enough-files=WARNED");

    mesh.write("specs/policies.yaml", BUILD_POLICIES.replace("build.rows >= 100", "build.rows >= 1")
        .replace("c.name == \"region\"", "c.name == \"day\" && c.type == \"date\""));
    assertThat(mesh.apply().exit()).isZero();
    Cli published = mesh.mesh("build", "shop.sales");
    assertThat(published.exit()).as(published.out() + published.err()).isZero();
    assertThat(mesh.scalar("SELECT count(*) FROM shop.sales")).isEqualTo("6");
  }

  @Test
  void aProductBelowItsInputsClassificationOrLeakingTheirPiiDoesNotBuild() {
    mesh.write("specs/customers.yaml", CUSTOMERS).write("specs/spend.yaml", SPEND);
    assertThat(mesh.apply().exit()).isZero();
    assertThat(mesh.mesh("build", "shop.customers").exit()).isZero();
    assertThat(mesh.mesh("build", "shop.sales").exit()).isZero();

    Cli refused = mesh.mesh("build", "shop.spend");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out() + refused.err()).contains("cannot build shop.spend: "
        + "input shop.customers is CONFIDENTIAL, above the product's own INTERNAL: raise spec.classification to "
        + "CONFIDENTIAL or declare spec.declassification with a justification; "
        + "column email is PII in input shop.customers and would be written unprotected: "
        + "declare it pii with protection encrypt, hash or mask in spec.schema");
    assertThat(mesh.mesh("status", "shop.spend").out()).contains("shop.spend  1.0.0    -         -");
    assertThat(mesh.mesh("policy", "results", "shop.spend").out())
        .contains("mesh-classification-propagation", "failed");

    mesh.write("specs/spend.yaml", SPEND.replace("{name: email, type: string}",
        "{name: email, type: string, pii: true, protection: hash}").replace("retentionDays: 365",
        "retentionDays: 365\n  containsPII: true\n  declassification:\n    justification: Totals per customer; the e-mail is hashed"));
    assertThat(mesh.apply().exit()).isZero();
    Cli built = mesh.mesh("build", "shop.spend");
    assertThat(built.exit()).as(built.out() + built.err()).isZero();
    assertThat(mesh.mesh("policy", "results", "shop.spend").out()).contains("mesh-classification-propagation",
        "declassified from CONFIDENTIAL (input shop.customers) to INTERNAL: Totals per customer; the e-mail is hashed");
    assertThat(mesh.scalar("SELECT sum(spent) FROM shop.spend")).isEqualTo("2300");
  }

  @Test
  void aDeclassificationNeedsAJustification() {
    mesh.write("specs/customers.yaml", CUSTOMERS)
        .write("specs/spend.yaml", SPEND + "  declassification: {justification: ''}\n");
    Cli refused = mesh.apply();
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("spend.yaml:").contains("spec.declassification.justification: a declassification needs a justification");
  }
}
