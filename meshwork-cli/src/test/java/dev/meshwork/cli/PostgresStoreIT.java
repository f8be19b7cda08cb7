package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A home whose meshwork.yaml puts the metadata store, and with it the tables' catalog, on PostgreSQL. */
class PostgresStoreIT {

  @TempDir
  Path dir;

  @Test
  void theWholeBuildRunsWithItsRecordsAndCatalogOnPostgres() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      TestMesh mesh = new TestMesh(dir);
      mesh.env.put("MESH_STORE_PASSWORD", "postgres");
      mesh.write("home/meshwork.yaml", """
          store:
            url: jdbc:postgresql://localhost:%d/postgres
            user: postgres
            password: ${env:MESH_STORE_PASSWORD}
          engine:
            threads: 2
          """.formatted(postgres.getPort()));

      assertThat(mesh.apply().exit()).isZero();
      Cli built = mesh.mesh("build", "shop.sales");
      assertThat(built.exit()).as(built.out() + built.err()).isZero();
      assertThat(mesh.scalar("SELECT count(*) FROM shop.sales")).isEqualTo("5");

      try (Connection connection = postgres.getPostgresDatabase().getConnection();
           Statement sql = connection.createStatement()) {
        assertThat(count(sql, "SELECT count(*) FROM meshwork_builds WHERE status = 'PUBLISHED'")).isEqualTo(1);
        assertThat(count(sql, "SELECT count(*) FROM meshwork_resources")).isEqualTo(3);
        assertThat(count(sql, "SELECT count(*) FROM iceberg_tables WHERE table_namespace = 'shop' AND table_name = 'sales'"))
            .isEqualTo(1);
      }
      assertThat(dir.resolve("home/meta")).isEmptyDirectory();
    }
  }

  private static long count(Statement sql, String query) throws Exception {
    try (ResultSet result = sql.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }
}
