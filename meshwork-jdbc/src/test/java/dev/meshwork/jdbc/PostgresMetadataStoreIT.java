package dev.meshwork.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.MetadataStoreContract;
import dev.meshwork.core.spi.StoredResource;
import dev.meshwork.spec.Kind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on a real PostgreSQL: one server for the class, a new schema for each test. */
class PostgresMetadataStoreIT extends MetadataStoreContract {

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private String url;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  protected MetadataStore newStore() {
    String schema = "meta" + SCHEMAS.incrementAndGet();
    execute("CREATE SCHEMA " + schema);
    url = postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema;
    return new JdbcMetadataStore(url, "postgres", null);
  }

  @Override
  protected MetadataStore reopen() {
    return new JdbcMetadataStore(url, "postgres", null);
  }

  @Test
  void twoStoresOnOneDatabaseShareTheData() {
    try (MetadataStore other = reopen()) {
      List<StoredResource> stored = other.apply(List.of(
          new StoredResource(Kind.DOMAIN, "orders", null, "kind: Domain", "h1", 0, null)));

      assertThat(store.resources(Kind.DOMAIN)).isEqualTo(stored);
    }
  }

  private static void execute(String sql) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
