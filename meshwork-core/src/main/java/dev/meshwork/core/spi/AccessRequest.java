package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A request to read a product's data, and the grant it becomes once approved. It is made by a user
 * for a purpose, for themselves, a team ({@code forTeam}) or a consuming product
 * ({@code forProduct}), with or without the PII in clear; it is decided by the rule in
 * {@code approval} (auto, owner or governance) and ends at {@code expiresAt}. Nothing is deleted:
 * a rejected or revoked request stays as history.
 *
 * @param decidedBy who approved or rejected it ({@code auto} for the platform), null while pending
 * @param reason    why it was rejected or revoked, or an approver's note; null when none
 * @param revokedAt when an approved grant was withdrawn, null while it was not
 */
public record AccessRequest(String id, String product, String requester, String purpose, boolean pii,
                            String forTeam, String forProduct, String approval, Status status,
                            Instant requestedAt, Instant expiresAt, String decidedBy, Instant decidedAt,
                            String reason, Instant revokedAt) {

  /** Where a request stands. An approved request is a grant until it expires or is revoked. */
  public enum Status {
    PENDING, APPROVED, REJECTED, REVOKED;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Who decided a request the platform approved by itself. */
  public static final String AUTO = "auto";

  public AccessRequest {
    if (id == null || id.isBlank()) {
      throw new InvalidException("cannot record an access request: its id is blank");
    }
    String where = "cannot record access request " + id + ": ";
    requireText(where, "product", product);
    requireText(where, "requester", requester);
    requireText(where, "purpose", purpose);
    requireText(where, "approval", approval);
    if (status == null) {
      throw new InvalidException(where + "status is missing");
    }
    if (requestedAt == null || expiresAt == null) {
      throw new InvalidException(where + (requestedAt == null ? "requestedAt" : "expiresAt") + " is missing");
    }
    if (!expiresAt.isAfter(requestedAt)) {
      throw new InvalidException(where + "expiresAt " + expiresAt + " is not after requestedAt " + requestedAt);
    }
    if (forTeam != null && forProduct != null) {
      throw new InvalidException(where + "it is for team " + forTeam + " and for product " + forProduct + "; one at most");
    }
    boolean decided = status != Status.PENDING;
    if (decided != (decidedBy != null && decidedAt != null)) {
      throw new InvalidException(where + (decided ? "a " + status + " request needs decidedBy and decidedAt"
          : "a pending request has no decision"));
    }
    if ((status == Status.REVOKED) != (revokedAt != null)) {
      throw new InvalidException(where + "revokedAt is set exactly when the request is revoked");
    }
  }

  /** Whether it lets its holders read the product at {@code now}: approved, not yet expired, not revoked. */
  public boolean grantsAt(Instant now) {
    return status == Status.APPROVED && now.isBefore(expiresAt);
  }

  /** The time from asking to a usable grant, for an approved (or later revoked) request; null otherwise. */
  public Duration timeToAccess() {
    return status == Status.APPROVED || status == Status.REVOKED ? Duration.between(requestedAt, decidedAt) : null;
  }

  /** The request decided: approved or rejected by {@code by} at {@code at}. */
  public AccessRequest decided(Status outcome, String by, Instant at, String note) {
    return new AccessRequest(id, product, requester, purpose, pii, forTeam, forProduct, approval, outcome, requestedAt,
        expiresAt, by, at, note, null);
  }

  /** The grant withdrawn at {@code at}, keeping who approved it. */
  public AccessRequest revoked(Instant at, String note) {
    return new AccessRequest(id, product, requester, purpose, pii, forTeam, forProduct, approval, Status.REVOKED,
        requestedAt, expiresAt, decidedBy, decidedAt, note, at);
  }

  private static void requireText(String where, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidException(where + field + " is blank");
    }
  }
}
