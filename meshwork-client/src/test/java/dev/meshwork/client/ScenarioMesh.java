package dev.meshwork.client;

import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small mesh on disk for the scenarios: a domain {@code shop} with a CSV files source, a
 * product {@code shop.sales} whose SQL is a file beside its spec, a product
 * {@code shop.strict_sales} whose quality rule the data fails, and a warning policy on apply.
 * File names in problems are relative to the folder, as {@code mesh apply} shows them.
 */
final class ScenarioMesh {

  static final String SHOP = """
      apiVersion: meshwork/v1
      kind: Domain
      metadata: {name: shop, title: Shop}
      spec: {description: The web shop and its sales, owner: shop-team@example.com, type: source-aligned}
      ---
      apiVersion: meshwork/v1
      kind: Source
      metadata: {name: sales-files, domain: shop}
      spec: {type: files, path: data/sales/*.csv, format: csv}
      """;

  static final String SALES = """
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: sales, domain: shop, title: Shop sales, owner: shop-team@example.com,
                 description: One row per sale of the web shop}
      spec:
        version: 1.0.0
        classification: INTERNAL
        retentionDays: 365
        inputs: [{name: raw, source: sales-files, tables: [sales]}]
        transform: {sql: sales.sql, partitionBy: day}
        schema:
          - {name: sale_id, type: int64, required: true, unique: true}
          - {name: customer, type: string, required: true}
          - {name: amount, type: int64}
          - {name: day, type: date, required: true}
        quality:
          - {column: amount, rule: positive, threshold: 99%}
          - {rule: rowCount, mustBeBetween: [1, 1000]}
        sla: {freshness: {maxAge: 30d}, qualityScore: 95%}
        outputPorts: [{type: table}, {type: sql}]
      """;

  static final String SALES_SQL = """
      SELECT CAST(id AS BIGINT) AS sale_id, customer, CAST(amount AS BIGINT) AS amount, CAST(day AS DATE) AS day
      FROM raw.sales
      """;

  static final String STRICT = """
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: strict_sales, domain: shop, title: Strict sales, owner: shop-team@example.com,
                 description: Sales held to a row count the data does not reach, tags: [sales]}
      spec:
        version: 1.0.0
        classification: INTERNAL
        retentionDays: 30
        inputs: [{name: raw, source: sales-files, tables: [sales]}]
        transform:
          sql: SELECT CAST(id AS BIGINT) AS sale_id FROM raw.sales
        schema:
          - {name: sale_id, type: int64, required: true}
        quality:
          - {rule: rowCount, mustBeGreaterThan: 1000}
      """;

  static final String POLICY = """
      apiVersion: meshwork/v1
      kind: Policy
      metadata: {name: products-tagged, title: Products are tagged}
      spec:
        description: Tags help consumers find products.
        scope: global
        on: [apply]
        severity: warning
        rule: "product.metadata.tags.size() > 0"
        message: a data product should have tags
      """;

  /** A product reading a source its domain does not have. */
  static final String BROKEN = """
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: broken, domain: shop, owner: shop-team@example.com, tags: [broken]}
      spec:
        version: 1.0.0
        classification: INTERNAL
        retentionDays: 30
        inputs: [{name: raw, source: no-such-files, tables: [sales]}]
        transform: {sql: SELECT 1 AS id}
        schema:
          - {name: id, type: int64}
      """;

  final Path dir;

  ScenarioMesh(Path dir) {
    this.dir = dir;
    write("specs/policy.yaml", POLICY);
    write("specs/shop.yaml", SHOP);
    write("specs/sales.yaml", SALES);
    write("specs/sales.sql", SALES_SQL);
    write("specs/strict.yaml", STRICT);
    write("broken/broken.yaml", BROKEN);
    write("specs/data/sales/2026-11-01.csv", """
        id,customer,amount,day
        1,ana,1200,2026-11-01
        2,li,300,2026-11-01
        3,bo,4500,2026-11-01
        """);
    write("specs/data/sales/2026-11-02.csv", """
        id,customer,amount,day
        4,ana,800,2026-11-02
        5,kim,150,2026-11-02
        """);
  }

  /** The resources under {@code folder}, as mesh apply loads them. */
  List<LoadedResource> load(String folder) {
    Loader.Result loaded = new Loader(dir).load(List.of(dir.resolve(folder)));
    if (!loaded.problems().isEmpty()) {
      throw new AssertionError("the scenario mesh does not load: " + loaded.problems());
    }
    return loaded.resources();
  }

  private void write(String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
