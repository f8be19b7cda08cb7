package dev.meshwork.server;

import dev.meshwork.core.identity.Principal;
import dev.meshwork.spec.error.DeniedException;

/**
 * The access rules, in one place: which permissions a principal has at all, and the checks that
 * depend on a resource's domain. Denials name the user, what they tried and who may do it.
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
      default:
        return principal.admin();
    }
  }

  /** The denial for a principal lacking a route's permission. */
  public static DeniedException denied(Principal principal, Permission permission) {
    String who = permission == Permission.GOVERN ? "only a platform admin"
        : "only owners and members of a domain, or a platform admin";
    return new DeniedException("user " + principal.user() + " may not " + permission.action() + ": " + who);
  }

  /** Fails unless {@code principal} owns or is a member of {@code domain}, or is a platform admin. */
  public static void requireDomain(Principal principal, String domain, String what) {
    if (!principal.maintains(domain)) {
      throw new DeniedException("user " + principal.user() + " may not " + what + ": only owners and members of domain "
          + domain + ", or a platform admin");
    }
  }

  /** Fails unless {@code principal} is a platform admin. */
  public static void requireAdmin(Principal principal, String what) {
    if (!principal.admin()) {
      throw new DeniedException("user " + principal.user() + " may not " + what + ": only a platform admin");
    }
  }
}
