package dev.meshwork.cli;

import dev.meshwork.spec.Domain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A person of the demo: named after their email, in a team, and what they may do. Each domain's
 * owner (the email in its Domain resource, so the platform makes them its owner) is in a team
 * named after the domain; the consumers are in the team {@code analytics} and own nothing.
 */
record DemoUser(String name, String email, String team, String role) {

  /** The team of the demo's consumers. */
  static final String CONSUMERS = "analytics";

  /** An owner for each domain, in the domains' order, then the consumers. */
  static List<DemoUser> of(List<Domain> domains) {
    Map<String, DemoUser> users = new LinkedHashMap<>();
    for (Domain domain : domains) {
      String email = domain.spec().owner().strip().toLowerCase(Locale.ROOT);
      String name = domain.metadata().name();
      users.merge(email, new DemoUser(localPart(email), email, name, "owner of " + name),
          (first, again) -> new DemoUser(first.name(), email, first.team(), first.role() + ", " + name));
    }
    List<DemoUser> all = new ArrayList<>(users.values());
    all.add(new DemoUser("analyst", "analyst@example.com", CONSUMERS, "consumer"));
    all.add(new DemoUser("data-scientist", "data-scientist@example.com", CONSUMERS, "consumer"));
    return List.copyOf(all);
  }

  /** A user name from an email: its local part, lower case, with characters a name may not hold as '-'. */
  private static String localPart(String email) {
    String local = email.substring(0, email.indexOf('@')).replaceAll("[^a-z0-9_-]", "-");
    return Character.isLetter(local.charAt(0)) ? local : "u" + local;
  }
}
