package dev.meshwork.server.web;

import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.ops.ProductDescription;
import dev.meshwork.server.web.Views.GraphEdge;
import dev.meshwork.server.web.Views.GraphNode;
import dev.meshwork.server.web.Views.GraphView;
import dev.meshwork.server.web.Views.LinkView;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.DeniedException;
import dev.meshwork.spec.error.NotFoundException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A product's lineage at any depth, laid out in layers: what it reads transitively on the left
 * (negative layers), the product in the middle (layer 0), what reads it transitively on the right.
 */
final class LineageGraph {

  static final int NODE_WIDTH = 190;
  static final int NODE_HEIGHT = 30;
  static final int COLUMN = 250;
  static final int ROW = 44;
  static final int MARGIN = 10;
  private static final int MAX_NODES = 200;
  private static final int MAX_LABEL = 24;

  private final Operations ops;
  private final Map<String, Integer> layers = new LinkedHashMap<>();
  private final Set<List<String>> edges = new LinkedHashSet<>();

  private LineageGraph(Operations ops) {
    this.ops = ops;
  }

  /** The graph of {@code description}'s product; entries read "product d.n" or "source d.n". */
  static GraphView of(Operations ops, ProductDescription description) {
    LineageGraph graph = new LineageGraph(ops);
    String self = "product " + description.product().ref();
    graph.layers.put(self, 0);
    graph.walk(self, description, true);
    graph.walk(self, description, false);
    return graph.layout(self);
  }

  /** Breadth first, so that each node sits at its shortest distance from the product; each visited once. */
  private void walk(String self, ProductDescription description, boolean upstream) {
    Deque<String> queue = new ArrayDeque<>();
    Map<String, ProductDescription> known = new LinkedHashMap<>();
    known.put(self, description);
    queue.add(self);
    while (!queue.isEmpty() && layers.size() < MAX_NODES) {
      String node = queue.poll();
      ProductDescription d = known.containsKey(node) ? known.get(node) : describe(node);
      if (d == null) {
        continue;
      }
      int layer = layers.get(node);
      for (String next : upstream ? d.upstream() : d.downstream()) {
        edges.add(upstream ? List.of(next, node) : List.of(node, next));
        if (!layers.containsKey(next)) {
          layers.put(next, layer + (upstream ? -1 : 1));
          queue.add(next);
        }
      }
    }
  }

  private ProductDescription describe(String node) {
    if (!node.startsWith("product ")) {
      return null;
    }
    try {
      return ops.describe(ProductRef.parse(node.substring("product ".length())));
    } catch (NotFoundException | DeniedException e) {
      return null;
    }
  }

  private GraphView layout(String self) {
    Map<Integer, List<String>> columns = new TreeMap<>();
    layers.forEach((node, layer) -> columns.computeIfAbsent(layer, k -> new ArrayList<>()).add(node));
    int first = columns.isEmpty() ? 0 : ((TreeMap<Integer, List<String>>) columns).firstKey();
    int rows = columns.values().stream().mapToInt(List::size).max().orElse(1);
    Map<String, int[]> at = new LinkedHashMap<>();
    List<GraphNode> nodes = new ArrayList<>();
    for (Map.Entry<Integer, List<String>> column : columns.entrySet()) {
      int x = MARGIN + (column.getKey() - first) * COLUMN;
      for (int i = 0; i < column.getValue().size(); i++) {
        String node = column.getValue().get(i);
        int y = MARGIN + i * ROW;
        at.put(node, new int[] {x, y});
        boolean product = node.startsWith("product ");
        String name = node.substring(node.indexOf(' ') + 1);
        String label = (product ? "" : "source ") + name;
        nodes.add(new GraphNode(label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label,
            node, product ? "/products/" + name : null, x, y, node.equals(self) ? "self" : product ? "product" : "source"));
      }
    }
    List<GraphEdge> lines = new ArrayList<>();
    for (List<String> edge : edges) {
      int[] from = at.get(edge.get(0));
      int[] to = at.get(edge.get(1));
      if (from != null && to != null) {
        lines.add(new GraphEdge(from[0] + NODE_WIDTH, from[1] + NODE_HEIGHT / 2, to[0], to[1] + NODE_HEIGHT / 2));
      }
    }
    int width = 2 * MARGIN + (columns.size() - 1) * COLUMN + NODE_WIDTH;
    int height = 2 * MARGIN + (rows - 1) * ROW + NODE_HEIGHT;
    return new GraphView(width, height, nodes, lines, list(self, true), list(self, false));
  }

  /** The text fallback: every node on one side, nearest first, products linking to their pages. */
  private List<LinkView> list(String self, boolean upstream) {
    List<LinkView> links = new ArrayList<>();
    layers.entrySet().stream()
        .filter(e -> !e.getKey().equals(self) && (upstream ? e.getValue() < 0 : e.getValue() > 0))
        .sorted(java.util.Comparator.comparingInt(e -> Math.abs(e.getValue())))
        .forEach(e -> {
          int steps = Math.abs(e.getValue());
          String label = e.getKey() + (steps > 1 ? " (" + steps + " steps away)" : "");
          links.add(new LinkView(label, e.getKey().startsWith("product ")
              ? "/products/" + e.getKey().substring("product ".length()) : null));
        });
    return links;
  }
}
