package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault fails the build cleanly, says why, and leaves what was published serving. */
class BuildFaultsIT {

  @TempDir
  Path dir;

  TestMesh mesh;

  @BeforeEach
  void setUp() {
    mesh = new TestMesh(dir);
  }

  private static String product(String name, String inputs, String sql, String schema) {
    return """
        apiVersion: meshwork/v1
        kind: DataProduct
        metadata: {name: %s, domain: shop, owner: shop-team@example.com}
        spec:
          version: 1.0.0
          classification: INTERNAL
          retentionDays: 30
          inputs: %s
          transform: {sql: "%s"}
          schema:
        %s
        """.formatted(name, inputs, sql, schema.indent(4).stripTrailing());
  }

  private static final String SALES_INPUT = "[{name: raw, source: sales-files, tables: [sales]}]";
  private static final String TWO_COLUMNS = "- {name: customer, type: string}\n- {name: amount, type: int64}";

  private Cli failingBuild(String product) {
    Cli applied = mesh.apply();
    assertThat(applied.exit()).as(applied.err()).isZero();
    Cli built = mesh.mesh("build", product);
    assertThat(built.exit()).as(built.out() + built.err()).isEqualTo(1);
    assertThat(mesh.mesh("status", product, "-o", "json").out()).contains("\"snapshotId\" : null", "\"lastBuildStatus\" : \"FAILED\"");
    return built;
  }

  @Test
  void aSqlSyntaxErrorNamesTheProductTheFileAndTheEnginesMessage() {
    mesh.write("specs/broken.yaml", product("broken", SALES_INPUT, "broken.sql", TWO_COLUMNS));
    mesh.write("specs/broken.sql", "SELEC customer, amount FROM raw.sales\n");
    assertThat(failingBuild("shop.broken").out()).contains(
        "shop.broken: failed at transform",
        "cannot build shop.broken: the transform SQL (broken.sql) failed: Parser Error: syntax error at or near \"SELEC\"");
  }

  @Test
  void anOutputThatBreaksTheContractShowsExpectedAgainstActual() {
    mesh.write("specs/drift.yaml", product("drift", SALES_INPUT, "SELECT customer, CAST(amount AS VARCHAR) AS amount, day FROM raw.sales",
        TWO_COLUMNS + "\n- {name: region, type: string}"));
    assertThat(failingBuild("shop.drift").out()).contains(
        "cannot build shop.drift: the output does not match the contract:",
        "customer  string    string",
        "amount    int64     string  <- wrong type",
        "region    string    -       <- missing from the output",
        "day       -         date    <- not in the contract",
        "cast in the transform SQL to the contract's type: CAST(amount AS BIGINT)");
  }

  @Test
  void anUnresolvedSecretIsNamedWithoutAValue() {
    mesh.write("specs/db.yaml", """
        apiVersion: meshwork/v1
        kind: Source
        metadata: {name: warehouse, domain: shop}
        spec: {type: postgres, url: "${env:WAREHOUSE_URL}", user: reader, password: "${env:WAREHOUSE_PASSWORD}"}
        ---
        """ + product("from_db", "[{name: db, source: warehouse, tables: [orders]}]", "SELECT customer, amount FROM db.orders", TWO_COLUMNS));
    assertThat(failingBuild("shop.from_db").out()).contains(
        "cannot build shop.from_db: input db: unresolved secret ${env:WAREHOUSE_URL}: environment variable WAREHOUSE_URL is not set");
  }

  @Test
  void anUnreachableSourceNeverShowsItsPassword() {
    mesh.env.put("WAREHOUSE_PASSWORD", "s3cret-Pa55");
    mesh.write("specs/db.yaml", """
        apiVersion: meshwork/v1
        kind: Source
        metadata: {name: warehouse, domain: shop}
        spec: {type: postgres, url: "jdbc:postgresql://127.0.0.1:1/shop?password=s3cret-Pa55", user: reader, password: "${env:WAREHOUSE_PASSWORD}"}
        ---
        """ + product("from_db", "[{name: db, source: warehouse, tables: [orders]}]", "SELECT customer, amount FROM db.orders", TWO_COLUMNS));
    Cli built = failingBuild("shop.from_db");
    assertThat(built.out()).contains("cannot build shop.from_db: input db: cannot read source warehouse").doesNotContain("s3cret-Pa55");
    assertThat(built.err()).doesNotContain("s3cret-Pa55");
  }

  @Test
  void aMissingSourceTableIsNamed() throws Exception {
    Path database = dir.resolve("erp");
    try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "");
         var sql = connection.createStatement()) {
      sql.execute("CREATE TABLE customers (name VARCHAR(40), amount BIGINT)");
    }
    mesh.write("specs/db.yaml", """
        apiVersion: meshwork/v1
        kind: Source
        metadata: {name: erp, domain: shop}
        spec: {type: jdbc, url: "jdbc:h2:file:%s", driver: org.h2.Driver, user: sa}
        ---
        """.formatted(database) + product("from_erp", "[{name: erp, source: erp, tables: [invoices]}]",
        "SELECT name AS customer, amount FROM erp.invoices", TWO_COLUMNS));
    assertThat(failingBuild("shop.from_erp").out()).contains("cannot build shop.from_erp: input erp: cannot read source erp", "invoices");
  }

  @Test
  void anUpstreamProductThatWasNeverPublishedIsNamed() {
    mesh.write("specs/totals.yaml", product("totals", "[{name: sales, product: shop.sales}]",
        "SELECT customer, CAST(sum(amount) AS BIGINT) AS amount FROM sales GROUP BY 1", TWO_COLUMNS));
    assertThat(failingBuild("shop.totals").out()).contains(
        "cannot build shop.totals: input sales: upstream product shop.sales was never published (build it first: mesh build shop.sales)");
    assertThat(mesh.mesh("build", "shop.sales").exit()).isZero();
    Cli built = mesh.mesh("build", "shop.totals");
    assertThat(built.exit()).as(built.out()).isZero();
    assertThat(mesh.mesh("history", "shop.totals").out()).contains("shop.sales@");
  }

  @Test
  void aWriteFailureLeavesThePublishedSnapshotServing() throws Exception {
    mesh.apply();
    assertThat(mesh.mesh("build", "shop.sales").exit()).isZero();
    Path data = dir.resolve("home/lake/shop/sales/data");
    assertThat(data).isDirectory();
    Process lock = new ProcessBuilder("chattr", "+i", data.toString()).redirectErrorStream(true).start();
    assumeThat(lock.waitFor()).as("chattr +i works on this file system").isZero();
    try {
      Cli failed = mesh.mesh("build", "shop.sales");
      assertThat(failed.exit()).isEqualTo(1);
      assertThat(failed.out()).contains("shop.sales: failed at write", "cannot build shop.sales:");
      assertThat(mesh.scalar("SELECT count(*) FROM shop.sales")).isEqualTo("5");
    } finally {
      new ProcessBuilder("chattr", "-i", data.toString()).start().waitFor();
    }
    assertThat(mesh.mesh("build", "shop.sales").exit()).isZero();
    assertThat(Files.list(data)).hasSizeGreaterThanOrEqualTo(1);
  }

  @Test
  void aSecondProcessOnTheSameHomeIsToldSo() throws Exception {
    mesh.apply();
    try (var held = new dev.meshwork.core.Home(dir.resolve("home")).lock()) {
      Cli refused = mesh.mesh("status");
      assertThat(refused.exit()).isEqualTo(1);
      assertThat(refused.err()).contains("it is in use by another process");
    }
  }
}
