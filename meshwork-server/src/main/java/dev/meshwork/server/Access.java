package dev.meshwork.server;

import dev.meshwork.core.identity.Principal;
import dev.meshwork.spec.error.DeniedException;

/**
 * Which route permissions a principal has at all, before a route looks at its resource; the
 * checks that depend on a resource's domain are the principal's own ({@link Principal#requireDomain},
 * {@link Principal#requireMayApply}). Denials name the user, what they tried and who may do it.
 */
public final class Access {

  private Access() {}

  /** Whether {@code principal} may use a route needing {@code permission}, before looking at its resource. */
  public static boolean allows(Principal principal, Permission permission) {
    switch (permission) {
      case PUBLIC:
      case READ:
      case QUERY:
        return true;
      case APPLY:
      case BUILD:
      case RETAIN:
        return principal.admin() || !principal.owns().isEmpty() || !principal.memberOf().isEmpty();
      case GOVERN:
      case AUDIT:
      default:
        return principal.admin();
    }
  }

  /** The denial for a principal lacking a route's permission. */
  public static DeniedException denied(Principal principal, Permission permission) {
    String who = permission == Permission.GOVERN || permission == Permission.AUDIT ? "only a platform admin"
        : "only owners and members of a domain, or a platform admin";
    return new DeniedException("user " + principal.user() + " may not " + permission.action() + ": " + who);
  }
}
