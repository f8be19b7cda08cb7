package dev.meshwork.spec.load;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a node tree back as YAML that reads as the same tree: plain scalars stay plain, others
 * are double-quoted. Values at given field paths ({@code spec.transform.sql}) can be replaced by
 * a string, which is how an applied resource becomes self-contained (SQL inline, paths absolute).
 */
public final class NodeWriter {

  private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d._]*([eE][+-]?\\d+)?");
  private static final Pattern SAFE_PLAIN = Pattern.compile("[^\\s\\-?:,\\[\\]{}#&*!|>'\"%@`][^\\n]*");

  private final Map<String, Node> replacements;
  private final StringBuilder out = new StringBuilder();

  private NodeWriter(Map<String, Node> replacements) {
    this.replacements = replacements;
  }

  /** The YAML text of {@code root}, with the nodes of {@code replacements} at their field paths. */
  public static String write(Node root, Map<String, Node> replacements) {
    NodeWriter writer = new NodeWriter(replacements);
    writer.block(root, "", 0);
    return writer.out.toString();
  }

  /** A string node, for a replacement. */
  public static Node text(String value) {
    return new Node.Scalar(value, false, new Position("", 0, 0));
  }

  private void block(Node node, String path, int indent) {
    if (node instanceof Node.Mapping mapping && !mapping.entries().isEmpty()) {
      boolean first = true;
      for (Node.Entry entry : mapping.entries()) {
        if (!first || out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
          out.append(" ".repeat(indent));
        }
        first = false;
        out.append(scalar(entry.key().value(), entry.key().plain())).append(':');
        value(entry.value(), path.isEmpty() ? entry.key().value() : path + "." + entry.key().value(), indent);
      }
    } else if (node instanceof Node.Sequence sequence && !sequence.items().isEmpty()) {
      boolean first = true;
      for (int i = 0; i < sequence.items().size(); i++) {
        if (!first || out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
          out.append(" ".repeat(indent));
        }
        first = false;
        out.append("- ");
        String itemPath = path + "[" + i + "]";
        Node item = replacements.getOrDefault(itemPath, sequence.items().get(i));
        if (isCollection(item)) {
          block(item, itemPath, indent + 2);
        } else {
          out.append(inline(item, itemPath)).append('\n');
        }
      }
    } else {
      out.append(inline(node, path)).append('\n');
    }
  }

  private void value(Node original, String path, int indent) {
    Node node = replacements.getOrDefault(path, original);
    if (isCollection(node)) {
      out.append('\n');
      block(node, path, indent + 2);
    } else {
      out.append(' ').append(inline(node, path)).append('\n');
    }
  }

  private String inline(Node node, String path) {
    if (node instanceof Node.Mapping) {
      return "{}";
    }
    if (node instanceof Node.Sequence) {
      return "[]";
    }
    Node.Scalar scalar = (Node.Scalar) node;
    return scalar(scalar.value(), scalar.plain());
  }

  private static boolean isCollection(Node node) {
    return node instanceof Node.Mapping mapping && !mapping.entries().isEmpty()
        || node instanceof Node.Sequence sequence && !sequence.items().isEmpty();
  }

  private static String scalar(String value, boolean plain) {
    if (plain && value.isEmpty()) {
      return "null";
    }
    if (plain && NUMBER.matcher(value).matches()) {
      return value;
    }
    if (plain && SAFE_PLAIN.matcher(value).matches() && !value.contains(": ") && !value.contains(" #")
        && !value.endsWith(":") && !value.endsWith(" ")) {
      return value;
    }
    return quoted(value);
  }

  private static String quoted(String value) {
    StringBuilder text = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.append('"').toString();
  }
}
