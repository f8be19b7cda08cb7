package dev.meshwork.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.server.Json;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A contract the server writes as JSON reads back as the same contract, every part of it. */
class SpecModuleTest {

  static final String EVERYTHING = """
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: everything, domain: shop, title: Every part, owner: shop-team@example.com,
                 description: A contract with every kind of part, tags: [a, b]}
      spec:
        version: 1.2.3
        classification: CONFIDENTIAL
        containsPII: true
        retentionDays: 90
        inputs:
          - {name: raw, source: sales-files, tables: [sales, public.refunds]}
          - {name: profile, product: customers.profile, version: "^1"}
          - {name: other, product: customers.other}
        transform: {sql: "SELECT 1 AS id", partitionBy: day}
        schema:
          - {name: id, type: int64, required: true, unique: true, primaryKey: true, description: The id}
          - {name: email, type: string, pii: true, protection: hash}
          - {name: status, type: varchar(10), enum: [NEW, DONE]}
          - {name: price, type: "decimal(10,2)"}
          - {name: tags, type: "list<string>"}
          - {name: day, type: date}
          - {name: at, type: timestamptz}
        quality:
          - {column: id, rule: notNull}
          - {columns: [id, day], rule: unique, name: id_per_day, description: One row per id and day}
          - {column: status, rule: accepted, values: [NEW, DONE], severity: warn}
          - {column: price, rule: range, min: 0.5, max: 1000.25, threshold: 99.9%}
          - {column: email, rule: pattern, pattern: "^[0-9a-f]+$", mustBeLessThan: 3}
          - {column: price, rule: positive, mustBeBetween: [0, 2]}
          - {column: price, rule: nonNegative, mustNotBeBetween: [5, 10]}
          - {column: status, rule: length, min: 1, max: 10}
          - {rule: rowCount, mustBeGreaterOrEqualTo: 1}
          - {column: at, rule: freshness, maxAge: 2h}
          - {column: id, rule: relationship, references: customers.profile.customer_id}
          - {rule: sql, query: "SELECT count(*) FROM {table} WHERE price > 900", mustNotBe: 7}
        sla: {freshness: {daily: "08:30 Europe/Paris"}, availability: 99.95%, qualityScore: 100%}
        schedule: "0 6 * * *"
        outputPorts: [{type: table}, {type: files, format: csv, description: Exports}, {type: stream, topic: everything}]
        access: {approval: governance}
        changelog:
          - {version: 1.2.3, date: 2026-06-01, note: Added tags}
        declassification: {justification: "Aggregates only; no row names a customer"}
      """;

  @Test
  void readsEveryPartOfAContract() {
    DataProduct product = load(EVERYTHING);
    assertThat(roundTrip(product)).isEqualTo(product);
  }

  @Test
  void readsAMaxAgeFreshness() {
    DataProduct product = load(EVERYTHING.replace("freshness: {daily: \"08:30 Europe/Paris\"}", "freshness: {maxAge: 45m}"));
    assertThat(roundTrip(product)).isEqualTo(product);
  }

  @Test
  void readsEveryProductOfTheSampleMesh() {
    List<DataProduct> products = new Loader(Path.of("..")).load(List.of(Path.of("..", "examples"))).resources().stream()
        .map(LoadedResource::resource).filter(DataProduct.class::isInstance).map(DataProduct.class::cast).toList();
    assertThat(products).hasSize(8);
    for (DataProduct product : products) {
      assertThat(roundTrip(product)).as(product.id()).isEqualTo(product);
    }
  }

  private static DataProduct roundTrip(DataProduct product) {
    return ClientJson.read(ClientJson.tree(Json.write(product)), DataProduct.class, "the product");
  }

  private static DataProduct load(String yaml) {
    Loader.Result loaded = new Loader(Path.of("")).loadText(Path.of("everything.yaml"), yaml);
    assertThat(loaded.problems()).isEmpty();
    return (DataProduct) loaded.resources().get(0).resource();
  }
}
