package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;

/**
 * A person (or robot) who may use the platform: {@code team} is null when they belong to none,
 * {@code admin} makes them a platform admin, who may do everything.
 */
public record User(String name, String email, String team, boolean admin, Instant createdAt) {

  public User {
    if (name == null || name.isBlank()) {
      throw new InvalidException("cannot record a user: the name is blank");
    }
    if (email == null || email.isBlank()) {
      throw new InvalidException("cannot record user " + name + ": email is blank");
    }
    if (team != null && team.isBlank()) {
      throw new InvalidException("cannot record user " + name + ": team is blank");
    }
    if (createdAt == null) {
      throw new InvalidException("cannot record user " + name + ": createdAt is missing");
    }
  }
}
