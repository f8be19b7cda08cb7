package dev.meshwork.iceberg;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.TableStore.Snapshot;
import dev.meshwork.spec.ProductRef;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The published snapshots of many tables at once: one read of the JDBC catalog gives every table's
 * metadata file, and a table is loaded only when its metadata file is not the one it had when it
 * was last loaded here. Metadata files never change once written, so what was read from one stays
 * true of it.
 */
final class CurrentSnapshots {

  /** What a table's metadata file said of its current snapshot (empty when it had none). */
  record Known(String metadataLocation, Optional<Snapshot> snapshot) {}

  private static final String TABLES = """
      SELECT table_namespace, table_name, metadata_location
      FROM iceberg_tables
      WHERE catalog_name = ?
      """;

  private final String url;
  private final Properties credentials;
  private final String catalogName;
  private final Map<ProductRef, Known> known = new ConcurrentHashMap<>();

  CurrentSnapshots(String url, String user, String password, String catalogName) {
    this.url = url;
    this.credentials = new Properties();
    if (user != null) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
    this.catalogName = catalogName;
  }

  /**
   * The current snapshots of {@code products} that have a table with one; {@code load} reads a
   * table's metadata afresh, giving its metadata file and current snapshot (null when the table is
   * gone).
   */
  Map<ProductRef, Snapshot> of(Collection<ProductRef> products, Function<ProductRef, Known> load) {
    Map<String, String> locations = locations();
    Map<ProductRef, Snapshot> current = new LinkedHashMap<>();
    for (ProductRef product : products) {
      String location = locations.get(product.domain() + "\u0000" + product.name());
      if (location == null) {
        known.remove(product);
        continue;
      }
      Known seen = known.get(product);
      if (seen == null || !seen.metadataLocation().equals(location)) {
        seen = load.apply(product);
        if (seen == null) {
          known.remove(product);
          continue;
        }
        known.put(product, seen);
      }
      seen.snapshot().ifPresent(snapshot -> current.put(product, snapshot));
    }
    return current;
  }

  /** Every table's metadata file, by namespace and name (separated by a NUL). */
  private Map<String, String> locations() {
    Map<String, String> locations = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(url, credentials);
         PreparedStatement statement = connection.prepareStatement(TABLES)) {
      statement.setString(1, catalogName);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          locations.put(rows.getString(1) + "\u0000" + rows.getString(2), rows.getString(3));
        }
      }
    } catch (SQLException e) {
      throw new EngineException("cannot read the Iceberg catalog's tables: " + e.getMessage(), e);
    }
    return locations;
  }
}
