package dev.meshwork.core.build;

import dev.meshwork.core.keys.KeyStore;
import dev.meshwork.core.spi.Workspace;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.Column.Protection;
import dev.meshwork.spec.DataProduct;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The read side of PII protection: makes a published product readable as {@code domain.name} for a
 * consumer, its PII in clear or masked according to their grant. An encrypted column is decrypted
 * (each distinct ciphertext once, in Java, with the domain's key) and then, without PII in the
 * grant, masked; a PII column left unprotected is masked without it; hashed and masked columns are
 * read as published, whatever the grant, since nothing can undo them.
 */
public final class Revealer {

  private static final String RAW = "__published.";
  private static final String CLEAR = "__clear.";
  private static final String FIRST = "__first.";

  private final KeyStore keys;

  public Revealer(KeyStore keys) {
    this.keys = keys;
  }

  /** Attaches the snapshot's {@code files} of {@code product} as its {@code domain.name} for a reader. */
  public void attach(Workspace workspace, DataProduct product, List<Path> files, boolean pii) {
    attach(workspace, product, files, pii, 0);
  }

  /**
   * As above, reading only the first {@code firstRows} rows when above 0 (a sample): only their
   * encrypted values are then decrypted, not every distinct value of the table.
   */
  public void attach(Workspace workspace, DataProduct product, List<Path> files, boolean pii, int firstRows) {
    String name = product.ref().toString();
    if (!needed(product, pii)) {
      workspace.attachParquet(name, files, product.spec().schema());
      return;
    }
    String flat = product.ref().domain() + "__" + product.ref().name();
    String raw = RAW + flat;
    workspace.attachParquet(raw, files, product.spec().schema());
    if (firstRows > 0) {
      String first = FIRST + flat;
      workspace.materialize(first, "SELECT * FROM " + Sql.relation(raw) + " LIMIT " + firstRows);
      raw = first;
    }
    List<String> select = new ArrayList<>();
    StringBuilder joins = new StringBuilder();
    int mappings = 0;
    for (Column column : product.spec().schema()) {
      String value = "o." + Sql.identifier(column.name());
      String expression = value;
      if (column.pii() && column.protection() == Protection.ENCRYPT) {
        String mapping = CLEAR + flat + "__" + mappings++;
        String alias = "m" + mappings;
        decrypt(workspace, product.ref().domain(), raw, column.name(), mapping);
        joins.append("\nLEFT JOIN ").append(Sql.relation(mapping)).append(" AS ").append(alias)
            .append(" ON ").append(alias).append(".cipher = ").append(value);
        expression = pii ? alias + ".plain" : PiiSql.mask(alias + ".plain");
      } else if (column.pii() && !pii && (column.protection() == null || column.protection() == Protection.NONE)) {
        expression = PiiSql.mask(value);
      }
      select.add(expression + " AS " + Sql.identifier(column.name()));
    }
    workspace.view(name, "SELECT " + String.join(",\n  ", select) + "\nFROM " + Sql.relation(raw) + " AS o" + joins);
  }

  private static boolean needed(DataProduct product, boolean pii) {
    for (Column column : product.spec().schema()) {
      if (column.pii() && column.protection() == Protection.ENCRYPT) {
        return true;
      }
      if (column.pii() && !pii && (column.protection() == null || column.protection() == Protection.NONE)) {
        return true;
      }
    }
    return false;
  }

  /** Decrypts the column's distinct values into table {@code mapping} (cipher, plain). */
  private void decrypt(Workspace workspace, String domain, String relation, String column, String mapping) {
    List<String> distinct = Protector.distinct(workspace, relation, column);
    List<Object[]> pairs = new ArrayList<>(distinct.size());
    for (String cipher : distinct) {
      pairs.add(new Object[] {cipher, keys.decrypt(domain, cipher)});
    }
    workspace.load(mapping, List.of("cipher", "plain"), pairs.iterator());
  }
}
