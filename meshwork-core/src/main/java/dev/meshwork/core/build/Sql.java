package dev.meshwork.core.build;

/** Quoting for the SQL the platform writes around users' SQL. */
final class Sql {

  private Sql() {}

  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A relation name, {@code name} or {@code schema.name}, quoted part by part. */
  static String relation(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? identifier(name) : identifier(name.substring(0, dot)) + "." + identifier(name.substring(dot + 1));
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A query without the trailing semicolons and blanks that would break wrapping it. */
  static String bare(String query) {
    String text = query.strip();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }
}
