package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.util.Locale;

/**
 * The SQL that turns inputs into the product. {@code sql} is the query text; {@code sqlFile} is
 * the file it was read from (as written in the spec), or null when the spec holds it inline.
 */
public record Transform(String sql, String sqlFile, String partitionBy) {

  public Transform {
    if (sql == null || sql.isBlank()) {
      throw new InvalidException(sqlFile == null ? "the transform SQL is empty" : "the SQL file " + sqlFile + " is empty");
    }
  }

  /** Whether a {@code transform.sql} value names a file rather than holding the query itself. */
  public static boolean namesFile(String value) {
    String trimmed = value.trim();
    return trimmed.toLowerCase(Locale.ROOT).endsWith(".sql") && !trimmed.contains("\n") && !trimmed.contains(" ");
  }
}
