package dev.meshwork.server.web;

import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.core.spi.WebSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The web catalog's sessions: a random id (the cookie's value) names a session, which keeps the
 * hash of the token its user logged in with (none before logging in; each page checks the token
 * still holds, and so learns who the user is now) and its CSRF token, which every form carries back.
 * A {@link SessionStore} keeps them by the hash of their id, never the id itself. A session unused
 * for {@link #IDLE} ends (ended ones are dropped as new ones open); using it extends it, written
 * only once {@link #SLACK} of its life has passed, not on every page.
 */
final class Sessions {

  /** How long an unused session lasts. */
  static final Duration IDLE = Duration.ofHours(8);

  /** How much of a session's life passes before using it extends it in the store. */
  static final Duration SLACK = Duration.ofMinutes(5);

  /**
   * One browser's session: {@code tokenHash} null until its user logs in, {@code principal} who
   * that user is (null until the token has been checked for the page at hand).
   */
  record Session(String id, Principal principal, String tokenHash, String csrf, Instant expiresAt) {

    boolean loggedIn() {
      return tokenHash != null;
    }

    /** Whether {@code token} is this session's CSRF token, compared in constant time. */
    boolean csrfMatches(String token) {
      return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
          token.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final SessionStore store;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  Sessions(SessionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * A new session for {@code principal}, who logged in with the token whose hash is {@code tokenHash}
   * (both null for a visitor about to log in), with fresh id and CSRF token.
   */
  Session open(Principal principal, String tokenHash) {
    Instant now = clock.instant();
    store.deleteExpired(now);
    Session session = new Session(token(), principal, tokenHash, token(), now.plus(IDLE));
    store.save(new WebSession(Identities.sha256(session.id()), tokenHash, session.csrf(), session.expiresAt()));
    return session;
  }

  /**
   * The live session with this id, its user not known yet, its life extended when more than
   * {@link #SLACK} of it has passed; empty when there is none or it has ended.
   */
  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String idHash = Identities.sha256(id);
    Optional<WebSession> found = store.find(idHash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    WebSession stored = found.get();
    Instant now = clock.instant();
    if (stored.endedAt(now)) {
      store.delete(idHash);
      return Optional.empty();
    }
    if (Duration.between(now, stored.expiresAt()).compareTo(IDLE.minus(SLACK)) < 0) {
      stored = stored.until(now.plus(IDLE));
      store.save(stored);
    }
    return Optional.of(new Session(id, null, stored.tokenHash(), stored.csrf(), stored.expiresAt()));
  }

  /** The session with its user as they are now (roles change, teams change); the same id, token and CSRF token. */
  Session refresh(Session session, Principal principal) {
    return new Session(session.id(), principal, session.tokenHash(), session.csrf(), session.expiresAt());
  }

  void close(String id) {
    if (id != null) {
      store.delete(Identities.sha256(id));
    }
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
