package dev.meshwork.core.ops;

import dev.meshwork.core.access.AccessAsk;
import dev.meshwork.core.access.AccessControl;
import dev.meshwork.core.audit.AuditLog;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.MetadataStore;
import java.util.function.Supplier;

/**
 * Access requests and their decisions as the caller makes them, each recorded on the product it is
 * about: the request by the caller, and when the platform decides it at once, its approval by
 * {@link AuditLog#AUTO} or its rejection by {@link AuditLog#POLICY}. A decision the caller may not
 * take is recorded as denied.
 */
final class AuditedAccess {

  private final AccessControl access;
  private final AuditLog audit;
  private final MetadataStore store;
  private final Principal caller;

  AuditedAccess(AccessControl access, AuditLog audit, MetadataStore store, Principal caller) {
    this.access = access;
    this.audit = audit;
    this.store = store;
    this.caller = caller;
  }

  AccessRequest request(AccessAsk ask) {
    String product = ask.product() == null ? null : ask.product().toString();
    AccessRequest made = audit.unlessDenied(caller.user(), AuditEntry.ACCESS_REQUEST,
        product == null ? null : AuditLog.PRODUCT, product, () -> access.request(caller, ask));
    audit.ok(caller.user(), AuditEntry.ACCESS_REQUEST, AuditLog.PRODUCT, made.product(), made.id() + ": "
        + made.purpose() + terms(made));
    if (made.status() == AccessRequest.Status.APPROVED) {
      audit.ok(AuditLog.AUTO, AuditEntry.ACCESS_APPROVE, AuditLog.PRODUCT, made.product(), decision(made, "approved"));
    } else if (made.status() == AccessRequest.Status.REJECTED) {
      audit.ok(AuditLog.POLICY, AuditEntry.ACCESS_REJECT, AuditLog.PRODUCT, made.product(), decision(made, "rejected"));
    }
    return made;
  }

  AccessRequest approve(String id, String note) {
    return decide(AuditEntry.ACCESS_APPROVE, id, "approved", () -> access.approve(caller, id, note));
  }

  AccessRequest reject(String id, String reason) {
    return decide(AuditEntry.ACCESS_REJECT, id, "rejected", () -> access.reject(caller, id, reason));
  }

  AccessRequest revoke(String id, String reason) {
    return decide(AuditEntry.ACCESS_REVOKE, id, "revoked", () -> access.revoke(caller, id, reason));
  }

  private AccessRequest decide(String action, String id, String verb, Supplier<AccessRequest> decision) {
    String product = id == null ? null : store.accessRequest(id).map(AccessRequest::product).orElse(null);
    AccessRequest decided = audit.unlessDenied(caller.user(), action, product == null ? null : AuditLog.PRODUCT,
        product, decision);
    audit.ok(caller.user(), action, AuditLog.PRODUCT, decided.product(), decision(decided, verb));
    return decided;
  }

  /** "ar-1a2b3c4d of bob approved: fine for the report". */
  private static String decision(AccessRequest request, String verb) {
    return request.id() + " of " + request.requester() + " " + verb
        + (request.reason() == null ? "" : ": " + request.reason());
  }

  /** What was asked beyond reading for oneself with PII masked: " (PII in clear, for team analysts)". */
  private static String terms(AccessRequest request) {
    String terms = (request.pii() ? ", PII in clear" : "")
        + (request.forTeam() == null ? "" : ", for team " + request.forTeam())
        + (request.forProduct() == null ? "" : ", for product " + request.forProduct());
    return terms.isEmpty() ? "" : " (" + terms.substring(2) + ")";
  }
}
