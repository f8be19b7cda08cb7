package dev.meshwork.core.ops;

import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.core.spi.TableStore;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Enforces a product's retention and records it: the table store expires the data older than
 * {@code retentionDays} before {@code now}, and the outcome, success or failure, is stored as a
 * {@link RetentionRun}. Builds call it after publishing (trigger {@code build}),
 * {@code mesh retention run} for every product (trigger {@code manual}).
 */
public final class Retention {

  private Retention() {}

  /**
   * Expires the product's data older than {@code now - retentionDays} and records the run. A
   * failure of the expiry is recorded with its message and returned, not thrown; a failure to
   * record is thrown.
   *
   * @throws InvalidException when {@code retentionDays} is not positive or the trigger is unknown
   */
  public static RetentionRun enforce(TableStore tables, MetadataStore store, ProductRef product, int retentionDays,
                                     Instant now, String trigger) {
    if (retentionDays < 1) {
      throw new InvalidException("cannot enforce the retention of " + product + ": retentionDays must be at least 1, not "
          + retentionDays);
    }
    if (!RetentionRun.TRIGGERS.contains(trigger)) {
      throw new InvalidException("cannot enforce the retention of " + product + ": trigger '" + trigger
          + "' is not one of build, manual, schedule");
    }
    Instant cutoff = cutoff(now, retentionDays);
    RetentionRun run;
    try {
      TableStore.Expiry expiry = tables.expire(product, cutoff);
      run = new RetentionRun(UUID.randomUUID().toString(), product.toString(), cutoff, expiry.snapshots(),
          expiry.partitions(), expiry.files(), trigger, null, now);
    } catch (RuntimeException e) {
      run = failed(product, cutoff, trigger, "cannot expire " + product + ": " + message(e), now);
    }
    store.recordRetention(run);
    return run;
  }

  /** Records a run that failed before its expiry started, e.g. when the table's state could not be read. */
  static RetentionRun recordFailure(MetadataStore store, ProductRef product, Instant cutoff, String trigger,
                                           String error, Instant now) {
    RetentionRun run = failed(product, cutoff, trigger, error, now);
    store.recordRetention(run);
    return run;
  }

  /** The instant before which a product keeping {@code retentionDays} days drops its data. */
  public static Instant cutoff(Instant now, int retentionDays) {
    return now.minus(Duration.ofDays(retentionDays));
  }

  private static RetentionRun failed(ProductRef product, Instant cutoff, String trigger, String error, Instant now) {
    return new RetentionRun(UUID.randomUUID().toString(), product.toString(), cutoff, 0, 0, 0, trigger, error, now);
  }

  /** An exception's message, or its class when it has none. */
  static String message(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
