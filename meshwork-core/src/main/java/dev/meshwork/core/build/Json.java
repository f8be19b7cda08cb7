package dev.meshwork.core.build;

import java.util.List;
import java.util.Map;

/** Writes the small JSON documents the platform records and sends (failing example rows, alerts). */
public final class Json {

  private Json() {}

  static String rows(List<Map<String, String>> rows) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < rows.size(); i++) {
      out.append(i == 0 ? "" : ",").append('{');
      boolean first = true;
      for (Map.Entry<String, String> cell : rows.get(i).entrySet()) {
        out.append(first ? "" : ",").append(string(cell.getKey())).append(':')
            .append(cell.getValue() == null ? "null" : string(cell.getValue()));
        first = false;
      }
      out.append('}');
    }
    return out.append(']').toString();
  }

  /** A JSON string literal. */
  public static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
