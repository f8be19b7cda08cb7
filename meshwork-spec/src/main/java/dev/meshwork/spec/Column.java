package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.util.List;

/** One column of a product's contract (ODCS field names). */
public record Column(String name, ColumnType type, boolean required, boolean unique, boolean primaryKey,
                     String description, List<String> enumValues, boolean pii, Protection protection) {

  public Column {
    Names.checkIdentifier(name, "column name");
    if (type == null) {
      throw new InvalidException("column " + name + " needs a type");
    }
    enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
  }

  /** How the platform protects PII before anything lands. */
  public enum Protection {
    ENCRYPT, HASH, MASK, NONE;

    @Override
    public String toString() {
      return Enums.kebab(this);
    }
  }
}
