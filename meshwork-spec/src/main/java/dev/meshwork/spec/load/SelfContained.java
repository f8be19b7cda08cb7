package dev.meshwork.spec.load;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Source;
import dev.meshwork.spec.Transform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded resource written back as one YAML document that needs nothing beside it: a product's
 * SQL and README files are inlined (their names kept as {@code sqlFile} and {@code readmeFile})
 * and a files source's path is absolute.
 * The platform stores resources this way, and a client sends them to a server this way.
 */
public final class SelfContained {

  private SelfContained() {}

  /** The document of {@code loaded}, reading as the same resource wherever it is loaded. */
  public static String document(LoadedResource loaded) {
    return NodeWriter.write(loaded.root(), replacements(loaded));
  }

  private static Map<String, Node> replacements(LoadedResource loaded) {
    Map<String, Node> replacements = new HashMap<>();
    if (loaded.resource() instanceof DataProduct product) {
      Transform transform = product.spec().transform();
      if (transform.sqlFile() != null) {
        List<Node.Entry> entries = new ArrayList<>();
        entries.add(entry("sql", transform.sql()));
        entries.add(entry("sqlFile", transform.sqlFile()));
        if (transform.partitionBy() != null) {
          entries.add(entry("partitionBy", transform.partitionBy()));
        }
        replacements.put("spec.transform", new Node.Mapping(entries, new Position("", 0, 0)));
      }
      if (product.spec().readmeFile() != null && loaded.root() instanceof Node.Mapping root) {
        root.entry("spec").filter(spec -> spec.value() instanceof Node.Mapping).ifPresent(spec ->
            replacements.put("spec", withReadme((Node.Mapping) spec.value(), product.spec())));
      }
    }
    if (loaded.resource() instanceof Source source && source.spec().path() != null) {
      replacements.put("spec.path", NodeWriter.text(source.spec().path()));
    }
    return replacements;
  }

  /** The spec's fields with the README's text as {@code readme}, followed by {@code readmeFile} naming its file. */
  private static Node.Mapping withReadme(Node.Mapping spec, DataProduct.Spec product) {
    List<Node.Entry> entries = new ArrayList<>();
    for (Node.Entry entry : spec.entries()) {
      String key = entry.key().value();
      if (key.equals("readme")) {
        entries.add(entry("readme", product.readme()));
        entries.add(entry("readmeFile", product.readmeFile()));
      } else if (!key.equals("readmeFile")) {
        entries.add(entry);
      }
    }
    return new Node.Mapping(entries, spec.position());
  }

  private static Node.Entry entry(String key, String value) {
    return new Node.Entry(new Node.Scalar(key, true, new Position("", 0, 0)), NodeWriter.text(value));
  }
}
