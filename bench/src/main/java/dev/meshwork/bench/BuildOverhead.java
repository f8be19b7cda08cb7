package dev.meshwork.bench;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.load.Loader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Build overhead: an orders source of N rows built into a daily product with 10 quality rules,
 * against a plain DuckDB program that runs only the same SQL and writes the same Parquet.
 */
final class BuildOverhead {

  private static final String TRANSFORM = """
      SELECT id AS order_id, tenant_id, upper(status) AS status, total_cents,
             item_count, CAST(created_at AS DATE) AS created_date
      FROM %s""";

  private BuildOverhead() {}

  static void run(long rows) throws Exception {
    Path work = Files.createTempDirectory("meshwork-bench-build");
    Path source = work.resolve("orders.parquet");
    generate(source, rows);
    writeSpecs(work, source);
    List<Double> plain = new ArrayList<>();
    List<Double> platform = new ArrayList<>();
    Home home = new Home(work.resolve("home"));
    StageTimes stages = new StageTimes();
    try (Platform mesh = Platform.open(home, Map.of(), Clock.systemUTC())) {
      mesh.operations().apply(new Loader(work).load(List.of(work.resolve("specs"))).resources());
      for (int round = 0; round < 5; round++) {
        plain.add(plainDuckDb(source, work.resolve("plain-" + round)));
        long start = System.nanoTime();
        BuildRecord build = mesh.operations().build(
            new BuildRequest(ProductRef.parse("bench.daily"), null, null, null, true), stages.reset()).get(0);
        platform.add(Bench.seconds(System.nanoTime() - start));
        if (build.status() != BuildRecord.Status.PUBLISHED) {
          throw new IllegalStateException("the benchmark build failed: " + build.error());
        }
      }
    }
    double plainMedian = median(plain);
    double platformMedian = median(platform);
    Bench.report("build-overhead: " + rows + " rows; plain DuckDB " + plain + " s, Meshwork build " + platform + " s");
    Bench.report("build-overhead: stages of the last build: " + stages);
    Bench.report(String.format("| Build overhead (%,d rows, 10 rules) | plain %.2f s, build %.2f s | ratio %.2f | <= 1.25 |",
        rows, plainMedian, platformMedian, platformMedian / plainMedian));
  }

  private static void generate(Path file, long rows) throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
      sql.execute("""
          COPY (
            SELECT uuid() AS id,
                   CAST(printf('00000000-0000-4000-8000-%%012d', i %% 50) AS UUID) AS tenant_id,
                   ['pending', 'confirmed', 'shipped', 'delivered', 'cancelled'][1 + i %% 5] AS status,
                   CAST(100 + (i * 7919) %% 50000 AS BIGINT) AS total_cents,
                   CAST(1 + i %% 7 AS INTEGER) AS item_count,
                   TIMESTAMP '2025-11-21 00:00:00' + to_seconds(CAST((i * 104729) %% 31536000 AS BIGINT)) AS created_at
            FROM range(%d) AS r(i)
          ) TO '%s' (FORMAT parquet)""".formatted(rows, file));
    }
  }

  private static double plainDuckDb(Path source, Path out) throws Exception {
    long start = System.nanoTime();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
      sql.execute("CREATE TABLE daily AS " + TRANSFORM.formatted("read_parquet('" + source + "')"));
      sql.execute("COPY daily TO '" + out + "' (FORMAT parquet, COMPRESSION zstd, FILE_SIZE_BYTES '256MB', "
          + "PARTITION_BY (created_date), WRITE_PARTITION_COLUMNS true)");
    }
    return Bench.seconds(System.nanoTime() - start);
  }

  private static void writeSpecs(Path work, Path source) throws Exception {
    Path specs = Files.createDirectories(work.resolve("specs"));
    Files.writeString(specs.resolve("bench.yaml"), """
        apiVersion: meshwork/v1
        kind: Domain
        metadata: {name: bench, title: Benchmarks}
        spec: {description: The benchmark domain, owner: bench@example.com, type: source-aligned}
        ---
        apiVersion: meshwork/v1
        kind: Source
        metadata: {name: orders-files, domain: bench}
        spec: {type: files, path: %s, format: parquet}
        ---
        apiVersion: meshwork/v1
        kind: DataProduct
        metadata:
          name: daily
          domain: bench
          title: Orders by day
          owner: bench@example.com
          description: One row per order, partitioned by day.
        spec:
          version: 1.0.0
          classification: INTERNAL
          retentionDays: 3650
          inputs: [{name: src, source: orders-files, tables: [orders]}]
          transform:
            sql: |
        %s
            partitionBy: created_date
          schema:
            - {name: order_id, type: uuid}
            - {name: tenant_id, type: uuid}
            - {name: status, type: string}
            - {name: total_cents, type: int64}
            - {name: item_count, type: int32}
            - {name: created_date, type: date}
          quality:
            - {column: order_id, rule: notNull}
            - {column: tenant_id, rule: notNull}
            - {column: status, rule: accepted, values: [PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED]}
            - {column: total_cents, rule: positive, threshold: 99%%}
            - {column: total_cents, rule: range, min: 0, max: 10000000}
            - {column: item_count, rule: nonNegative}
            - {column: item_count, rule: range, min: 1, max: 100}
            - {column: created_date, rule: notNull}
            - {rule: rowCount, mustBeGreaterThan: 0}
            - {rule: sql, query: "SELECT count(*) FROM {table} WHERE total_cents > 1000000000", mustBe: 0}
        """.formatted(source, TRANSFORM.formatted("src.orders").indent(8).stripTrailing()));
  }

  /** Seconds spent in each stage of a build. */
  private static final class StageTimes implements BuildListener {
    private final Map<String, Double> seconds = new java.util.LinkedHashMap<>();
    private String stage;
    private long since;

    StageTimes reset() {
      seconds.clear();
      stage = null;
      return this;
    }

    @Override
    public void stage(ProductRef product, String next) {
      close();
      stage = next;
      since = System.nanoTime();
    }

    @Override
    public void finished(BuildRecord build) {
      close();
    }

    private void close() {
      if (stage != null) {
        seconds.put(stage, Bench.seconds(System.nanoTime() - since));
        stage = null;
      }
    }

    @Override
    public String toString() {
      return seconds.toString();
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
