package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A consumer's query reads published products and nothing else, however it is written. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySandboxIT {

  TestMesh mesh;
  String lakeFile;

  @BeforeAll
  void publish(@TempDir Path dir) throws IOException {
    mesh = new TestMesh(dir);
    mesh.write("specs/draft.yaml", TestMesh.SALES.replace("name: sales,", "name: draft,"));
    assertThat(mesh.apply().exit()).isZero();
    assertThat(mesh.mesh("build", "shop.sales").exit()).isZero();
    try (Stream<Path> files = Files.walk(dir.resolve("home/lake/shop/sales/data"))) {
      lakeFile = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow().toString();
    }
  }

  @Test
  void productsAreReadHoweverTheyAreSpelled() {
    assertThat(mesh.scalar("SELECT count(*) FROM shop.sales")).isEqualTo("5");
    assertThat(mesh.scalar("SELECT count(*) FROM \"SHOP\".\"Sales\"")).isEqualTo("5");
    assertThat(mesh.scalar("WITH big AS (SELECT * FROM Shop.sales WHERE amount > 500) SELECT count(*) FROM big")).isEqualTo("3");
    assertThat(mesh.scalar("SELECT sum(x) FROM range(4) t(x)")).isEqualTo("6");
  }

  @Test
  void aQueryRunningPastItsTimeLimitIsStopped(@TempDir Path other) {
    TestMesh limited = new TestMesh(other);
    limited.write("home/meshwork.yaml", "engine:\n  query-timeout: 1\n");
    long started = System.nanoTime();
    Cli slow = limited.mesh("query", "SELECT count(*) FROM range(1000000000000) a(x) WHERE x % 7 = 3");
    assertThat(slow.exit()).isEqualTo(2);
    assertThat(slow.err()).contains("cannot run the query: it ran longer than its time limit of 1 s;"
        + " narrow it down or aggregate first");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      DROP TABLE shop.sales                                  | only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed
      CREATE TABLE x AS SELECT 1                             | only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed
      INSERT INTO shop.sales VALUES (1)                      | only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed
      COPY (SELECT * FROM shop.sales) TO '/tmp/out.csv'      | only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed
      ATTACH '/tmp/other.db'                                 | only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed
      INSTALL httpfs                                         | only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed
      LOAD httpfs                                            | only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed
      SET enable_external_access = true                      | only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed
      PRAGMA database_list                                   | only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed
      EXPORT DATABASE '/tmp/dump'                            | only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed
      SELECT * FROM read_csv('/etc/passwd')                  | it calls read_csv(), and queries read products only, not files or other sources
      SELECT (SELECT count(*) FROM read_text('/etc/passwd')) | it calls read_text(), and queries read products only, not files or other sources
      SELECT * FROM glob('/etc/*')                           | it calls glob(), and queries read products only, not files or other sources
      SELECT * FROM '/etc/passwd'                            | it reads '/etc/passwd', which is not a product: name products as domain.name
      SELECT 1; DROP TABLE shop.sales                        | only a read-only query (SELECT, WITH … SELECT, VALUES) is allowed
      SELECT 1; SELECT 2                                     | it holds 2 statements; send one query at a time
      SELECT * FROM shop.nothing                             | no product shop.nothing on this platform
      SELECT * FROM other.shop.sales                         | it reads other.shop.sales: name products as domain.name
      SELECT * FROM shop.draft                               | shop.draft was never published (build it first with mesh build shop.draft)
      """)
  void anythingButReadingPublishedProductsIsRefused(String sql, String why) {
    Cli refused = mesh.mesh("query", sql);
    assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(refused.err()).contains("cannot run the query: " + why);
  }

  @Test
  void aProductsOwnFilesCannotBeReadByName() {
    Cli byFunction = mesh.mesh("query", "SELECT count(*) FROM read_parquet('" + lakeFile + "')");
    assertThat(byFunction.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(byFunction.err()).contains("it calls read_parquet()");
    Cli byPath = mesh.mesh("query", "SELECT count(*) FROM '" + lakeFile + "'");
    assertThat(byPath.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(byPath.err()).contains("which is not a product");
  }
}
