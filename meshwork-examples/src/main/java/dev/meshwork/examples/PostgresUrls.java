package dev.meshwork.examples;

import dev.meshwork.spec.error.InvalidException;

/** Derives a database's JDBC URL from the server's, keeping host, port and parameters. */
public final class PostgresUrls {

  private static final String PREFIX = "jdbc:postgresql:";

  private PostgresUrls() {}

  static void check(String serverUrl) {
    if (serverUrl == null || !serverUrl.startsWith(PREFIX)) {
      throw new InvalidException("cannot load example data: the server URL must start with " + PREFIX);
    }
  }

  /**
   * {@code jdbc:postgresql://db:5432/postgres?ssl=true} and {@code orders} give
   * {@code jdbc:postgresql://db:5432/orders?ssl=true}. The URL is not echoed in errors: it may
   * hold a password.
   */
  public static String withDatabase(String serverUrl, String database) {
    check(serverUrl);
    String rest = serverUrl.substring(PREFIX.length());
    int question = rest.indexOf('?');
    String parameters = question < 0 ? "" : rest.substring(question);
    String location = question < 0 ? rest : rest.substring(0, question);
    if (!location.startsWith("//")) {
      return PREFIX + database + parameters;
    }
    int slash = location.indexOf('/', 2);
    String authority = slash < 0 ? location : location.substring(0, slash);
    return PREFIX + authority + "/" + database + parameters;
  }
}
