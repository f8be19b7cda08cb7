package dev.meshwork.core.policy;

import dev.meshwork.core.audit.AuditLog;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.Waiver;
import dev.meshwork.spec.Policy;
import dev.meshwork.spec.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Waivers and the record of every policy evaluation. A failing policy with an active waiver for
 * the resource counts as waived, not failed; every outcome is recorded, waived or not, and each
 * evaluation of a resource at an event is summed up in one audit entry by {@link AuditLog#POLICY}.
 */
public final class Governance {

  private final MetadataStore store;
  private final Clock clock;
  private final AuditLog audit;

  public Governance(MetadataStore store, Clock clock, AuditLog audit) {
    this.store = store;
    this.clock = clock;
    this.audit = audit;
  }

  /** Applies the active waivers to {@code evaluations}, records them all, and returns them as recorded. */
  public List<PolicyEngine.Evaluation> settle(String kind, String id, Policy.Event event,
                                              List<PolicyEngine.Evaluation> evaluations) {
    Instant now = clock.instant();
    List<PolicyEngine.Evaluation> settled = new ArrayList<>();
    List<PolicyResult> results = new ArrayList<>();
    for (PolicyEngine.Evaluation evaluation : evaluations) {
      String policy = evaluation.policy().metadata().name();
      String waiverId = null;
      PolicyEngine.Evaluation outcome = evaluation;
      if (evaluation.status() == PolicyResult.Outcome.FAILED || evaluation.status() == PolicyResult.Outcome.WARNED) {
        Optional<Waiver> waiver = store.activeWaiver(policy, kind, id, now);
        if (waiver.isPresent()) {
          waiverId = waiver.get().id();
          outcome = new PolicyEngine.Evaluation(evaluation.policy(), PolicyResult.Outcome.WAIVED,
              evaluation.message() + " (waived until " + waiver.get().expiresAt() + ": " + waiver.get().justification() + ")");
        }
      }
      settled.add(outcome);
      results.add(new PolicyResult(UUID.randomUUID().toString(), policy, kind, id, event.toString().toLowerCase(Locale.ROOT),
          outcome.status(), outcome.message(), waiverId, now));
    }
    if (!results.isEmpty()) {
      store.recordPolicyResults(results);
      audit.policyCheck(kind, id, event.toString().toLowerCase(Locale.ROOT), results);
    }
    return settled;
  }

  /** Records one outcome the platform decided itself, outside any Policy resource (no waiver applies). */
  public void record(String policy, String kind, String id, Policy.Event event, PolicyResult.Outcome outcome,
                     String message) {
    List<PolicyResult> results = List.of(new PolicyResult(UUID.randomUUID().toString(), policy, kind, id,
        event.toString().toLowerCase(Locale.ROOT), outcome, message, null, clock.instant()));
    store.recordPolicyResults(results);
    audit.policyCheck(kind, id, event.toString().toLowerCase(Locale.ROOT), results);
  }

  /**
   * Grants a waiver of {@code policy} for a resource until {@code expiresAt}.
   *
   * @throws NotFoundException when the policy or the resource is not on the platform (checked by the caller)
   */
  public Waiver grant(String policy, String kind, String id, String justification, Instant expiresAt, String grantedBy) {
    Waiver waiver = new Waiver("w-" + UUID.randomUUID().toString().substring(0, 8), policy, kind, id, justification,
        grantedBy, clock.instant(), expiresAt, null);
    store.saveWaiver(waiver);
    return waiver;
  }

  public List<Waiver> waivers(boolean includeInactive) {
    return store.waivers(includeInactive, clock.instant());
  }

  public Waiver revoke(String waiverId) {
    store.revokeWaiver(waiverId, clock.instant());
    return store.waiver(waiverId).orElseThrow(() -> new NotFoundException("no waiver " + waiverId));
  }

  public List<PolicyResult> results(String resourceId, int limit) {
    return store.policyResults(resourceId, limit);
  }
}
