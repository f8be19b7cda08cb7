package dev.meshwork.core.identity;

import dev.meshwork.core.audit.AuditLog;
import dev.meshwork.core.spi.ApiToken;
import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.Team;
import dev.meshwork.core.spi.User;
import dev.meshwork.spec.Domain;
import dev.meshwork.spec.Emails;
import dev.meshwork.spec.Names;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Users, teams and API tokens. A token's secret is {@code mw_} and 32 random bytes in base64url;
 * it is returned once, when issued, and only its SHA-256 is stored, so the metadata store never
 * holds a usable secret. Times are the clock's, to the millisecond. Creating users, teams and
 * tokens, revoking tokens, and every token checked are recorded in the audit log: the first by the
 * home's operator ({@code local}), a token's use by its user, a refused token with its reason.
 */
public final class Identities {

  /** Every token secret starts with this. */
  public static final String PREFIX = "mw_";
  /** The user created on a platform's first start. */
  public static final String ADMIN = "admin";
  private static final int SECRET_BYTES = 32;
  private static final int ID_BYTES = 6;
  /** Who the audit log says manages users, teams and tokens: the home's operator. */
  private static final String OPERATOR = Principal.LOCAL.user();

  private final MetadataStore store;
  private final Clock clock;
  private final Supplier<List<Domain>> domains;
  private final AuditLog audit;
  private final SecureRandom random = new SecureRandom();

  /** {@code domains} gives the applied domains, from which a principal's roles come. */
  public Identities(MetadataStore store, Clock clock, Supplier<List<Domain>> domains, AuditLog audit) {
    this.store = store;
    this.clock = clock;
    this.domains = domains;
    this.audit = audit;
  }

  public Team createTeam(String name) {
    check("create team " + name, () -> Names.check(name, "team name"));
    Team team = new Team(name, now());
    store.saveTeam(team);
    audit.ok(OPERATOR, AuditEntry.TEAM_CREATE, AuditLog.TEAM, name, null);
    return team;
  }

  /** Creates a user; the name is a lower-case name, the email an address, the team one that exists (or null). */
  public User createUser(String name, String email, String team, boolean admin) {
    check("create user " + name, () -> {
      Names.check(name, "user name");
      Emails.check(email, "email");
    });
    if (team != null && store.team(team).isEmpty()) {
      throw new NotFoundException("cannot create user " + name + ": team " + team + " does not exist");
    }
    User user = new User(name, email, team, admin, now());
    store.saveUser(user);
    audit.ok(OPERATOR, AuditEntry.USER_CREATE, AuditLog.USER, name, (team == null ? "no team" : "team " + team)
        + (admin ? ", platform admin" : ""));
    return user;
  }

  public List<User> users() {
    return store.users();
  }

  public List<Team> teams() {
    return store.teams();
  }

