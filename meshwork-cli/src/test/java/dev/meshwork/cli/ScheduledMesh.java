package dev.meshwork.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The {@link TestMesh} shop with sales of the last two days, {@code shop.totals} built from
 * {@code shop.sales} on-upstream, extra lines in the sales product's spec (its schedule, its SLA)
 * and a home configuration.
 */
final class ScheduledMesh {

  static final String TOTALS = """
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: totals, domain: shop, owner: shop-team@example.com}
      spec:
        version: 1.0.0
        classification: INTERNAL
        retentionDays: 365
        schedule: on-upstream
        inputs: [{name: sales, product: shop.sales}]
        transform: {sql: "SELECT customer, CAST(sum(amount) AS BIGINT) AS total FROM sales GROUP BY 1"}
        schema:
          - {name: customer, type: string, required: true, unique: true}
          - {name: total, type: int64}
      """;

  private ScheduledMesh() {}

  static TestMesh create(Path dir, String salesLines, String config) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    TestMesh mesh = new TestMesh(dir);
    mesh.write("specs/data/sales/2026-11-01.csv", "id,customer,amount,day\n1,ana,1200," + today.minusDays(2)
        + "\n2,li,300," + today.minusDays(2) + "\n3,bo,4500," + today.minusDays(2) + "\n");
    mesh.write("specs/data/sales/2026-11-02.csv", "id,customer,amount,day\n4,ana,800," + today.minusDays(1)
        + "\n5,kim,150," + today.minusDays(1) + "\n");
    mesh.write("specs/sales.yaml", TestMesh.SALES.replace("  retentionDays: 365\n", "  retentionDays: 365\n" + salesLines));
    mesh.write("specs/totals.yaml", TOTALS);
    mesh.write("home/meshwork.yaml", config);
    return mesh;
  }

  /** The home's log file ({@code scheduler.log}, {@code alerts.log}), empty while it does not exist. */
  static String log(TestMesh mesh, String name) {
    Path file = mesh.dir.resolve("home/logs").resolve(name);
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the log holds the text. */
  static void awaitLog(TestMesh mesh, String name, String text) throws InterruptedException {
    ServeProcess.await(() -> log(mesh, name).contains(text), Duration.ofSeconds(30), "'" + text + "' in " + name);
  }
}
