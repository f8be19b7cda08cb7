package dev.meshwork.bench;

import dev.meshwork.core.spi.DatabaseSource;
import dev.meshwork.core.spi.Engine;
import dev.meshwork.core.spi.Workspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL ingest: a table of N rows read into the engine, against {@code psql \copy} of the
 * same rows to /dev/null, the fastest a client can receive them.
 */
final class PostgresIngest {

  private PostgresIngest() {}

  static void run(long rows) throws Exception {
    Path work = Files.createTempDirectory("meshwork-bench-pg");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
        sql.execute("""
            CREATE TABLE orders AS
            SELECT md5(i::text)::uuid AS id,
                   md5((i %% 50)::text)::uuid AS tenant_id,
                   (ARRAY['PENDING','CONFIRMED','SHIPPED','DELIVERED','CANCELLED'])[1 + i %% 5] AS status,
                   (100 + i::bigint * 7919 %% 50000)::bigint AS total_cents,
                   'USD'::char(3) AS currency,
                   timestamptz '2025-11-21 00:00:00+00' + make_interval(secs => (i::bigint * 104729 %% 31536000)::float8) AS created_at,
                   'order note ' || i AS note
            FROM generate_series(1, %d) AS s(i)""".formatted(rows));
        sql.execute("VACUUM ANALYZE orders");
      }
      String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
      List<Double> psql = new ArrayList<>();
      List<Double> ours = new ArrayList<>();
      try (Engine engine = Bench.engine(work)) {
        for (int round = 0; round < 3; round++) {
          psql.add(psql(postgres.getPort()));
          long start = System.nanoTime();
          try (Workspace workspace = engine.open()) {
            long read = workspace.ingest("src.orders",
                new DatabaseSource("bench", DatabaseSource.Kind.POSTGRES, url, null, "postgres", null, "public"),
                "orders", count -> { });
            if (read != rows) {
              throw new IllegalStateException("read " + read + " rows, expected " + rows);
            }
          }
          ours.add(Bench.seconds(System.nanoTime() - start));
        }
      }
      double psqlRate = rows / BuildOverhead.median(psql);
      double ourRate = rows / BuildOverhead.median(ours);
      Bench.report("pg-ingest: " + rows + " rows; psql \\copy " + psql + " s, Meshwork ingest " + ours + " s");
      Bench.report(String.format("| PostgreSQL ingest (%,d rows, 7 columns) | %,.0f rows/s; psql %,.0f rows/s | %.2f of psql | >= 0.7 |",
          rows, ourRate, psqlRate, ourRate / psqlRate));
    }
  }

  private static double psql(int port) throws Exception {
    long start = System.nanoTime();
    Process process = new ProcessBuilder("psql", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-d", "postgres",
        "-q", "-c", "\\copy (SELECT * FROM orders) TO '/dev/null'")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("psql failed: " + output);
    }
    return Bench.seconds(System.nanoTime() - start);
  }

}
