package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.util.Set;

/**
 * A governance rule as code: a CEL expression evaluated on apply, build or access events, for
 * every domain ({@code global}) or one ({@code domain:<name>}). Domains may add, never relax.
 */
public record Policy(Metadata metadata, Spec spec) implements Resource {

  public Policy {
    if (metadata == null || spec == null) {
      throw new InvalidException("a Policy needs metadata and spec");
    }
  }

  @Override
  public Kind kind() {
    return Kind.POLICY;
  }

  public enum Event {
    APPLY, BUILD, ACCESS;

    @Override
    public String toString() {
      return Enums.kebab(this);
    }
  }

  public enum Severity {
    BLOCKING, WARNING;

    @Override
    public String toString() {
      return Enums.kebab(this);
    }
  }

  /** {@code global}, or {@code domain:<name>} with the domain set. */
  public record Scope(String domain) {
    public Scope {
      if (domain != null) {
        Names.check(domain, "domain name");
      }
    }

    public static Scope global() {
      return new Scope(null);
    }

    public static Scope parse(String text) {
      String value = text == null ? "" : text.trim();
      if (value.equals("global")) {
        return global();
      }
      if (value.startsWith("domain:")) {
        return new Scope(value.substring("domain:".length()).trim());
      }
      throw new InvalidException("unknown scope '" + text + "' (expected global or domain:<name>)");
    }

    public boolean isGlobal() {
      return domain == null;
    }

    @Override
    public String toString() {
      return isGlobal() ? "global" : "domain:" + domain;
    }
  }

  public record Spec(String description, Scope scope, Set<Event> on, Severity severity, String when, String rule,
                     String message) {
    public Spec {
      if (scope == null || severity == null) {
        throw new InvalidException("a policy needs a scope and a severity");
      }
      on = on == null ? Set.of() : Set.copyOf(on);
      if (on.isEmpty()) {
        throw new InvalidException("a policy needs at least one event in 'on' (apply, build, access)");
      }
      if (rule == null || rule.isBlank()) {
        throw new InvalidException("a policy needs a rule");
      }
      if (message == null || message.isBlank()) {
        throw new InvalidException("a policy needs a message");
      }
    }
  }
}
