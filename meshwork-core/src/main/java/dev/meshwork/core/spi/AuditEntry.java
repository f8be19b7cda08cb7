package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One line of the platform's audit log: at {@code at}, {@code actor} did {@code action} on a
 * resource ({@code resourceKind} and {@code resourceId}, both null when there is none, e.g. an
 * unknown token), with an {@code outcome} of {@code ok}, {@code denied} or {@code failed}.
 * {@code details} is a short text (null when there is nothing to add); {@code rows} counts the rows
 * built, published or read, null when the action concerns no rows. Entries are appended and never
 * changed.
 *
 * <p>The actor is a user's name, {@code local} for the home's operator, or the platform itself:
 * {@code auto} (approved automatically), {@code policy} (policy verdicts), {@code scheduler}.
 */
public record AuditEntry(String id, Instant at, String actor, String action, String resourceKind, String resourceId,
                         String outcome, String details, Long rows) {

  public static final String OK = "ok";
  public static final String DENIED = "denied";
  public static final String FAILED = "failed";
  /** How an action ended. */
  public static final Set<String> OUTCOMES = Set.of(OK, DENIED, FAILED);

  public static final String APPLY = "apply";
  public static final String BUILD_START = "build.start";
  public static final String BUILD_END = "build.end";
  public static final String PUBLISH = "publish";
  public static final String READ = "read";
  public static final String POLICY = "policy";
  public static final String ACCESS_REQUEST = "access.request";
  public static final String ACCESS_APPROVE = "access.approve";
  public static final String ACCESS_REJECT = "access.reject";
  public static final String ACCESS_REVOKE = "access.revoke";
  public static final String WAIVER_GRANT = "waiver.grant";
  public static final String WAIVER_REVOKE = "waiver.revoke";
  public static final String RETENTION = "retention";
  public static final String TOKEN_USE = "token.use";
  public static final String TOKEN_REFUSED = "token.refused";
  public static final String REQUEST_REFUSED = "request.refused";
  public static final String TOKEN_CREATE = "token.create";
  public static final String TOKEN_REVOKE = "token.revoke";
  public static final String USER_CREATE = "user.create";
  public static final String TEAM_CREATE = "team.create";

  /** The vocabulary of actions, in the order the documentation lists them. */
  public static final List<String> ACTIONS = List.of(APPLY, BUILD_START, BUILD_END, PUBLISH, READ, POLICY,
      ACCESS_REQUEST, ACCESS_APPROVE, ACCESS_REJECT, ACCESS_REVOKE, WAIVER_GRANT, WAIVER_REVOKE, RETENTION, TOKEN_USE,
      TOKEN_REFUSED, REQUEST_REFUSED, TOKEN_CREATE, TOKEN_REVOKE, USER_CREATE, TEAM_CREATE);

  public AuditEntry {
    if (id == null || id.isBlank()) {
      throw new InvalidException("cannot record an audit entry: its id is blank");
    }
    String where = "cannot record audit entry " + id + ": ";
    if (at == null) {
      throw new InvalidException(where + "at is missing");
    }
    if (actor == null || actor.isBlank()) {
      throw new InvalidException(where + "actor is blank");
    }
    if (!ACTIONS.contains(action)) {
      throw new InvalidException(where + "action '" + action + "' is not one of " + String.join(", ", ACTIONS));
    }
    if ((resourceKind == null) != (resourceId == null) || (resourceKind != null
        && (resourceKind.isBlank() || resourceId.isBlank()))) {
      throw new InvalidException(where + "a resource needs both its kind and its id, or neither");
    }
    if (!OUTCOMES.contains(outcome)) {
      throw new InvalidException(where + "outcome '" + outcome + "' is not one of ok, denied, failed");
    }
    if (rows != null && rows < 0) {
      throw new InvalidException(where + "rows is negative (" + rows + ")");
    }
  }
}
