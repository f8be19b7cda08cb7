package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;
import java.util.List;

/** A business domain that owns sources and data products. */
public record Domain(Metadata metadata, Spec spec) implements Resource {

  public Domain {
    if (metadata == null || spec == null) {
      throw new InvalidException("a Domain needs metadata and spec");
    }
  }

  @Override
  public Kind kind() {
    return Kind.DOMAIN;
  }

  public enum Type {
    SOURCE_ALIGNED, AGGREGATE, CONSUMER_ALIGNED;

    @Override
    public String toString() {
      return Enums.kebab(this);
    }
  }

  /**
   * {@code owner} and {@code members} are emails; {@code teams} names platform teams, every member
   * of which is a member of the domain.
   */
  public record Spec(String description, String owner, List<String> members, Type type, List<String> teams) {
    public Spec {
      Emails.check(owner, "owner");
      members = members == null ? List.of() : List.copyOf(members);
      members.forEach(member -> Emails.check(member, "member"));
      if (type == null) {
        throw new InvalidException("a domain needs a type");
      }
      teams = teams == null ? List.of() : List.copyOf(teams);
      teams.forEach(team -> Names.check(team, "team name"));
    }

    /** A spec without teams. */
    public Spec(String description, String owner, List<String> members, Type type) {
      this(description, owner, members, type, List.of());
    }
  }
}
