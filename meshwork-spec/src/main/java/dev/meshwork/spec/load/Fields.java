package dev.meshwork.spec.load;

import dev.meshwork.spec.Suggest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads the fields of one mapping into typed values, recording a positioned problem for each
 * missing, mistyped or unknown field instead of stopping at the first.
 */
final class Fields {

  private final Node.Mapping map;
  private final String path;
  private final Problems problems;

  private Fields(Node.Mapping map, String path, Problems problems) {
    this.map = map;
    this.path = path;
    this.problems = problems;
  }

  /** The fields of {@code node}, or null (with a problem) when it is not a mapping. */
  static Fields of(Node node, String path, Problems problems) {
    if (node instanceof Node.Mapping mapping) {
      return new Fields(mapping, path, problems);
    }
    problems.error(node, path, "expected a mapping of fields, found " + node.describe());
    return null;
  }

  Node.Mapping node() {
    return map;
  }

  String path() {
    return path;
  }

  Problems problems() {
    return problems;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return map.entry(key).filter(e -> !isNull(e.value())).isPresent();
  }

  /** The value node, or null when absent or null; reports a missing required field. */
  Node value(String key, boolean required) {
    Node value = map.entry(key).map(Node.Entry::value).orElse(null);
    if (value == null || isNull(value)) {
      if (required) {
        problems.error(value == null ? map : value, pathOf(key), "missing required field '" + key + "'");
      }
      return null;
    }
    return value;
  }

  String string(String key, boolean required) {
    Node value = value(key, required);
    return value == null ? null : scalarText(value, pathOf(key), "a string");
  }

  /** A string turned into a value by {@code parser}, whose InvalidException becomes a problem. */
  <T> T parse(String key, boolean required, Function<String, T> parser) {
    Node value = value(key, required);
    String text = value == null ? null : scalarText(value, pathOf(key), "a string");
    return text == null ? null : problems.attempt(value, pathOf(key), () -> parser.apply(text));
  }

  Boolean bool(String key) {
    Node value = value(key, false);
    String text = value == null ? null : plainScalar(value, pathOf(key), "true or false");
    if (text == null) {
      return null;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.error(value, pathOf(key), "expected true or false, found '" + text + "'");
        yield null;
      }
    };
  }

  Integer integer(String key, boolean required) {
    Node value = value(key, required);
    String text = value == null ? null : plainScalar(value, pathOf(key), "a whole number");
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.replace("_", ""));
    } catch (NumberFormatException e) {
      problems.error(value, pathOf(key), "expected a whole number, found '" + text + "'");
      return null;
    }
  }

  BigDecimal number(String key, boolean required) {
    Node value = value(key, required);
    return value == null ? null : number(value, pathOf(key));
  }

  BigDecimal number(Node value, String at) {
    String text = plainScalar(value, at, "a number");
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.replace("_", ""));
    } catch (NumberFormatException e) {
      problems.error(value, at, "expected a number, found '" + text + "'");
      return null;
    }
  }

  /** A list of strings; a single string is not accepted in place of a list. */
  List<String> strings(String key, boolean required) {
    return list(key, required, (item, at) -> scalarText(item, at, "a string"));
  }

  /** A list whose items {@code read} turns into values; items it cannot read are left out. */
  <T> List<T> list(String key, boolean required, BiFunction<Node, String, T> read) {
    Node value = value(key, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Node.Sequence sequence)) {
      problems.error(value, pathOf(key), "expected a list, found " + value.describe()
          + (value instanceof Node.Scalar ? " (write [" + ((Node.Scalar) value).value() + "] for a list of one)" : ""));
      return null;
    }
    List<T> items = new ArrayList<>();
    for (int i = 0; i < sequence.items().size(); i++) {
      T item = read.apply(sequence.items().get(i), pathOf(key) + "[" + i + "]");
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }

  /** A nested mapping's fields, or null when absent (reported when required) or not a mapping. */
  Fields mapping(String key, boolean required) {
    Node value = value(key, required);
    return value == null ? null : of(value, pathOf(key), problems);
  }

  /** Reports every field not in {@code allowed}, suggesting the closest allowed one. */
  void rejectUnknown(Collection<String> allowed) {
    rejectUnknown(allowed, List.of(), "");
  }

  /**
   * Like {@link #rejectUnknown(Collection)}, but a field that belongs to another variant (a
   * files-only field on a postgres source) is reported as {@code field 'x' <notHere>}.
   */
  void rejectUnknown(Collection<String> allowed, Collection<String> otherVariants, String notHere) {
    for (Node.Entry entry : map.entries()) {
      String key = entry.key().value();
      if (allowed.contains(key)) {
        continue;
      }
      if (otherVariants.contains(key)) {
        problems.error(entry.key(), pathOf(key), "field '" + key + "' " + notHere);
      } else {
        problems.error(entry.key(), pathOf(key), "unknown field '" + key + "'" + Suggest.hint(key, allowed)
            + " (expected one of " + String.join(", ", allowed) + ")");
      }
    }
  }

  /** The text of a scalar, or null with a problem when the node is a list or mapping. */
  String scalarText(Node node, String at, String expected) {
    if (node instanceof Node.Scalar scalar) {
      return scalar.value();
    }
    problems.error(node, at, "expected " + expected + ", found " + node.describe());
    return null;
  }

  private String plainScalar(Node node, String at, String expected) {
    String text = scalarText(node, at, expected);
    if (text != null && !((Node.Scalar) node).plain()) {
      problems.error(node, at, "expected " + expected + ", found the quoted string '" + text + "'");
      return null;
    }
    return text;
  }

  private static boolean isNull(Node node) {
    return node instanceof Node.Scalar scalar && scalar.isNull();
  }
}
