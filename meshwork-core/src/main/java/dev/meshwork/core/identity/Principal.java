package dev.meshwork.core.identity;

import dev.meshwork.core.spi.User;
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

  static Principal of(User user, Roles roles) {
    return new Principal(user.name(), user.team(), roles.admin(), roles.owns(), roles.memberOf());
  }

  /** Whether they may apply and build the domain's resources and approve access to its products. */
  public boolean maintains(String domain) {
    return admin || owns.contains(domain) || memberOf.contains(domain);
  }
}
