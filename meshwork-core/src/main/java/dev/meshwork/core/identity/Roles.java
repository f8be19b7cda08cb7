package dev.meshwork.core.identity;

import dev.meshwork.core.spi.User;
import dev.meshwork.spec.Domain;
import dev.meshwork.spec.error.InvalidException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a user may do, from who they are and the applied domains: a platform admin may do
 * everything; a domain's owner and members (named by email in the Domain resource, or members of a
 * team it lists in {@code spec.teams}) apply and build its resources and approve access to its
 * products; any authenticated user consumes. Emails are compared without regard to case.
 */
/** {@code owns} and {@code memberOf} are domain names, sorted. */
public record Roles(boolean admin, Set<String> owns, Set<String> memberOf) {

  public Roles {
    owns = Collections.unmodifiableSortedSet(new TreeSet<>(owns));
    memberOf = Collections.unmodifiableSortedSet(new TreeSet<>(memberOf));
  }

  /** The roles of {@code user} given these domains (a domain's id is its metadata name). */
  public static Roles of(User user, List<Domain> domains) {
    if (user == null) {
      throw new InvalidException("cannot work out roles: the user is missing");
    }
    String email = normal(user.email());
    Set<String> owns = new TreeSet<>();
    Set<String> memberOf = new TreeSet<>();
    for (Domain domain : domains == null ? List.<Domain>of() : domains) {
      String name = domain.metadata().name();
      if (email.equals(normal(domain.spec().owner()))) {
        owns.add(name);
      }
      if (domain.spec().members().stream().map(Roles::normal).anyMatch(email::equals)
          || user.team() != null && domain.spec().teams().contains(user.team())) {
        memberOf.add(name);
      }
    }
    return new Roles(user.admin(), owns, memberOf);
  }

  /** Whether the user may apply and build the domain's resources and approve access to its products. */
  public boolean maintains(String domain) {
    return admin || owns.contains(domain) || memberOf.contains(domain);
  }

  private static String normal(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
