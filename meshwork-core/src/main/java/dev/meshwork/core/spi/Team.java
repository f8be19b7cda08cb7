package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;

/** A group of users, e.g. the people of one domain. */
public record Team(String name, Instant createdAt) {

  public Team {
    if (name == null || name.isBlank()) {
      throw new InvalidException("cannot record a team: the name is blank");
    }
    if (createdAt == null) {
      throw new InvalidException("cannot record team " + name + ": createdAt is missing");
    }
  }
}
