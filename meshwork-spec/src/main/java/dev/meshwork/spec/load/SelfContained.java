package dev.meshwork.spec.load;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Resource;
import dev.meshwork.spec.Source;
import dev.meshwork.spec.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A loaded resource written back as one YAML document that needs nothing beside it: a product's
 * SQL file is inlined (its name kept as {@code sqlFile}) and a files source's path is absolute.
 * The platform stores resources this way, and a client sends them to a server this way.
 */
public final class SelfContained {

  private SelfContained() {}

  /** The document of {@code loaded}, reading as the same resource wherever it is loaded. */
  public static String document(LoadedResource loaded) {
    return NodeWriter.write(loaded.root(), replacements(loaded.resource()));
  }

  private static Map<String, Node> replacements(Resource resource) {
    if (resource instanceof DataProduct product && product.spec().transform().sqlFile() != null) {
      Transform transform = product.spec().transform();
      List<Node.Entry> entries = new ArrayList<>();
      entries.add(entry("sql", transform.sql()));
      entries.add(entry("sqlFile", transform.sqlFile()));
      if (transform.partitionBy() != null) {
        entries.add(entry("partitionBy", transform.partitionBy()));
      }
      return Map.of("spec.transform", new Node.Mapping(entries, new Position("", 0, 0)));
    }
    if (resource instanceof Source source && source.spec().path() != null) {
      return Map.of("spec.path", NodeWriter.text(source.spec().path()));
    }
    return Map.of();
  }

  private static Node.Entry entry(String key, String value) {
    return new Node.Entry(new Node.Scalar(key, true, new Position("", 0, 0)), NodeWriter.text(value));
  }
}
