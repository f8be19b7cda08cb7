package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A product's README: Markdown kept with its contract, written inline as {@code spec.readme} or
 * in a {@code .md} file that {@code spec.readme} names, and shown on the product's catalog page.
 */
public final class Readme {

  /** The largest README, in bytes of UTF-8. */
  public static final int MAX_BYTES = 256 * 1024;

  private Readme() {}

  /** Whether a {@code readme} value names a Markdown file rather than holding the text itself. */
  public static boolean namesFile(String value) {
    String trimmed = value.trim();
    return trimmed.toLowerCase(Locale.ROOT).endsWith(".md") && !trimmed.contains("\n") && !trimmed.contains(" ");
  }

  /**
   * {@code text}, when it is a README a product may hold: not blank, at most {@link #MAX_BYTES}.
   * {@code file} is the file it was read from, or null when it was written inline.
   */
  public static String check(String text, String file) {
    String what = file == null ? "the README" : "the README file " + file;
    if (text.isBlank()) {
      throw new InvalidException(what + " is empty");
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new InvalidException(what + " is " + bytes + " bytes; " + limit());
    }
    return text;
  }

  /** The limit, as messages state it. */
  public static String limit() {
    return "the limit is " + MAX_BYTES + " bytes (" + MAX_BYTES / 1024 + " KiB)";
  }
}
