package dev.meshwork.core.build;

import dev.meshwork.core.keys.KeyStore;
import dev.meshwork.core.spi.Workspace;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.Column.Protection;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.error.InvalidException;
import java.util.ArrayList;
import java.util.List;

/**
 * Protects a build's output before it is written: every column whose protection is
 * {@code hash}, {@code mask} or {@code encrypt} is replaced, in the engine, by its protected
 * text, so nothing unprotected lands. {@code hash} and {@code mask} are SQL ({@link PiiSql});
 * {@code encrypt} encrypts each distinct value in Java with the domain's deterministic key
 * ({@link KeyStore#encrypt}), loads the pairs into the workspace and joins them in, so equal
 * values give equal ciphertext and encrypted keys still join. Protected columns must be strings.
 */
final class Protector {

  static final String PROTECTED = "__protected";
  private static final String MAPPING = "__pii_";
  private static final String SALT = "__pii_salt";

  private final KeyStore keys;

  Protector(KeyStore keys) {
    this.keys = keys;
  }

  /** Whether the product has a column to protect. */
  static boolean needed(DataProduct product) {
    return product.spec().schema().stream().anyMatch(Protector::protectedColumn);
  }

  /** Refuses a protected column that is not a string, before anything is read. */
  static void check(DataProduct product) {
    for (Column column : product.spec().schema()) {
      if (protectedColumn(column) && !column.type().isString()) {
        throw new InvalidException("column " + column.name() + " of " + product.ref() + " is " + column.type() + ": "
            + column.protection() + " needs a string column; cast it in the SQL");
      }
    }
  }

  /**
   * Writes the protected copy of {@code relation} (in contract order) and returns its name;
   * returns {@code relation} itself when no column is protected.
   */
  String protect(Workspace workspace, DataProduct product, String relation) {
    check(product);
    if (!needed(product)) {
      return relation;
    }
    String domain = product.ref().domain();
    List<String> select = new ArrayList<>();
    StringBuilder joins = new StringBuilder();
    int mappings = 0;
    boolean salted = false;
    for (Column column : product.spec().schema()) {
      String value = "o." + Sql.identifier(column.name());
      Protection protection = protectedColumn(column) ? column.protection() : Protection.NONE;
      String expression = switch (protection) {
        case HASH -> {
          if (!salted) {
            workspace.load(SALT, List.of("salt"), List.<Object[]>of(new Object[] {keys.saltHex(domain)}).iterator());
            joins.append("\nCROSS JOIN ").append(Sql.identifier(SALT));
            salted = true;
          }
          yield PiiSql.hash(value, Sql.identifier(SALT) + ".salt");
        }
        case MASK -> PiiSql.mask(value);
        case ENCRYPT -> {
          String mapping = MAPPING + mappings++;
          load(workspace, domain, relation, column.name(), mapping);
          joins.append("\nLEFT JOIN ").append(Sql.identifier(mapping)).append(" AS ").append(Sql.identifier(mapping))
              .append(" ON ").append(Sql.identifier(mapping)).append(".plain = ").append(value);
          yield Sql.identifier(mapping) + ".cipher";
        }
        case NONE -> value;
      };
      select.add(expression + " AS " + Sql.identifier(column.name()));
    }
    workspace.materialize(PROTECTED, "SELECT " + String.join(",\n  ", select) + "\nFROM " + Sql.relation(relation)
        + " AS o" + joins);
    return PROTECTED;
  }

  /** Encrypts the column's distinct values into table {@code mapping} (plain, cipher). */
  private void load(Workspace workspace, String domain, String relation, String column, String mapping) {
    List<String> distinct = distinct(workspace, relation, column);
    List<Object[]> pairs = new ArrayList<>(distinct.size());
    for (String plain : distinct) {
      pairs.add(new Object[] {plain, keys.encrypt(domain, plain)});
    }
    workspace.load(mapping, List.of("plain", "cipher"), pairs.iterator());
  }

  /** The distinct values of a column other than null, as text. */
  static List<String> distinct(Workspace workspace, String relation, String column) {
    String name = Sql.identifier(column);
    return workspace.query("SELECT DISTINCT " + name + " FROM " + Sql.relation(relation) + " WHERE " + name
        + " IS NOT NULL", Integer.MAX_VALUE - 1).rows().stream().map(row -> row.get(0).toString()).toList();
  }

  private static boolean protectedColumn(Column column) {
    return column.protection() != null && column.protection() != Protection.NONE;
  }
}
