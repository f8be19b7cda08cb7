package dev.meshwork.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.MetadataStoreContract;
import dev.meshwork.spec.Kind;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.InvalidException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2MetadataStoreTest extends MetadataStoreContract {

  @TempDir
  Path dir;

  private String url(String name) {
    return "jdbc:h2:file:" + dir.resolve(name) + ";LOCK_TIMEOUT=10000";
  }

  @Override
  protected MetadataStore newStore() {
    return new JdbcMetadataStore(url("meta"), null, null);
  }

  @Override
  protected MetadataStore reopen() {
    return newStore();
  }

  @Test
  void theSchemaIsMigratedOnceWithItsOwnHistoryTable() throws SQLException {
    store.close();
    store = reopen();

    assertThat(strings(url("meta"), """
        SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC' ORDER BY table_name
        """)).containsExactly("MESHWORK_ACCESS_REQUESTS", "MESHWORK_API_TOKENS", "MESHWORK_AUDIT", "MESHWORK_BUILDS",
        "MESHWORK_BUILD_INPUTS",
        "MESHWORK_POLICY_RESULTS", "MESHWORK_QUALITY_RESULTS", "MESHWORK_RESOURCES", "MESHWORK_RETENTION_RUNS",
        "MESHWORK_SCHEDULES", "MESHWORK_STATE_CHANGES", "MESHWORK_TEAMS", "MESHWORK_USERS", "MESHWORK_WAIVERS",
        "MESHWORK_WEB_SESSIONS", "meshwork_schema_history");
    assertThat(strings(url("meta"), """
        SELECT "version" || ' ' || "success" FROM "meshwork_schema_history"
         WHERE "version" IS NOT NULL ORDER BY "installed_rank"
        """)).containsExactly("1 TRUE", "2 TRUE", "3 TRUE", "4 TRUE", "5 TRUE", "6 TRUE", "7 TRUE",
        "8 TRUE");
  }

  @Test
  void itOpensADatabaseWhereTheIcebergCatalogCreatedItsTablesFirst() throws SQLException {
    String url = url("shared");
    strings(url, "CREATE TABLE iceberg_tables (catalog_name VARCHAR(255) NOT NULL)");

    try (MetadataStore shared = new JdbcMetadataStore(url, null, null)) {
      assertThat(shared.resources(Kind.DOMAIN)).isEmpty();
    }
    assertThat(strings(url, "SELECT COUNT(*) FROM iceberg_tables")).containsExactly("0");
  }

  @Test
  void aDatabaseFileLockedByAnotherProcessIsReportedAsInUse() throws Exception {
    store.close();
    // H2 shares a database opened twice in one JVM; a lock on its file stands in for another process
    try (FileChannel file = FileChannel.open(dir.resolve("meta.mv.db"), StandardOpenOption.WRITE)) {
      FileLock lock = file.lock();
      assertThatThrownBy(this::reopen)
          .isInstanceOf(ConflictException.class)
          .hasMessage("cannot open the metadata store at " + url("meta")
              + ": the database is in use by another process");
      lock.release();
    }
    store = reopen();
  }

  @Test
  void aWrongPasswordIsReportedWithoutIt() {
    String url = url("guarded");
    new JdbcMetadataStore(url, "meshwork", "right-s3cret").close();

    assertThatThrownBy(() -> new JdbcMetadataStore(url, "meshwork", "wrong-s3cret"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot open the metadata store at " + url + ": Wrong user name or password [28000-232]");
  }

  /** Runs one statement on a connection of its own; returns the first column of its rows, if any. */
  private static List<String> strings(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      if (!statement.execute(sql)) {
        return List.of();
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.getResultSet()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
