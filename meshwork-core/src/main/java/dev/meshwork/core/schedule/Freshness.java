package dev.meshwork.core.schedule;

import dev.meshwork.spec.ProductRef;
import java.time.Instant;

/**
 * A product's freshness against its SLA at one moment: {@code sla} is the promise as written
 * ({@code maxAge 5m}, {@code daily by 08:00 UTC}), {@code publishedAt} its last publish (null when
 * it was never published) and {@code lateAt} when it turned late, or turns late if nothing
 * publishes before.
 */
public record Freshness(ProductRef product, String owner, State state, String sla, Instant publishedAt,
                        Instant lateAt) {

  public enum State { FRESH, LATE }

  public boolean late() {
    return state == State.LATE;
  }

  /** One sentence for people: {@code orders.daily is late: ...}. */
  public String describe() {
    String published = publishedAt == null ? "never published" : "last published " + publishedAt;
    return late()
        ? product + " is late: its SLA is " + sla + ", " + published + ", late since " + lateAt
        : product + " is fresh: its SLA is " + sla + ", " + published + ", late at " + lateAt
            + " unless it publishes again";
  }
}
