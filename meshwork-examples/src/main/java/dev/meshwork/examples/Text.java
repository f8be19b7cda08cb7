package dev.meshwork.examples;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Values written as CSV fields and JSON values. Null is an empty CSV field and JSON null. */
final class Text {

  private Text() {}

  /**
   * One CSV line: fields quoted only when they must be (empty, or holding a comma, quote or line
   * break), as spreadsheets write them; padding stays unquoted, part of the value.
   */
  static String csvLine(Object... values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(csvField(values[i]));
    }
    return line.append('\n').toString();
  }

  private static String csvField(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof Instant instant ? timestamp(instant) : value.toString();
    boolean quote = text.isEmpty() || text.chars().anyMatch(c -> ",\"\n\r".indexOf(c) >= 0);
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  /** A JSON value: numbers as they are, everything else a string. */
  static String json(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = value instanceof Instant instant ? timestamp(instant) : value.toString();
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  /** ISO-8601 in UTC, {@code 2026-06-20T10:15:30Z}. */
  static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
