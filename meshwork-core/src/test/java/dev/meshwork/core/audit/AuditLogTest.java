package dev.meshwork.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.PolicyResult.Outcome;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.spec.error.DeniedException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the audit log writes, and what a caller sees when it cannot write. */
class AuditLogTest {

  private static final Instant T0 = Instant.parse("2026-11-20T06:00:00.123456Z");

  private final List<AuditEntry> appended = new ArrayList<>();
  private RuntimeException failure;
  private final AuditLog audit = new AuditLog(store(), Clock.fixed(T0, ZoneOffset.UTC));

  @Test
  void anEntryIsAppendedAtTheClocksMillisecondWithItsDetailsOnOneShortLine() {
    AuditEntry entry = audit.record("ana", AuditEntry.BUILD_END, AuditLog.PRODUCT, "shop.sales", AuditEntry.FAILED,
        "  cannot build shop.sales: the output does not match the contract:\n  - amount: missing\n", 0L);

    assertThat(appended).containsExactly(entry);
    assertThat(entry.at()).isEqualTo(Instant.parse("2026-11-20T06:00:00.123Z"));
    assertThat(entry.details()).isEqualTo("cannot build shop.sales: the output does not match the contract: - amount: missing");
    assertThat(audit.ok("ana", AuditEntry.APPLY, "Domain", "shop", "x".repeat(5000)).details())
        .hasSize(AuditLog.MAX_DETAILS).endsWith("x…");
    assertThat(audit.ok("ana", AuditEntry.APPLY, "Domain", "shop", " ").details()).isNull();
  }

  @Test
  void anEntryThatCannotBeWrittenFailsTheCallSayingWhatWasNotRecorded() {
    failure = new IllegalStateException("the database is read-only");

    assertThatThrownBy(() -> audit.ok("ana", AuditEntry.PUBLISH, AuditLog.PRODUCT, "shop.sales", "build b-1"))
        .isInstanceOf(EngineException.class)
        .hasMessage("cannot record in the audit log that ana did publish on DataProduct shop.sales (ok): "
            + "the database is read-only")
        .hasCause(failure);
  }

  @Test
  void aDenialIsRecordedAndThrownOnWhileOtherFailuresPassUnrecorded() {
    DeniedException denied = new DeniedException("user bob may not read shop.sales: no grant");

    assertThatThrownBy(() -> audit.unlessDenied("bob", AuditEntry.READ, AuditLog.PRODUCT, "shop.sales", () -> {
      throw denied;
    })).isSameAs(denied);
    assertThat(appended).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::outcome, AuditEntry::details)
        .containsExactly(tuple("bob", "read", "denied",
            "user bob may not read shop.sales: no grant"));
    assertThat(audit.unlessDenied("bob", AuditEntry.READ, AuditLog.PRODUCT, "shop.sales", () -> "rows")).isEqualTo("rows");
    assertThatThrownBy(() -> audit.unlessDenied("bob", AuditEntry.READ, null, null, () -> {
      throw new IllegalArgumentException("boom");
    })).isInstanceOf(IllegalArgumentException.class);
    assertThat(appended).hasSize(1);
  }

  @Test
  void aDenialThatCannotBeRecordedFailsWithTheDenialAttached() {
    failure = new IllegalStateException("disk full");
    DeniedException denied = new DeniedException("user bob may not read shop.sales: no grant");

    assertThatThrownBy(() -> audit.unlessDenied("bob", AuditEntry.READ, AuditLog.PRODUCT, "shop.sales", () -> {
      throw denied;
    })).isInstanceOf(EngineException.class)
        .hasMessage("cannot record in the audit log that bob did read on DataProduct shop.sales (denied): disk full")
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(denied));
  }

  @Test
  void aPolicyCheckIsSummedUpInOneEntryFailedWhenAPolicyFailed() {
    audit.policyCheck(AuditLog.PRODUCT, "shop.sales", "apply", List.of(result("owner-set", Outcome.PASSED),
        result("pii-protected", Outcome.FAILED), result("described", Outcome.PASSED), result("tagged", Outcome.WARNED)));
    audit.policyCheck(AuditLog.PRODUCT, "shop.sales", "build", List.of(result("rows-expected", Outcome.PASSED)));

    assertThat(appended).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::outcome, AuditEntry::details)
        .containsExactly(
            tuple("policy", "policy", "failed",
                "policy check on apply of shop.sales: 2 passed, 1 failed, 1 warned (pii-protected)"),
            tuple("policy", "policy", "ok", "policy check on build of shop.sales: 1 passed"));
  }

  @Test
  void aRetentionRunIsRecordedWithWhatItExpiredOrWhyItFailed() {
    audit.retention("local", new RetentionRun("r-1", "shop.sales", T0, 2, 1, 3, "manual", null, T0));
    audit.retention("scheduler", new RetentionRun("r-2", "shop.sales", T0, 0, 0, 0, "schedule", "cannot expire shop.sales: gone", T0));

    assertThat(appended).extracting(AuditEntry::actor, AuditEntry::outcome, AuditEntry::details).containsExactly(
        tuple("local", "ok",
            "trigger manual: expired 2 snapshots, 1 partition, 3 files older than 2026-11-20T06:00:00.123456Z"),
        tuple("scheduler", "failed", "trigger schedule: cannot expire shop.sales: gone"));
  }

  private static PolicyResult result(String policy, Outcome outcome) {
    return new PolicyResult(policy, policy, "DataProduct", "shop.sales", "apply", outcome, null, null, T0);
  }

  /** A store that keeps what is appended, or fails with {@link #failure} when it is set. */
  private MetadataStore store() {
    return (MetadataStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MetadataStore.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("appendAudit")) {
            throw new UnsupportedOperationException(method.getName());
          }
          if (failure != null) {
            throw failure;
          }
          appended.add((AuditEntry) args[0]);
          return null;
        });
  }
}
