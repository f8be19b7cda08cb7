package dev.meshwork.duckdb;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.spec.error.InvalidException;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Quoting of SQL text, and DuckDB's errors turned into Meshwork's. */
final class Sql {

  /** DuckDB error kinds that are not about the SQL or data given. */
  private static final List<String> INTERNAL = List.of("IO Error", "Out of Memory Error", "INTERNAL Error",
      "FATAL Error", "Interrupted", "Connection Error");

  private static final List<String> COMPILE = List.of("Parser Error", "Catalog Error", "Binder Error");
  private static final Pattern SYSTEM_SUGGESTION = Pattern.compile("Did you mean \"(pg_|duckdb_|information_schema|sqlite_).*");
  private static final Pattern CSV_FILE = Pattern.compile("\n {2}file = (.+)\n");

  private Sql() {}

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * A database error on one line: the first paragraph of DuckDB's message without its lists (of
   * candidate functions) and suggestions of system tables, and the file a CSV error happened in.
   * DuckDB adds hints and the statement's text after the first paragraph.
   */
  static String message(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    StringBuilder text = new StringBuilder();
    for (String line : message.split("\n")) {
      if (line.isBlank()) {
        break;
      }
      if (!Character.isWhitespace(line.charAt(0)) && !line.endsWith(":") && !SYSTEM_SUGGESTION.matcher(line).matches()) {
        text.append(text.isEmpty() ? "" : " ").append(line.strip());
      }
    }
    Matcher file = CSV_FILE.matcher(message);
    if (file.find() && text.indexOf(file.group(1)) < 0) {
      text.append(" (file ").append(file.group(1)).append(")");
    }
    return text.toString();
  }

  static boolean isInternal(SQLException e) {
    String message = message(e);
    return INTERNAL.stream().anyMatch(message::startsWith);
  }

  /** Whether DuckDB refused the statement before running it. */
  static boolean isCompileError(SQLException e) {
    String message = message(e);
    return COMPILE.stream().anyMatch(message::startsWith);
  }

  /** Bad SQL or data as {@link InvalidException}, anything else as {@link EngineException}. */
  static RuntimeException error(SQLException e) {
    return isInternal(e) ? new EngineException(message(e), e) : new InvalidException(message(e));
  }
}
