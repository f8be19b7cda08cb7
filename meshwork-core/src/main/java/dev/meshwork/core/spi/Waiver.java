package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;

/**
 * A policy's exception for one resource, granted by someone for a reason, until it expires or is
 * revoked ({@code revokedAt} null while it is not). Waivers are kept after they end, as history.
 */
public record Waiver(String id, String policy, String resourceKind, String resourceId, String justification,
                     String grantedBy, Instant grantedAt, Instant expiresAt, Instant revokedAt) {

  /** The shortest justification accepted, in characters (leading and trailing blanks not counted). */
  public static final int MIN_JUSTIFICATION = 10;

  public Waiver {
    if (id == null || id.isBlank()) {
      throw new InvalidException("cannot record a waiver: its id is blank");
    }
    String where = "cannot record waiver " + id + ": ";
    requireText(where, "policy", policy);
    requireText(where, "resourceKind", resourceKind);
    requireText(where, "resourceId", resourceId);
    requireText(where, "justification", justification);
    requireText(where, "grantedBy", grantedBy);
    int length = justification.strip().length();
    if (length < MIN_JUSTIFICATION) {
      throw new InvalidException(where + "justification must be at least " + MIN_JUSTIFICATION
          + " characters, not " + length);
    }
    if (grantedAt == null) {
      throw new InvalidException(where + "grantedAt is missing");
    }
    if (expiresAt == null) {
      throw new InvalidException(where + "expiresAt is missing");
    }
    if (!expiresAt.isAfter(grantedAt)) {
      throw new InvalidException(where + "expiresAt " + expiresAt + " is not after grantedAt " + grantedAt);
    }
    if (revokedAt != null && revokedAt.isBefore(grantedAt)) {
      throw new InvalidException(where + "revokedAt " + revokedAt + " is before grantedAt " + grantedAt);
    }
  }

  /**
   * Whether the waiver is in force at {@code now}: granted at or before it, and neither expired
   * nor revoked at or before it.
   */
  public boolean activeAt(Instant now) {
    if (now == null) {
      throw new InvalidException("cannot check waiver " + id + ": the time to check at is missing");
    }
    return !now.isBefore(grantedAt) && now.isBefore(expiresAt) && (revokedAt == null || now.isBefore(revokedAt));
  }

  /** The same waiver, revoked at {@code at}. */
  public Waiver revoked(Instant at) {
    return new Waiver(id, policy, resourceKind, resourceId, justification, grantedBy, grantedAt, expiresAt, at);
  }

  private static void requireText(String where, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidException(where + field + " is blank");
    }
  }
}
