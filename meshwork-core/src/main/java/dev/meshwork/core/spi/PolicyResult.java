package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;
import java.util.Set;

/**
 * One policy's verdict on one resource at one event ({@code apply}, {@code build} or
 * {@code access}). {@code message} says why (null when there is nothing to say);
 * {@code waiverId} names the waiver that let a {@code WAIVED} result pass and is null otherwise.
 */
public record PolicyResult(String id, String policy, String resourceKind, String resourceId, String event,
                           Outcome outcome, String message, String waiverId, Instant at) {

  public enum Outcome { PASSED, FAILED, WARNED, WAIVED, SKIPPED }

  /** The events a policy is evaluated at. */
  public static final Set<String> EVENTS = Set.of("apply", "build", "access");

  public PolicyResult {
    if (id == null || id.isBlank()) {
      throw new InvalidException("cannot record a policy result: its id is blank");
    }
    String where = "cannot record policy result " + id + ": ";
    requireText(where, "policy", policy);
    requireText(where, "resourceKind", resourceKind);
    requireText(where, "resourceId", resourceId);
    requireText(where, "event", event);
    if (!EVENTS.contains(event)) {
      throw new InvalidException(where + "event '" + event + "' is not one of apply, build, access");
    }
    if (outcome == null) {
      throw new InvalidException(where + "outcome is missing");
    }
    if (at == null) {
      throw new InvalidException(where + "at is missing");
    }
    if (outcome == Outcome.WAIVED && (waiverId == null || waiverId.isBlank())) {
      throw new InvalidException(where + "a WAIVED result needs a waiverId");
    }
    if (outcome != Outcome.WAIVED && waiverId != null) {
      throw new InvalidException(where + "only a WAIVED result has a waiverId, not a " + outcome + " one");
    }
  }

  private static void requireText(String where, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidException(where + field + " is blank");
    }
  }
}
