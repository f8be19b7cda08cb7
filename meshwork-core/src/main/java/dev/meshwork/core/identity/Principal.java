package dev.meshwork.core.identity;

import dev.meshwork.core.spi.User;
import dev.meshwork.spec.Domain;
import dev.meshwork.spec.Policy;
import dev.meshwork.spec.Resource;
import dev.meshwork.spec.error.DeniedException;
import java.util.Set;

/**
 * Who made a request, once their token is checked: the user, their team (null when none), whether
 * they are a platform admin, and the domains they own or are a member of.
 */
public record Principal(String user, String team, boolean admin, Set<String> owns, Set<String> memberOf) {

  public Principal {
    owns = Set.copyOf(owns);
    memberOf = Set.copyOf(memberOf);
  }

  /** Whoever runs the platform in-process on its home: they hold its keys, so they act as a platform admin. */
  public static final Principal LOCAL = new Principal("local", null, true, Set.of(), Set.of());

  /** The platform's own scheduler, running scheduled builds and retention as a platform admin. */
  public static final Principal SCHEDULER = new Principal("scheduler", null, true, Set.of(), Set.of());

  static Principal of(User user, Roles roles) {
    return new Principal(user.name(), user.team(), roles.admin(), roles.owns(), roles.memberOf());
  }

  /** Whether they may apply and build the domain's resources and approve access to its products. */
  public boolean maintains(String domain) {
    return admin || owns.contains(domain) || memberOf.contains(domain);
  }

  /** Fails unless they own or are a member of {@code domain}, or are a platform admin. */
  public void requireDomain(String domain, String what) {
    if (!maintains(domain)) {
      throw new DeniedException("user " + user + " may not " + what + ": only owners and members of domain "
          + domain + ", or a platform admin");
    }
  }

  /** Fails unless they are a platform admin. */
  public void requireAdmin(String what) {
    if (!admin) {
      throw new DeniedException("user " + user + " may not " + what + ": only a platform admin");
    }
  }

  /** Fails unless they may apply {@code resource}: domains and global policies are the admin's, the rest its domain's. */
  public void requireMayApply(Resource resource) {
    String what = "apply " + resource.label();
    if (resource instanceof Domain) {
      requireAdmin(what);
    } else if (resource instanceof Policy policy) {
      Policy.Scope scope = policy.spec().scope();
      if (scope == null || scope.isGlobal()) {
        requireAdmin(what);
      } else {
        requireDomain(scope.domain(), what);
      }
    } else {
      requireDomain(resource.metadata().domain(), what);
    }
  }
}
