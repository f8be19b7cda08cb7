package dev.meshwork.jdbc;

import static dev.meshwork.jdbc.Sql.instant;
import static dev.meshwork.jdbc.Sql.one;
import static dev.meshwork.jdbc.Sql.query;
import static dev.meshwork.jdbc.Sql.update;

import dev.meshwork.core.spi.ScheduleState;
import dev.meshwork.core.spi.StateChange;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The scheduler's half of the JDBC metadata store: one row per scheduled job, replaced as it runs,
 * and the products' state changes, appended and only ever marked alerted.
 */
final class Monitoring {

  private static final String CHANGE_COLUMNS =
      "id, product, from_state, to_state, detail, changed_at, alerted_at";

  private final Transactions transactions;

  Monitoring(Transactions transactions) {
    this.transactions = transactions;
  }

  void saveSchedule(ScheduleState state) {
    if (state == null) {
      throw new InvalidException("cannot record a schedule: it is missing");
    }
    transactions.run("record the schedule of " + state.job(), c -> {
      // updating first locks an existing row, so that concurrent saves of one job take turns
      Object[] fields = {state.expression(), state.since(), state.lastRun(), state.job()};
      if (update(c, "UPDATE meshwork_schedules SET expression = ?, since = ?, last_run_at = ? WHERE job = ?",
          fields) == 0) {
        update(c, "INSERT INTO meshwork_schedules (expression, since, last_run_at, job) VALUES (?, ?, ?, ?)", fields);
      }
      return null;
    });
  }

  List<ScheduleState> schedules() {
    List<ScheduleState> found = transactions.run("list the schedules", c -> query(c,
        "SELECT job, expression, since, last_run_at FROM meshwork_schedules",
        row -> new ScheduleState(row.getString("job"), row.getString("expression"), instant(row, "since"),
            instant(row, "last_run_at"))));
    // sorted here, not by the database's collation, so that the order is the same everywhere
    return found.stream().sorted(Comparator.comparing(ScheduleState::job)).toList();
  }

  void recordStateChange(StateChange change) {
    if (change == null) {
      throw new InvalidException("cannot record a state change: it is missing");
    }
    transactions.run("record state change " + change.id(), c -> {
      if (one(c, "SELECT id FROM meshwork_state_changes WHERE id = ?", row -> row.getString(1), change.id())
          .isPresent()) {
        throw new AlreadyExistsException("cannot record state change " + change.id() + ": it exists already");
      }
      update(c, """
          INSERT INTO meshwork_state_changes (id, product, aspect, from_state, to_state, detail, changed_at,
                                              alerted_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """, change.id(), change.product(), change.aspect().name(),
          change.from() == null ? null : change.from().name(), change.to().name(), change.detail(), change.at(),
          change.alertedAt());
      return null;
    });
  }

  List<StateChange> stateChanges(String product, int limit) {
    String what = product == null ? "the state changes" : "the state changes of " + product;
    if (limit < 1) {
      throw new InvalidException("cannot list " + what + ": the limit must be at least 1, not " + limit);
    }
    return transactions.run("list " + what, c -> query(c, """
        SELECT %s
          FROM meshwork_state_changes
         WHERE product = COALESCE(?, product)
         ORDER BY changed_at DESC, id DESC
         LIMIT ?
        """.formatted(CHANGE_COLUMNS), Monitoring::change, product, limit));
  }

  List<StateChange> currentStates() {
    List<StateChange> found = transactions.run("list the current states", c -> query(c, """
        SELECT %s
          FROM meshwork_state_changes s
         WHERE NOT EXISTS (
               SELECT 1
                 FROM meshwork_state_changes later
                WHERE later.product = s.product
                  AND later.aspect = s.aspect
                  AND (later.changed_at > s.changed_at OR (later.changed_at = s.changed_at AND later.id > s.id)))
        """.formatted(CHANGE_COLUMNS), Monitoring::change));
    return found.stream()
        .sorted(Comparator.comparing(StateChange::product).thenComparing(StateChange::aspect))
        .toList();
  }

  void markAlerted(String id, Instant at) {
    String what = "record the alert of state change " + id;
    if (at == null) {
      throw new InvalidException("cannot " + what + ": the time is missing");
    }
    transactions.run(what, c -> {
      Instant changed = one(c, "SELECT changed_at FROM meshwork_state_changes WHERE id = ? FOR UPDATE",
          row -> instant(row, "changed_at"), id)
          .orElseThrow(() -> new NotFoundException("cannot " + what + ": it does not exist"));
      if (at.isBefore(changed)) {
        throw new InvalidException("cannot " + what + ": the alert at " + at + " is before the change at " + changed);
      }
      update(c, "UPDATE meshwork_state_changes SET alerted_at = ? WHERE id = ? AND alerted_at IS NULL", at, id);
      return null;
    });
  }

  private static StateChange change(ResultSet row) throws SQLException {
    String from = row.getString("from_state");
    return new StateChange(row.getString("id"), row.getString("product"),
        from == null ? null : StateChange.State.valueOf(from), StateChange.State.valueOf(row.getString("to_state")),
        row.getString("detail"), instant(row, "changed_at"), instant(row, "alerted_at"));
  }
}
