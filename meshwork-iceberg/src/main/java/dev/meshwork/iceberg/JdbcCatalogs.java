package dev.meshwork.iceberg;

import dev.meshwork.core.spi.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;

/** Opens Iceberg's JDBC catalog on the metadata database, with local files through Hadoop's raw file system. */
final class JdbcCatalogs {

  private JdbcCatalogs() {}

  static JdbcCatalog open(String url, String user, String password, String warehouse) {
    Configuration conf = new Configuration();
    // no .crc files beside the data; never reuse a cached file system configured otherwise
    conf.set("fs.file.impl", RawLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.URI, url);
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
    Properties credentials = new Properties();
    if (user != null) {
      properties.put("jdbc.user", user);
      credentials.setProperty("user", user);
    }
    if (password != null) {
      properties.put("jdbc.password", password);
      credentials.setProperty("password", password);
    }
    try {
      if (!hasSchemaV1(url, credentials)) {
        properties.put("jdbc.schema-version", "V1");
      }
      Files.createDirectories(IcebergTableStore.path(warehouse));
      JdbcCatalog catalog = new JdbcCatalog();
      catalog.setConf(conf);
      catalog.initialize("meshwork", properties);
      return catalog;
    } catch (IOException | SQLException | RuntimeException e) {
      throw new EngineException("cannot open the Iceberg catalog at " + url.replaceAll("(?i)(password=)[^;&]*", "$1***")
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the catalog's table already has the {@code iceberg_type} column of schema V1. Iceberg
   * looks for it in lower case only and, not finding it where identifiers are upper case (H2),
   * adds it again and fails; so V1 is asked for only while the column is missing in either case.
   */
  private static boolean hasSchemaV1(String url, Properties credentials) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, credentials)) {
      DatabaseMetaData metadata = connection.getMetaData();
      for (String[] names : new String[][] {{"iceberg_tables", "iceberg_type"}, {"ICEBERG_TABLES", "ICEBERG_TYPE"}}) {
        try (ResultSet column = metadata.getColumns(null, null, names[0], names[1])) {
          if (column.next()) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
