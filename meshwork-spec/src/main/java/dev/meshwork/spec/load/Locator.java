package dev.meshwork.spec.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the node a field path names, {@code spec.schema[3].type}, falling back to the nearest parent. */
final class Locator {

  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private Locator() {}

  static Position find(Node root, String path) {
    Node current = root;
    Matcher step = STEP.matcher(path == null ? "" : path);
    while (step.find()) {
      Node next = null;
      if (step.group(1) != null && current instanceof Node.Mapping mapping) {
        next = mapping.entry(step.group(1)).map(Node.Entry::value).orElse(null);
      } else if (step.group(2) != null && current instanceof Node.Sequence sequence) {
        int index = Integer.parseInt(step.group(2));
        next = index < sequence.items().size() ? sequence.items().get(index) : null;
      }
      if (next == null) {
        break;
      }
      current = next;
    }
    return current.position();
  }
}
