package dev.meshwork.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.InvalidException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What every metadata store does with the audit log: entries are appended and read, filtered and
 * newest first, and nothing can change or remove one.
 * {@link MetadataStoreContract} runs it on every store.
 */
public interface AuditStoreContract {

  Instant LOGGED = Instant.parse("2026-11-20T06:00:00.123Z");

  /** The store under test. */
  MetadataStore store();

  /** Closes the store under test and opens another on its database. */
  void reopenStore();

  @Test
  default void auditEntriesRoundTripEveryFieldNewestFirstThenLastAppendedFirst() {
    AuditEntry publish = new AuditEntry("a-1", LOGGED, "ana", AuditEntry.PUBLISH, "DataProduct", "orders.daily", "ok",
        "build b-1: version 1.0.0, snapshot 42 — ünïcode kept", 3_000_000_000L);
    AuditEntry refused = new AuditEntry("a-2", LOGGED.plusSeconds(1), "anonymous", AuditEntry.TOKEN_REFUSED, null, null,
        "denied", "invalid token", null);
    AuditEntry tieFirst = audit("a-9", "bob", AuditEntry.READ, "orders.daily", LOGGED.plusSeconds(2));
    AuditEntry tieSecond = audit("a-3", "bob", AuditEntry.READ, "crm.customers", LOGGED.plusSeconds(2));
    for (AuditEntry entry : List.of(publish, tieFirst, tieSecond, refused)) {
      store().appendAudit(entry);
    }

    assertThat(store().audit(AuditFilter.latest(10))).containsExactly(tieSecond, tieFirst, refused, publish);
    reopenStore();
    assertThat(store().audit(AuditFilter.latest(10))).containsExactly(tieSecond, tieFirst, refused, publish);
    assertThat(store().audit(AuditFilter.latest(2))).containsExactly(tieSecond, tieFirst);
  }

  @Test
  default void auditEntriesAreFilteredByActorActionFamilyResourceAndTime() {
    AuditEntry request = audit("a-1", "bob", AuditEntry.ACCESS_REQUEST, "orders.daily", LOGGED);
    AuditEntry approve = audit("a-2", "ana", AuditEntry.ACCESS_APPROVE, "orders.daily", LOGGED.plusSeconds(10));
    AuditEntry read = audit("a-3", "bob", AuditEntry.READ, "orders.daily", LOGGED.plusSeconds(20));
    AuditEntry other = audit("a-4", "bob", AuditEntry.READ, "crm.customers", LOGGED.plusSeconds(30));
    AuditEntry use = audit("a-5", "bob", AuditEntry.TOKEN_USE, "t-1", LOGGED.plusSeconds(40));
    for (AuditEntry entry : List.of(request, approve, read, other, use)) {
      store().appendAudit(entry);
    }

    assertThat(store().audit(filter("bob", null, null, null, null))).containsExactly(use, other, read, request);
    assertThat(store().audit(filter(null, "access", null, null, null))).containsExactly(approve, request);
    assertThat(store().audit(filter(null, "access.approve", null, null, null))).containsExactly(approve);
    assertThat(store().audit(filter(null, "token", null, null, null))).containsExactly(use);
    assertThat(store().audit(filter("bob", "read", "orders.daily", null, null))).containsExactly(read);
    assertThat(store().audit(filter(null, null, "orders.daily", LOGGED.plusSeconds(10), LOGGED.plusSeconds(20))))
        .containsExactly(approve);
    assertThat(store().audit(filter(null, null, null, LOGGED.plusSeconds(30), null))).containsExactly(use, other);
    assertThat(store().audit(filter(null, null, null, null, LOGGED.plusSeconds(10)))).containsExactly(request);
    assertThat(store().audit(filter("carol", null, null, null, null))).isEmpty();
    assertThat(store().audit(new AuditFilter(" ", "", " ", null, null, 10))).hasSize(5);
  }

