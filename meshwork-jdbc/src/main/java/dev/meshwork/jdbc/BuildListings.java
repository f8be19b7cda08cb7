package dev.meshwork.jdbc;

import static dev.meshwork.jdbc.Sql.instant;
import static dev.meshwork.jdbc.Sql.query;

import dev.meshwork.core.spi.BuildCount;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.BuildSummary;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The builds across products, each in one statement, for listings and dashboards: the latest
 * build of every product, and how many builds started per day.
 */
final class BuildListings {

  private static final long SECONDS_PER_DAY = 86_400;

  private final Transactions transactions;

  BuildListings(Transactions transactions) {
    this.transactions = transactions;
  }

  Map<ProductRef, BuildSummary> latest(BuildRecord.Status status) {
    String what = status == null ? "the latest build of every product"
        : "the latest " + status.name().toLowerCase(java.util.Locale.ROOT) + " build of every product";
    List<BuildSummary> found = transactions.run("list " + what, c -> query(c, """
        SELECT id, product, version, status, stage, scope, started_at, finished_at, row_count, byte_count,
               snapshot_id, quality_score, error
          FROM (SELECT id, product, version, status, stage, scope, started_at, finished_at, row_count, byte_count,
                       snapshot_id, quality_score, error,
                       ROW_NUMBER() OVER (PARTITION BY product ORDER BY started_at DESC, id DESC) AS nth
                  FROM meshwork_builds
                 WHERE status = COALESCE(?, status)) ranked
         WHERE nth = 1
        """, row -> new BuildSummary(row.getString("id"), ProductRef.parse(row.getString("product")),
            row.getString("version"), BuildRecord.Status.valueOf(row.getString("status")), row.getString("stage"),
            row.getString("scope"), instant(row, "started_at"), instant(row, "finished_at"), row.getLong("row_count"),
            row.getLong("byte_count"), row.getObject("snapshot_id", Long.class),
            row.getObject("quality_score", Double.class), row.getString("error")),
        status == null ? null : status.name()));
    Map<ProductRef, BuildSummary> latest = new HashMap<>();
    found.forEach(build -> latest.put(build.product(), build));
    return latest;
  }

  List<BuildCount> perDay(Instant since) {
    if (since == null) {
      throw new InvalidException("cannot count the builds per day: since is missing");
    }
    // the day as whole days since the epoch: the same in every database and session time zone
    List<BuildCount> found = transactions.run("count the builds per day since " + since, c -> query(c, """
        SELECT epoch_day, status, COUNT(*) AS builds
          FROM (SELECT FLOOR(EXTRACT(EPOCH FROM started_at) / %d) AS epoch_day, status
                  FROM meshwork_builds
                 WHERE started_at >= ?) started
         GROUP BY epoch_day, status
        """.formatted(SECONDS_PER_DAY), row -> new BuildCount(LocalDate.ofEpochDay(row.getLong("epoch_day")),
            BuildRecord.Status.valueOf(row.getString("status")), row.getLong("builds")), since));
    return found.stream()
        .sorted(Comparator.comparing(BuildCount::day).thenComparing(BuildCount::status))
        .toList();
  }
}
