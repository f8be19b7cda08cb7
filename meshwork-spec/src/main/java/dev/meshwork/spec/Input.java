package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Something a product reads. The transform SQL sees a source input's tables as {@code name.table}
 * and a product input as the relation {@code name}.
 */
public sealed interface Input permits Input.FromSource, Input.FromProduct {

  String name();

  /** Tables of a source of the product's own domain. */
  record FromSource(String name, String source, List<String> tables) implements Input {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    public FromSource {
      Names.checkIdentifier(name, "input name");
      Names.check(source, "source name");
      tables = tables == null ? List.of() : List.copyOf(tables);
      if (tables.isEmpty()) {
        throw new InvalidException("input " + name + " reads source " + source + " but names no tables");
      }
      for (String table : tables) {
        if (!TABLE.matcher(table).matches()) {
          throw new InvalidException("'" + table + "' is not a table name (expected table or schema.table)");
        }
      }
    }
  }

  /** The published snapshot of an upstream product; {@code version} is a range, null for the current major. */
  record FromProduct(String name, ProductRef product, String version) implements Input {
    public FromProduct {
      Names.checkIdentifier(name, "input name");
      if (product == null) {
        throw new InvalidException("input " + name + " needs a product");
      }
      if (version != null) {
        Versions.checkRange(version);
      }
    }
  }
}
