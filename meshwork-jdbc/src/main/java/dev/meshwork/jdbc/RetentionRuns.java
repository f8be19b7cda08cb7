package dev.meshwork.jdbc;

import static dev.meshwork.jdbc.Sql.instant;
import static dev.meshwork.jdbc.Sql.one;
import static dev.meshwork.jdbc.Sql.query;
import static dev.meshwork.jdbc.Sql.update;

import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.InvalidException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The retention half of the JDBC metadata store: every expiry, appended and never changed. As
 * with policy results, the id is checked before inserting so that a duplicate reads as such; a
 * concurrent insert of the same id collides on the primary key, is retried by
 * {@link Transactions} and then finds the id taken.
 */
final class RetentionRuns {

  private final Transactions transactions;

  RetentionRuns(Transactions transactions) {
    this.transactions = transactions;
  }

  void record(RetentionRun run) {
    if (run == null) {
      throw new InvalidException("cannot record a retention run: it is missing");
    }
    transactions.run("record retention run " + run.id(), c -> {
      if (one(c, "SELECT id FROM meshwork_retention_runs WHERE id = ?", row -> row.getString(1), run.id())
          .isPresent()) {
        throw new AlreadyExistsException("cannot record retention run " + run.id() + ": it exists already");
      }
      update(c, """
          INSERT INTO meshwork_retention_runs (id, product, cutoff, snapshots, partitions, files, run_trigger,
                                               error, ran_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, run.id(), run.product(), run.cutoff(), run.snapshots(), run.partitions(), run.files(), run.trigger(),
          run.error(), run.at());
      return null;
    });
  }

  List<RetentionRun> list(String product, int limit) {
    String what = product == null ? "the retention runs" : "the retention runs of " + product;
    if (limit < 1) {
      throw new InvalidException("cannot list " + what + ": the limit must be at least 1, not " + limit);
    }
    return transactions.run("list " + what, c -> query(c, """
        SELECT id, product, cutoff, snapshots, partitions, files, run_trigger, error, ran_at
          FROM meshwork_retention_runs
         WHERE product = COALESCE(?, product)
         ORDER BY ran_at DESC, id DESC
         LIMIT ?
        """, RetentionRuns::run, product, limit));
  }

  private static RetentionRun run(ResultSet row) throws SQLException {
    return new RetentionRun(row.getString("id"), row.getString("product"), instant(row, "cutoff"),
        row.getInt("snapshots"), row.getInt("partitions"), row.getInt("files"), row.getString("run_trigger"),
        row.getString("error"), instant(row, "ran_at"));
  }
}
