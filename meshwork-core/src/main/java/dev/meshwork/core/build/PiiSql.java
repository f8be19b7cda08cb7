package dev.meshwork.core.build;

/**
 * The SQL expressions that hash and mask a text value, so that the engine protects PII without a
 * round trip through Java. Both keep null as null.
 */
public final class PiiSql {

  /** A text value matching this is an e-mail address: one {@code @}, something on both sides. */
  private static final String EMAIL = "'^[^@]+@[^@]+$'";

  private PiiSql() {}

  /**
   * Lowercase hex of SHA-256 over the salt's hex text followed by the value's text;
   * {@code salt} is an SQL expression (the builder reads it from a loaded table, so that the
   * salt never appears in SQL text or in an engine's error message).
   */
  public static String hash(String expression, String salt) {
    return "sha256(" + salt + " || CAST(" + expression + " AS VARCHAR))";
  }

  /**
   * A masked copy of the same length: an e-mail keeps the first character of its local part and
   * its domain ({@code j***@example.com}; a one-character local part becomes {@code *}); other
   * text keeps its last 4 characters ({@code ****1234}); text of 4 characters or fewer is all
   * {@code *}.
   */
  public static String mask(String expression) {
    String x = "CAST(" + expression + " AS VARCHAR)";
    String at = "strpos(" + x + ", '@')";
    return """
        CASE
          WHEN %1$s IS NULL THEN NULL
          WHEN regexp_matches(%1$s, %2$s) THEN
            (CASE WHEN %3$s > 2 THEN left(%1$s, 1) || repeat('*', %3$s - 2) ELSE '*' END) || substr(%1$s, %3$s)
          WHEN length(%1$s) <= 4 THEN repeat('*', length(%1$s))
          ELSE repeat('*', length(%1$s) - 4) || right(%1$s, 4)
        END""".formatted(x, EMAIL, at);
  }
}
