package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;

/**
 * A browser's session with the web catalog, as stored: {@code idHash} is the SHA-256 (hex) of the
 * session's id, which only the browser's cookie holds; {@code tokenHash} the SHA-256 of the API
 * token its user logged in with (null for a visitor who has not logged in yet); {@code csrf} the
 * token every form of the session carries back; and {@code expiresAt} when the session ends unless
 * it is used before.
 */
public record WebSession(String idHash, String tokenHash, String csrf, Instant expiresAt) {

  public WebSession {
    if (idHash == null || idHash.isBlank()) {
      throw new InvalidException("cannot record a web session: its id hash is blank");
    }
    if (csrf == null || csrf.isBlank()) {
      throw new InvalidException("cannot record a web session: its CSRF token is blank");
    }
    if (expiresAt == null) {
      throw new InvalidException("cannot record a web session: its expiry is missing");
    }
  }

  /** Whether its user has logged in. */
  public boolean loggedIn() {
    return tokenHash != null;
  }

  /** Whether it has ended at {@code now}. */
  public boolean endedAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** The same session, ending at {@code at}. */
  public WebSession until(Instant at) {
    return new WebSession(idHash, tokenHash, csrf, at);
  }
}
