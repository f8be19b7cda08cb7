package dev.meshwork.core.spi;

/**
 * Where to read a database source: its JDBC URL and credentials, secrets already resolved.
 * {@code toString} never shows the password.
 */
public record DatabaseSource(String name, Kind kind, String url, String driver, String user, String password, String schema) {

  public enum Kind { POSTGRES, JDBC }

  @Override
  public String toString() {
    return "DatabaseSource[" + name + ", " + kind + ", " + url + ", user=" + user + "]";
  }
}
