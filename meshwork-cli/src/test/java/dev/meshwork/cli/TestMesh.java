package dev.meshwork.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A small mesh on disk for build tests: a domain {@code shop}, a CSV files source {@code sales}
 * and products written by each test, with a home of its own. Commands run through the CLI.
 */
final class TestMesh {

  static final String DOMAIN = """
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

  /** Sales by day: one row per sale, partitioned by day, with rules that the test data passes. */
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
        transform:
          sql: sales.sql
          partitionBy: day
        schema:
          - {name: sale_id, type: int64, required: true, unique: true}
          - {name: customer, type: string, required: true}
          - {name: amount, type: int64}
          - {name: day, type: date, required: true}
        quality:
          - {column: amount, rule: positive}
          - {rule: rowCount, mustBeGreaterThan: 0}
      """;

  static final String SALES_SQL = """
      -- one row per sale
      SELECT CAST(id AS BIGINT) AS sale_id, customer, CAST(amount AS BIGINT) AS amount, CAST(day AS DATE) AS day
      FROM raw.sales
      """;

  final Path dir;
  final Path specs;
  final Map<String, String> env = new HashMap<>();

  TestMesh(Path dir) {
    this.dir = dir;
    this.specs = dir.resolve("specs");
    env.put("MESH_HOME", dir.resolve("home").toString());
    write("specs/shop.yaml", DOMAIN);
    write("specs/sales.yaml", SALES);
    write("specs/sales.sql", SALES_SQL);
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

  TestMesh write(String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Cli mesh(String... args) {
    return Cli.run(env, args);
  }

  Cli apply() {
    return mesh("apply", "-f", specs.toString());
  }

  /** The single value a query returns, as text. */
  String scalar(String sql) {
    Cli result = mesh("query", sql, "-o", "json");
    if (result.exit() != 0) {
      throw new AssertionError("query failed: " + result.err());
    }
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out())
          .get("rows").get(0).elements().next().asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
