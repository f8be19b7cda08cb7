package dev.meshwork.duckdb;

import dev.meshwork.core.spi.DatabaseSource;
import dev.meshwork.spec.error.InvalidException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Connects to a database source; its errors name the source and never show the password. */
final class SourceConnection {

  /** How often, in rows, an ingest reports its progress. */
  static final int PROGRESS_EVERY = 100_000;

  private SourceConnection() {}

  static Connection open(DatabaseSource source) {
    Properties properties = new Properties();
    if (source.user() != null) {
      properties.setProperty("user", source.user());
    }
    if (source.password() != null) {
      properties.setProperty("password", source.password());
    }
    if (source.driver() != null) {
      try {
        Class.forName(source.driver());
      } catch (ClassNotFoundException e) {
        throw error(source, "driver class " + source.driver() + " is not on the class path");
      }
    }
    try {
      return DriverManager.getConnection(source.url(), properties);
    } catch (SQLException e) {
      throw error(source, "cannot connect to " + source.url() + ": " + Sql.message(e));
    }
  }

  static InvalidException error(DatabaseSource source, String reason) {
    String message = "cannot read source " + source.name() + ": " + reason;
    String password = source.password();
    return new InvalidException(password == null || password.isEmpty() ? message : message.replace(password, "***"));
  }

  static String qualified(String schema, String table) {
    return schema == null ? table : schema + "." + table;
  }
}
