package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;

/**
 * A change of what a product's monitor watches: its freshness ({@code FRESH}, {@code LATE}) or the
 * health of its builds ({@code PASSING}, {@code FAILING}). {@code from} is the state before, null
 * for the first one seen; {@code detail} says why, for people; {@code alertedAt} is when its
 * alert went out, null when none did (yet). Changes are appended and kept as history.
 */
public record StateChange(String id, String product, State from, State to, String detail, Instant at,
                          Instant alertedAt) {

  /** What is watched. */
  public enum Aspect { FRESHNESS, BUILDS }

  /** A state of one aspect. */
  public enum State {
    FRESH(Aspect.FRESHNESS), LATE(Aspect.FRESHNESS), PASSING(Aspect.BUILDS), FAILING(Aspect.BUILDS);

    private final Aspect aspect;

    State(Aspect aspect) {
      this.aspect = aspect;
    }

    public Aspect aspect() {
      return aspect;
    }

    /** Whether the state is a problem the owner must hear of. */
    public boolean bad() {
      return this == LATE || this == FAILING;
    }
  }

  public StateChange {
    if (id == null || id.isBlank()) {
      throw new InvalidException("cannot record a state change: its id is blank");
    }
    String where = "cannot record state change " + id + ": ";
    if (product == null || product.isBlank()) {
      throw new InvalidException(where + "product is blank");
    }
    if (to == null) {
      throw new InvalidException(where + "the new state is missing");
    }
    if (from != null && from.aspect() != to.aspect()) {
      throw new InvalidException(where + "it changes from " + from + " to " + to + ", states of different aspects");
    }
    if (from == to) {
      throw new InvalidException(where + "it changes nothing (" + to + " to " + to + ")");
    }
    if (at == null) {
      throw new InvalidException(where + "at is missing");
    }
    if (alertedAt != null && alertedAt.isBefore(at)) {
      throw new InvalidException(where + "alertedAt " + alertedAt + " is before at " + at);
    }
  }

  public Aspect aspect() {
    return to.aspect();
  }

  /**
   * Whether the owner is alerted of this change: when a product turns late or its builds fail, and
   * when it recovers from either; the first state seen of a healthy product is only recorded.
   */
  public boolean alerts() {
    return to.bad() || from != null;
  }

  /** The same change, alerted at {@code when}. */
  public StateChange alerted(Instant when) {
    return new StateChange(id, product, from, to, detail, at, when);
  }
}