  /**
   * Issues a token for a user, expiring at {@code expiresAt} (null: never), which must be in the
   * future. The returned secret is not kept anywhere.
   */
  public IssuedToken issueToken(String user, Instant expiresAt) {
    Instant now = now();
    if (store.user(user).isEmpty()) {
      throw new NotFoundException("cannot issue a token for user " + user + ": the user does not exist");
    }
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidException("cannot issue a token for user " + user + ": its expiry " + expiresAt
          + " is not in the future");
    }
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(SECRET_BYTES));
    ApiToken token = new ApiToken(HexFormat.of().formatHex(bytes(ID_BYTES)), user, sha256(secret), now, expiresAt,
        null, null);
    store.saveToken(token);
    audit.ok(OPERATOR, AuditEntry.TOKEN_CREATE, AuditLog.TOKEN, token.id(), "for user " + user + ", "
        + (expiresAt == null ? "never expires" : "expires " + expiresAt));
    return new IssuedToken(token, secret);
  }

  /** Tokens, newest first; {@code user} null for everyone's. An unknown user fails. */
  public List<ApiToken> tokens(String user) {
    if (user != null && store.user(user).isEmpty()) {
      throw new NotFoundException("cannot list the tokens of user " + user + ": the user does not exist");
    }
    return store.tokens(user);
  }

  /** Revokes a token now; revoking it again keeps the first revocation. Returns it as stored. */
  public ApiToken revoke(String id) {
    ApiToken token = store.revokeToken(id, now());
    audit.ok(OPERATOR, AuditEntry.TOKEN_REVOKE, AuditLog.TOKEN, token.id(), "of user " + token.user());
    return token;
  }

  /**
   * Checks a token's secret. A good one is recorded as used now and gives the principal; an
   * unknown, expired or revoked one gives why it was refused.
   */
  public Authentication authenticate(String secret) {
    Optional<ApiToken> found = secret == null || !secret.startsWith(PREFIX) ? Optional.empty()
        : store.tokenByHash(sha256(secret));
    Instant now = now();
    Authentication checked = check(found, now);
    if (checked.failure().isPresent()) {
      return refused(found.orElse(null), checked.failure().get());
    }
    ApiToken token = found.orElseThrow();
    store.touchToken(token.id(), now);
    audit.ok(checked.principal().orElseThrow().user(), AuditEntry.TOKEN_USE, AuditLog.TOKEN, token.id(), null);
    return checked;
  }

  /**
   * Checks again, by the hash of its secret, a token that authenticated earlier (a web session
   * keeps the hash, never the secret): the principal as the user is now — roles and teams
   * included — or why the token no longer holds. Not recorded as a use: the login was.
   */
  public Authentication recheck(String tokenHash) {
    return check(tokenHash == null ? Optional.empty() : store.tokenByHash(tokenHash), now());
  }

  /** Whether a token found (or not) holds at {@code now}: its user as they are now, or why not. */
  private Authentication check(Optional<ApiToken> found, Instant now) {
    if (found.isEmpty()) {
      return Authentication.refused(Authentication.Failure.INVALID);
    }
    ApiToken token = found.get();
    if (token.revoked(now)) {
      return Authentication.refused(Authentication.Failure.REVOKED);
    }
    if (token.expired(now)) {
      return Authentication.refused(Authentication.Failure.EXPIRED);
    }
    return store.user(token.user())
        .map(user -> Authentication.of(Principal.of(user, Roles.of(user, domains.get()))))
        .orElseGet(() -> Authentication.refused(Authentication.Failure.INVALID));
  }

  /** A refusal, recorded with its reason as the token's user's (nobody's when the token is unknown). */
  private Authentication refused(ApiToken token, Authentication.Failure failure) {
    audit.record(token == null ? AuditLog.ANONYMOUS : token.user(), AuditEntry.TOKEN_REFUSED,
        token == null ? null : AuditLog.TOKEN, token == null ? null : token.id(), AuditEntry.DENIED, failure.message(),
        null);
    return Authentication.refused(failure);
  }

  /**
   * The principal of a user, as if they had authenticated; for the home's operator acting on a
   * user's behalf.
   *
   * @throws NotFoundException when there is no such user
   */
  public Principal principal(String name) {
    return principal(name, false).orElseThrow(() -> new NotFoundException("cannot act as " + name
        + ": no such user on this platform"));
  }

  /**
   * The principal of a user whom something else authenticated (an identity provider's signed
   * token), found by name, or by email without regard to case when {@code byEmail}; empty when no
   * user matches.
   */
  public Optional<Principal> principal(String nameOrEmail, boolean byEmail) {
    Optional<User> user = byEmail
        ? store.users().stream().filter(u -> u.email().equalsIgnoreCase(nameOrEmail.strip())).findFirst()
        : store.user(nameOrEmail);
    return user.map(found -> Principal.of(found, Roles.of(found, domains.get())));
  }

  /**
   * On a platform's first start, when it has no user, creates the admin user {@code admin} and
   * returns a token for it that does not expire; once any user exists, returns empty.
   */
  public Optional<IssuedToken> ensureAdmin() {
    if (!store.users().isEmpty()) {
      return Optional.empty();
    }
    createUser(ADMIN, "admin@meshwork.local", null, true);
    return Optional.of(issueToken(ADMIN, null));
  }

  /** The SHA-256 of a secret, in lower-case hex: what is stored of a token. */
  public static String sha256(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new EngineException("cannot hash a token: this Java has no SHA-256", e);
    }
  }

  /** Runs a check, saying what could not be done when it fails. */
  private static void check(String what, Runnable check) {
    try {
      check.run();
    } catch (InvalidException e) {
      throw new InvalidException("cannot " + what + ": " + e.getMessage());
    }
  }

  private byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
