package dev.meshwork.core.metrics;

import dev.meshwork.core.spi.BuildRecord;
import java.time.Duration;

/**
 * What the platform reports about itself as it runs, for a monitoring system to collect. The
 * platform calls it; an implementation (the server's Prometheus registry) records. Every method
 * is cheap, never throws and may be called from any thread; the defaults record nothing.
 */
public interface Metrics {

  /** Records nothing. */
  Metrics NONE = new Metrics() {};

  /** A build ended (published, failed or interrupted): its product, status, duration, rows and quality score. */
  default void built(BuildRecord build) {}

  /** How many products are late right now: past their freshness SLA without a publish. */
  default void lateProducts(int count) {}

  /** An access request was decided: {@code decision} is what was decided, e.g. {@code approved} or {@code denied}. */
  default void accessRequest(String decision) {}

  /** Access was granted {@code leadTime} after it was requested. */
  default void timeToAccess(Duration leadTime) {}
}
