package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;

/**
 * An API token of a user. Only {@code hash}, the SHA-256 of the secret in hex, is kept: the secret
 * itself is shown once, when the token is issued. {@code expiresAt} is null for a token that does
 * not expire, {@code revokedAt} while it is not revoked, {@code lastUsedAt} until it is used.
 */
public record ApiToken(String id, String user, String hash, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       Instant lastUsedAt) {

  public ApiToken {
    if (id == null || id.isBlank()) {
      throw new InvalidException("cannot record an API token: its id is blank");
    }
    String where = "cannot record API token " + id + ": ";
    if (user == null || user.isBlank()) {
      throw new InvalidException(where + "user is blank");
    }
    if (hash == null || !hash.matches("[0-9a-f]{64}")) {
      throw new InvalidException(where + "hash is not a SHA-256 in lower-case hex");
    }
    if (createdAt == null) {
      throw new InvalidException(where + "createdAt is missing");
    }
    if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
      throw new InvalidException(where + "expiresAt " + expiresAt + " is not after createdAt " + createdAt);
    }
    if (revokedAt != null && revokedAt.isBefore(createdAt)) {
      throw new InvalidException(where + "revokedAt " + revokedAt + " is before createdAt " + createdAt);
    }
  }

  /** Whether the token has expired at {@code now} (at its expiry or after). */
  public boolean expired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** Whether the token has been revoked at {@code now} (at its revocation or after). */
  public boolean revoked(Instant now) {
    return revokedAt != null && !now.isBefore(revokedAt);
  }
}
