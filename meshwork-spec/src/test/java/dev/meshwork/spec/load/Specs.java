package dev.meshwork.spec.load;

/** Small valid resources that tests change one thing in. */
final class Specs {

  static final String DOMAIN = """
      apiVersion: meshwork/v1
      kind: Domain
      metadata:
        name: orders
      spec:
        description: Order lifecycle
        owner: payments-team@example.com
        members: [ana@example.com]
        type: source-aligned
      """;

  static final String FILES_SOURCE = """
      apiVersion: meshwork/v1
      kind: Source
      metadata: {name: clicks, domain: orders}
      spec:
        type: files
        path: data/clicks/*.parquet
        format: parquet
      """;

  static final String FILES_SOURCE_JSON = """
      {
      \t"apiVersion": "meshwork/v1",
      \t"kind": "Source",
      \t"metadata": {"name": "clicks", "domain": "orders"},
      \t"spec": {"type": "files", "path": "data/*.csv", "format": "csv", "csv": {"header": true}}
      }
      """;

  static final String POSTGRES_SOURCE = """
      apiVersion: meshwork/v1
      kind: Source
      metadata:
        name: orders-db
        domain: orders
      spec:
        type: postgres
        url: jdbc:postgresql://localhost:5432/orders
        user: ${env:ORDERS_DB_USER}
        password: ${env:ORDERS_DB_PASSWORD}
      """;

  static final String PRODUCT = """
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata:
        name: daily
        domain: orders
        title: Orders — Daily Summary
        owner: payments-team@example.com
        description: One row per order, refreshed daily by 08:00 UTC.
        tags: [orders, finance]
      spec:
        version: 2.0.0
        classification: INTERNAL
        containsPII: true
        retentionDays: 730
        transform:
          sql: daily.sql
          partitionBy: created_date
        schema:
          - {name: order_id, type: uuid, required: true, unique: true, primaryKey: true}
          - {name: status, type: string, enum: [PENDING, SHIPPED]}
          - {name: total_cents, type: int64}
          - {name: item_count, type: INTEGER}
          - {name: created_date, type: date}
          - {name: email, type: text, pii: true, protection: encrypt}
        quality:
          - {column: order_id, rule: notNull}
          - {column: total_cents, rule: positive, threshold: 99.9%}
          - {rule: rowCount, mustBeGreaterThan: 0}
          - {rule: sql, query: "SELECT count(*) FROM {table} WHERE item_count < 0", mustBe: 0, severity: warn}
        sla:
          freshness: {daily: "08:00 UTC"}
          availability: 99.9%
          qualityScore: 95%
        schedule: "0 6 * * *"
        outputPorts:
          - {type: table}
          - {type: stream, topic: orders.daily.v2}
      """;

  private Specs() {}
}
