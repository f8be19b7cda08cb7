package dev.meshwork.server.web;

import dev.meshwork.core.identity.Principal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web catalog's sessions, in memory: a random id (the cookie's value) maps to who logged in
 * (null before logging in), the hash of the token they logged in with (so that each page can check
 * the token still holds) and the session's CSRF token, which every form carries back. A session
 * unused for {@link #IDLE} ends (ended ones are dropped as new ones open); sessions end with the
 * server, and a browser then logs in again.
 */
final class Sessions {

  /** How long an unused session lasts. */
  static final Duration IDLE = Duration.ofHours(8);

  /** One browser's session: {@code principal} and {@code tokenHash} null until its user logs in. */
  record Session(String id, Principal principal, String tokenHash, String csrf, Instant expiresAt) {

    boolean loggedIn() {
      return principal != null;
    }

    /** Whether {@code token} is this session's CSRF token, compared in constant time. */
    boolean csrfMatches(String token) {
      return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
          token.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  Sessions(Clock clock) {
    this.clock = clock;
  }

  /**
   * A new session for {@code principal}, who logged in with the token whose hash is {@code tokenHash}
   * (both null for a visitor about to log in), with fresh id and CSRF token.
   */
  Session open(Principal principal, String tokenHash) {
    Instant now = clock.instant();
    sessions.values().removeIf(old -> !now.isBefore(old.expiresAt()));
    Session session = new Session(token(), principal, tokenHash, token(), now.plus(IDLE));
    sessions.put(session.id(), session);
    return session;
  }

  /** The live session with this id, its life extended; empty when there is none or it has ended. */
  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = sessions.get(id);
    Instant now = clock.instant();
    if (session == null) {
      return Optional.empty();
    }
    if (!now.isBefore(session.expiresAt())) {
      sessions.remove(id);
      return Optional.empty();
    }
    Session touched = new Session(session.id(), session.principal(), session.tokenHash(), session.csrf(), now.plus(IDLE));
    sessions.put(id, touched);
    return Optional.of(touched);
  }

  /** The session with its user as they are now (roles change, teams change); the same id, token and CSRF token. */
  Session refresh(Session session, Principal principal) {
    Session refreshed = new Session(session.id(), principal, session.tokenHash(), session.csrf(), session.expiresAt());
    sessions.replace(session.id(), refreshed);
    return refreshed;
  }

  void close(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
