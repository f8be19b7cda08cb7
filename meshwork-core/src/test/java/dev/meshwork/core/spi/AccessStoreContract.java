package dev.meshwork.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every metadata store does with access requests: inserted once, listed newest first with filters,
 * and decided only from the state the decider saw.
 * {@link MetadataStoreContract} runs it on every store.
 */
public interface AccessStoreContract {

  Instant ASKED = Instant.parse("2026-11-20T06:00:00.123Z");

  /** The store under test. */
  MetadataStore store();

  /** Closes the store under test and opens another on its database. */
  void reopenStore();

  @Test
  default void accessRequestsRoundTripEveryFieldNewestFirstAndFiltered() {
    AccessRequest pending = access("ar-1", "orders.daily", "bob", ASKED);
    AccessRequest approved = new AccessRequest("ar-2", "crm.customers", "carol", "churn model features", true, "analysts",
        null, "owner", AccessRequest.Status.APPROVED, ASKED.plusSeconds(1), ASKED.plus(90, ChronoUnit.DAYS), "dana",
        ASKED.plusSeconds(61), "fine for the churn model", null);
    AccessRequest forProduct = new AccessRequest("ar-3", "orders.daily", "carol", "feeds the marketing funnel", false,
        null, "marketing.funnel", "auto", AccessRequest.Status.APPROVED, ASKED.plusSeconds(2), ASKED.plus(30, ChronoUnit.DAYS),
        AccessRequest.AUTO, ASKED.plusSeconds(2), null, null);
    for (AccessRequest request : List.of(pending, approved, forProduct)) {
      store().saveAccessRequest(request);
    }

    assertThat(store().accessRequests(null, null, null, 10)).containsExactly(forProduct, approved, pending);
    assertThat(store().accessRequests("orders.daily", null, null, 10)).containsExactly(forProduct, pending);
    assertThat(store().accessRequests(null, "carol", AccessRequest.Status.APPROVED, 1)).containsExactly(forProduct);
    assertThat(store().accessRequests(null, null, AccessRequest.Status.PENDING, 10)).containsExactly(pending);
    reopenStore();
    assertThat(store().accessRequest("ar-2")).contains(approved);
    assertThat(store().accessRequest("ar-9")).isEmpty();
  }

  @Test
  default void anAccessRequestIsDecidedOnlyFromTheStateTheDeciderSaw() {
    AccessRequest pending = access("ar-1", "orders.daily", "bob", ASKED);
    store().saveAccessRequest(pending);
    AccessRequest approved = pending.decided(AccessRequest.Status.APPROVED, "dana", ASKED.plusSeconds(5), null);

    assertThat(store().updateAccessRequest(approved, AccessRequest.Status.PENDING)).isEqualTo(approved);
    assertThatThrownBy(() -> store().updateAccessRequest(
        pending.decided(AccessRequest.Status.REJECTED, "erin", ASKED.plusSeconds(6), "not needed"),
        AccessRequest.Status.PENDING))
        .isInstanceOf(ConflictException.class)
        .hasMessage("cannot decide access request ar-1: it is approved, not pending");
    AccessRequest revoked = approved.revoked(ASKED.plusSeconds(9), "left the team");
    assertThat(store().updateAccessRequest(revoked, AccessRequest.Status.APPROVED)).isEqualTo(revoked);
    assertThat(store().accessRequest("ar-1")).contains(revoked);
    assertThatThrownBy(() -> store().updateAccessRequest(access("ar-7", "orders.daily", "bob", ASKED)
        .decided(AccessRequest.Status.APPROVED, "dana", ASKED.plusSeconds(1), null), AccessRequest.Status.PENDING))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot decide access request ar-7: no such request");
  }

  @Test
  default void anAccessRequestWithAnIdTakenIsRefusedAndTheFirstKept() {
    AccessRequest first = access("ar-1", "orders.daily", "bob", ASKED);
    store().saveAccessRequest(first);

    assertThatThrownBy(() -> store().saveAccessRequest(access("ar-1", "crm.customers", "carol", ASKED.plusSeconds(1))))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot record access request ar-1: it exists already");
    assertThatThrownBy(() -> store().accessRequests(null, null, null, 0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot list the access requests: the limit must be at least 1, not 0");
    assertThat(store().accessRequests(null, null, null, 10)).containsExactly(first);
  }

  private static AccessRequest access(String id, String product, String requester, Instant at) {
    return new AccessRequest(id, product, requester, "weekly revenue report", false, null, null, "owner",
        AccessRequest.Status.PENDING, at, at.plus(90, ChronoUnit.DAYS), null, null, null, null);
  }
}
