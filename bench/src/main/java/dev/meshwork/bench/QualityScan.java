package dev.meshwork.bench;

import dev.meshwork.core.build.QualityPlan;
import dev.meshwork.core.spi.BuildRecord.RuleResult;
import dev.meshwork.core.spi.DataFile;
import dev.meshwork.core.spi.Engine;
import dev.meshwork.core.spi.Workspace;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.quality.QualityRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The quality engine: N rows × 10 columns × 16 rules, compiled into one scan, against the same
 * rules run one query each.
 */
final class QualityScan {

  private QualityScan() {}

  static void run(long rows) throws Exception {
    Path work = Files.createTempDirectory("meshwork-bench-quality");
    List<QualityRule> rules = rules(work);
    try (Engine engine = Bench.engine(work); Workspace workspace = engine.open()) {
      workspace.materialize("t", """
          SELECT i AS id,
                 CAST(printf('00000000-0000-4000-8000-%%012d', i %% 1000) AS UUID) AS tenant_id,
                 ['a', 'b', 'c', 'd'][1 + i %% 4] AS kind,
                 (i * 7919) %% 100000 AS amount,
                 CAST((i * 31) %% 1000 AS DOUBLE) / 10 AS score,
                 'user' || (i %% 100000) || '@example.com' AS email,
                 DATE '2026-01-01' + CAST(i %% 300 AS INTEGER) AS day,
                 TIMESTAMP '2026-11-01 00:00:00' + to_seconds(i %% 86400) AS seen_at,
                 CAST(i %% 2 = 0 AS BOOLEAN) AS flag,
                 'note ' || (i %% 97) AS note
          FROM range(%d) AS r(i)""".formatted(rows));
      List<Path> files = workspace.writeParquet("t", Files.createDirectories(work.resolve("t")), null, Map.of())
          .stream().map(DataFile::path).toList();
      workspace.attachParquet("p", files, List.of());
      int cores = Runtime.getRuntime().availableProcessors();
      for (String table : List.of("t", "p")) {
        String where = table.equals("t") ? "an in-memory table" : "Parquet files (zstd)";
        Instant now = Instant.parse("2026-11-02T00:00:00Z");
        long start = System.nanoTime();
        List<RuleResult> together = new QualityPlan(rules, table, Map.of(), now).run(workspace);
        double oneScan = Bench.seconds(System.nanoTime() - start);
        start = System.nanoTime();
        for (QualityRule rule : rules) {
          new QualityPlan(List.of(rule), table, Map.of(), now).run(workspace);
        }
        double perRule = Bench.seconds(System.nanoTime() - start);
        Bench.report("quality over " + where + ": " + rows + " rows, " + rules.size() + " rules ("
            + together.stream().filter(RuleResult::passed).count() + " pass); one scan " + oneScan + " s, one query per rule "
            + perRule + " s");
        Bench.report(String.format("| Quality engine over %s (%,d rows x 10 columns x %d rules) | %,.0f rows/s per core | %.1fx faster than one query per rule | >= 5x |",
            where, rows, rules.size(), rows / oneScan / cores, perRule / oneScan));
      }
    }
  }


  private static List<QualityRule> rules(Path work) throws Exception {
    Path spec = work.resolve("product.yaml");
    Files.writeString(spec, """
        apiVersion: meshwork/v1
        kind: DataProduct
        metadata: {name: scan, domain: bench, owner: bench@example.com}
        spec:
          version: 1.0.0
          classification: INTERNAL
          retentionDays: 30
          transform: {sql: SELECT 1}
          schema:
            - {name: id, type: int64}
          quality:
            - {column: id, rule: notNull}
            - {column: tenant_id, rule: notNull}
            - {column: kind, rule: notNull}
            - {column: kind, rule: accepted, values: [a, b, c, d]}
            - {column: amount, rule: nonNegative}
            - {column: amount, rule: range, min: 0, max: 100000}
            - {column: score, rule: range, min: 0, max: 100}
            - {column: score, rule: positive, threshold: 99%}
            - {column: email, rule: pattern, pattern: "^[a-z0-9]+@example[.]com$"}
            - {column: email, rule: length, min: 5, max: 64}
            - {column: day, rule: notNull}
            - {column: seen_at, rule: notNull}
            - {column: flag, rule: notNull}
            - {column: note, rule: length, min: 1, max: 20}
            - {rule: rowCount, mustBeGreaterThan: 0}
            - {rule: sql, query: "SELECT count(*) FROM {table} WHERE amount > 99999", mustBe: 0}
        """);
    Loader.Result loaded = new Loader(work).load(List.of(spec));
    if (!loaded.problems().isEmpty()) {
      throw new IllegalStateException(loaded.problems().toString());
    }
    return ((DataProduct) loaded.resources().get(0).resource()).spec().quality();
  }
}
