package dev.meshwork.core.spi;

import static dev.meshwork.core.spi.StateChange.State.FAILING;
import static dev.meshwork.core.spi.StateChange.State.FRESH;
import static dev.meshwork.core.spi.StateChange.State.LATE;
import static dev.meshwork.core.spi.StateChange.State.PASSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MetadataStore} guarantees about the scheduler's jobs and the products' state
 * changes; part of {@link MetadataStoreContract}, which gives each test a fresh store.
 */
public interface ScheduleStoreContract {

  Instant T1 = Instant.parse("2026-11-20T06:00:00.123Z");

  /** The store under test. */
  MetadataStore store();

  /** Closes the store under test and opens another on its database. */
  void reopenStore();

  @Test
  default void schedulesRoundTripOrderedByJobAndAreReplacedByJob() {
    ScheduleState daily = new ScheduleState("build orders.daily", "0 6 * * *", T1, null);
    ScheduleState retention = new ScheduleState("retention", "0 3 * * *", T1, T1.plusSeconds(60));
    ScheduleState customers = new ScheduleState("build crm.customers", "on-upstream", T1, T1.plusSeconds(5));
    store().saveSchedule(retention);
    store().saveSchedule(daily);
    store().saveSchedule(customers);
    ScheduleState ran = daily.ran(T1.plusSeconds(3600));
    store().saveSchedule(ran);

    assertThat(store().schedules()).containsExactly(customers, ran, retention);
    reopenStore();
    assertThat(store().schedules()).containsExactly(customers, ran, retention);
    assertThatThrownBy(() -> store().saveSchedule(null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a schedule: it is missing");
  }

  @Test
  default void aScheduleIsValidatedWhenMadeAndCountsFromItsLaterTime() {
    assertThatThrownBy(() -> new ScheduleState(" ", "0 6 * * *", T1, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a schedule: its job is blank");
    assertThatThrownBy(() -> new ScheduleState("retention", "", T1, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record the schedule of retention: expression is blank");
    assertThatThrownBy(() -> new ScheduleState("retention", "0 3 * * *", null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record the schedule of retention: since is missing");
    ScheduleState state = new ScheduleState("retention", "0 3 * * *", T1, null);
    assertThat(state.base()).isEqualTo(T1);
    assertThat(state.ran(T1.plusSeconds(1)).base()).isEqualTo(T1.plusSeconds(1));
    assertThat(state.ran(T1.minusSeconds(1)).base()).isEqualTo(T1);
  }

  @Test
  default void stateChangesRoundTripEveryFieldNewestFirstAndByProduct() {
    StateChange first = new StateChange("c-1", "orders.daily", null, FRESH, "orders.daily is fresh", T1, null);
    StateChange late = new StateChange("c-2", "orders.daily", FRESH, LATE, "orders.daily is late", T1.plusSeconds(60),
        T1.plusSeconds(61));
    StateChange failing = new StateChange("c-3", "crm.customers", null, FAILING, null, T1.plusSeconds(30), null);
    StateChange tieLow = new StateChange("c-4", "crm.customers", FAILING, PASSING, "built", T1.plusSeconds(90), null);
    StateChange tieHigh = new StateChange("c-5", "orders.daily", LATE, FRESH, "fresh", T1.plusSeconds(90), null);
    for (StateChange change : List.of(late, tieHigh, first, failing, tieLow)) {
      store().recordStateChange(change);
    }

    assertThat(store().stateChanges(null, 10)).containsExactly(tieHigh, tieLow, late, failing, first);
    assertThat(store().stateChanges("orders.daily", 2)).containsExactly(tieHigh, late);
    assertThat(store().stateChanges("crm.customers", 10)).containsExactly(tieLow, failing);
    assertThat(store().stateChanges("orders.unknown", 10)).isEmpty();
    reopenStore();
    assertThat(store().stateChanges(null, 10)).containsExactly(tieHigh, tieLow, late, failing, first);
  }

  @Test
  default void theCurrentStateIsTheLatestChangeOfEachProductAndAspect() {
    StateChange fresh = new StateChange("c-1", "orders.daily", null, FRESH, null, T1, null);
    StateChange passing = new StateChange("c-2", "orders.daily", null, PASSING, null, T1, null);
    StateChange late = new StateChange("c-3", "orders.daily", FRESH, LATE, null, T1.plusSeconds(60), null);
    StateChange tieLow = new StateChange("c-4", "crm.customers", null, FAILING, null, T1, null);
    StateChange tieHigh = new StateChange("c-5", "crm.customers", FAILING, PASSING, null, T1, null);
    for (StateChange change : List.of(late, fresh, tieHigh, passing, tieLow)) {
      store().recordStateChange(change);
    }

    assertThat(store().currentStates()).containsExactly(tieHigh, late, passing);
  }

  @Test
  default void aStateChangeWithAnIdTakenIsRefusedAndTheFirstKept() {
    StateChange first = new StateChange("c-1", "orders.daily", null, LATE, "late", T1, null);
    store().recordStateChange(first);

    assertThatThrownBy(() -> store().recordStateChange(
        new StateChange("c-1", "crm.customers", null, FRESH, null, T1.plusSeconds(1), null)))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot record state change c-1: it exists already");
    assertThatThrownBy(() -> store().recordStateChange(null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a state change: it is missing");
    assertThat(store().stateChanges(null, 10)).containsExactly(first);
  }

  @Test
  default void anAlertIsRecordedOnceWithItsFirstTime() {
    StateChange late = new StateChange("c-1", "orders.daily", FRESH, LATE, "late", T1, null);
    store().recordStateChange(late);
    store().markAlerted("c-1", T1.plusSeconds(1));
    store().markAlerted("c-1", T1.plusSeconds(2));

    assertThat(store().currentStates()).containsExactly(late.alerted(T1.plusSeconds(1)));
    assertThatThrownBy(() -> store().markAlerted("c-9", T1))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot record the alert of state change c-9: it does not exist");
    assertThatThrownBy(() -> store().markAlerted("c-1", T1.minusSeconds(1)))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record the alert of state change c-1: the alert at " + T1.minusSeconds(1)
            + " is before the change at " + T1);
    assertThatThrownBy(() -> store().markAlerted("c-1", null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record the alert of state change c-1: the time is missing");
  }

  @Test
  default void listingStateChangesWithALimitBelowOneIsRefused() {
    assertThatThrownBy(() -> store().stateChanges("orders.daily", 0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot list the state changes of orders.daily: the limit must be at least 1, not 0");
    assertThatThrownBy(() -> store().stateChanges(null, -1))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot list the state changes: the limit must be at least 1, not -1");
  }

  @Test
  default void aStateChangeIsValidatedWhenMadeAndKnowsWhetherItAlerts() {
    assertThatThrownBy(() -> new StateChange("", "orders.daily", null, LATE, null, T1, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record a state change: its id is blank");
    assertThatThrownBy(() -> new StateChange("c-1", " ", null, LATE, null, T1, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record state change c-1: product is blank");
    assertThatThrownBy(() -> new StateChange("c-1", "orders.daily", FRESH, null, null, T1, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record state change c-1: the new state is missing");
    assertThatThrownBy(() -> new StateChange("c-1", "orders.daily", FRESH, FAILING, null, T1, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record state change c-1: it changes from FRESH to FAILING, states of different aspects");
    assertThatThrownBy(() -> new StateChange("c-1", "orders.daily", LATE, LATE, null, T1, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record state change c-1: it changes nothing (LATE to LATE)");
    assertThatThrownBy(() -> new StateChange("c-1", "orders.daily", null, LATE, null, null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record state change c-1: at is missing");
    assertThatThrownBy(() -> new StateChange("c-1", "orders.daily", null, LATE, null, T1, T1.minusMillis(1)))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record state change c-1: alertedAt " + T1.minusMillis(1) + " is before at " + T1);
    assertThat(new StateChange("c-1", "orders.daily", null, LATE, null, T1, null).alerts()).isTrue();
    assertThat(new StateChange("c-1", "orders.daily", null, FAILING, null, T1, null).alerts()).isTrue();
    assertThat(new StateChange("c-1", "orders.daily", null, FRESH, null, T1, null).alerts()).isFalse();
    assertThat(new StateChange("c-1", "orders.daily", null, PASSING, null, T1, null).alerts()).isFalse();
    assertThat(new StateChange("c-1", "orders.daily", LATE, FRESH, null, T1, null).alerts()).isTrue();
    assertThat(new StateChange("c-1", "orders.daily", FAILING, PASSING, null, T1, null).alerts()).isTrue();
  }
}
