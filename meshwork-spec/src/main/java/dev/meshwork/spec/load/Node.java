package dev.meshwork.spec.load;

import java.util.List;
import java.util.Optional;

/** A parsed YAML/JSON value that remembers where it was written. */
public sealed interface Node {

  Position position();

  /** What this node is, in the words an error message uses: "a string", "a list", "a mapping". */
  String describe();

  /** A scalar as written; {@code plain} is false for quoted and block scalars. */
  record Scalar(String value, boolean plain, Position position) implements Node {
    public boolean isNull() {
      return plain && (value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null"));
    }

    @Override
    public String describe() {
      return isNull() ? "nothing (null)" : "'" + abbreviate(value) + "'";
    }

    private static String abbreviate(String text) {
      String oneLine = text.replace("\n", "\\n");
      return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }
  }

  record Mapping(List<Entry> entries, Position position) implements Node {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().value().equals(key)).findFirst();
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Entry(Scalar key, Node value) {}

  record Sequence(List<Node> items, Position position) implements Node {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
