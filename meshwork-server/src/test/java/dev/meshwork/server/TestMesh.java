package dev.meshwork.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny mesh for server tests: a domain {@code shop} with a CSV files source and a product
 * {@code shop.sales} over it, as one YAML text to POST; the CSV data is written under a folder
 * that relative paths in the YAML resolve against.
 */
final class TestMesh {

  static final String YAML = """
      apiVersion: meshwork/v1
      kind: Domain
      metadata: {name: shop, title: Shop}
      spec: {description: The web shop and its sales, owner: shop-team@example.com, type: source-aligned}
      ---
      apiVersion: meshwork/v1
      kind: Source
      metadata: {name: sales-files, domain: shop}
      spec: {type: files, path: data/sales/*.csv, format: csv}
      ---
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: sales, domain: shop, title: Shop sales, owner: shop-team@example.com,
                 description: One row per sale of the web shop}
      spec:
        version: 1.0.0
        classification: INTERNAL
        retentionDays: 365
        inputs: [{name: raw, source: sales-files, tables: [sales]}]
        transform:
          sql: |
            SELECT CAST(id AS BIGINT) AS sale_id, customer, CAST(amount AS BIGINT) AS amount FROM raw.sales
        schema:
          - {name: sale_id, type: int64, required: true, unique: true}
          - {name: customer, type: string, required: true}
          - {name: amount, type: int64}
        quality:
          - {rule: rowCount, mustBeGreaterThan: 0}
      """;

  /** A product whose quality rule the data fails, so its builds fail. */
  static final String STRICT = """
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: strict_sales, domain: shop, title: Strict sales, owner: shop-team@example.com,
                 description: Sales held to a row count the data does not reach}
      spec:
        version: 1.0.0
        classification: INTERNAL
        retentionDays: 365
        inputs: [{name: raw, source: sales-files, tables: [sales]}]
        transform:
          sql: SELECT CAST(id AS BIGINT) AS sale_id FROM raw.sales
        schema:
          - {name: sale_id, type: int64, required: true}
        quality:
          - {rule: rowCount, mustBeGreaterThan: 1000}
      """;

  private TestMesh() {}

  /** Writes the CSV data under {@code dir}. */
  static void writeData(Path dir) {
    try {
      Path sales = Files.createDirectories(dir.resolve("data/sales"));
      Files.writeString(sales.resolve("2026-11-01.csv"), """
          id,customer,amount
          1,ana,1200
          2,li,300
          3,bo,4500
          """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