  @Test
  default void anAuditEntryWithAnIdTakenIsRefusedAndTheFirstKept() {
    AuditEntry first = audit("a-1", "ana", AuditEntry.APPLY, "orders.daily", LOGGED);
    store().appendAudit(first);

    assertThatThrownBy(() -> store().appendAudit(audit("a-1", "bob", AuditEntry.READ, "orders.daily", LOGGED)))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot record audit entry a-1: it exists already");
    assertThatThrownBy(() -> store().appendAudit(null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record an audit entry: it is missing");
    assertThat(store().audit(AuditFilter.latest(10))).containsExactly(first);
  }

  @Test
  default void theAuditLogCanOnlyBeAppendedToAndRead() {
    assertThat(java.util.Arrays.stream(MetadataStore.class.getMethods()).map(java.lang.reflect.Method::getName)
        .filter(name -> name.toLowerCase(java.util.Locale.ROOT).contains("audit")))
        .containsExactlyInAnyOrder("appendAudit", "audit");
  }

  @Test
  default void anAuditEntryIsValidatedWhenMade() {
    assertThatThrownBy(() -> new AuditEntry(" ", LOGGED, "ana", "apply", null, null, "ok", null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record an audit entry: its id is blank");
    assertThatThrownBy(() -> new AuditEntry("a-1", null, "ana", "apply", null, null, "ok", null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record audit entry a-1: at is missing");
    assertThatThrownBy(() -> new AuditEntry("a-1", LOGGED, "", "apply", null, null, "ok", null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record audit entry a-1: actor is blank");
    assertThatThrownBy(() -> new AuditEntry("a-1", LOGGED, "ana", "delete", null, null, "ok", null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record audit entry a-1: action 'delete' is not one of apply, build.start, build.end, "
            + "publish, read, policy, access.request, access.approve, access.reject, access.revoke, waiver.grant, "
            + "waiver.revoke, retention, token.use, token.refused, request.refused, token.create, token.revoke, user.create, team.create");
    assertThatThrownBy(() -> new AuditEntry("a-1", LOGGED, "ana", "apply", "DataProduct", null, "ok", null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record audit entry a-1: a resource needs both its kind and its id, or neither");
    assertThatThrownBy(() -> new AuditEntry("a-1", LOGGED, "ana", "apply", null, null, "OK", null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record audit entry a-1: outcome 'OK' is not one of ok, denied, failed");
    assertThatThrownBy(() -> new AuditEntry("a-1", LOGGED, "ana", "read", "DataProduct", "orders.daily", "ok", null, -1L))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot record audit entry a-1: rows is negative (-1)");
  }

  @Test
  default void anAuditFilterIsValidatedWhenMade() {
    assertThatThrownBy(() -> AuditFilter.latest(0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot read the audit log: the limit must be at least 1, not 0");
    assertThatThrownBy(() -> filter(null, "acces", null, null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessageStartingWith("cannot read the audit log: no action is or begins with 'acces' (actions: apply, ");
    assertThatThrownBy(() -> filter(null, "access.%", null, null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessageStartingWith("cannot read the audit log: no action is or begins with 'access.%' (actions: ");
    assertThatThrownBy(() -> filter(null, null, null, LOGGED, LOGGED))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot read the audit log: since 2026-11-20T06:00:00.123Z is not before until 2026-11-20T06:00:00.123Z");
    assertThat(AuditFilter.time("2026-11-20", "--since")).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    assertThat(AuditFilter.time("2026-11-20T06:00:00.5Z", "--since")).isEqualTo(Instant.parse("2026-11-20T06:00:00.500Z"));
    assertThat(AuditFilter.time(" ", "--since")).isNull();
    assertThatThrownBy(() -> AuditFilter.time("yesterday", "--since"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot read the audit log: --since 'yesterday' is not a time like 2026-11-20T06:00:00Z or a day "
            + "like 2026-11-20");
  }

  /** A successful entry by {@code actor} on a data product (or, for token actions, a token). */
  private static AuditEntry audit(String id, String actor, String action, String resource, Instant at) {
    String kind = action.startsWith("token") ? "ApiToken" : "DataProduct";
    return new AuditEntry(id, at, actor, action, kind, resource, "ok", null, action.equals(AuditEntry.READ) ? 7L : null);
  }

  private static AuditFilter filter(String actor, String action, String resource, Instant since, Instant until) {
    return new AuditFilter(actor, action, resource, since, until, 10);
  }
}
