package dev.meshwork.core.spi;

import dev.meshwork.spec.error.InvalidException;
import java.time.Instant;
import java.util.Set;

/**
 * One enforcement of a product's retention: data older than {@code cutoff} was expired at
 * {@code at}, removing that many snapshots, partitions and data files. {@code trigger} says what
 * ran it: {@code build} (after a publish), {@code manual} ({@code mesh retention run}) or
 * {@code schedule}. {@code error} says why it failed, and is null when it did not; a failed run
 * counts nothing removed, since what the table store did before failing is not known.
 */
public record RetentionRun(String id, String product, Instant cutoff, int snapshots, int partitions, int files,
                           String trigger, String error, Instant at) {

  public static final String BUILD = "build";
  public static final String MANUAL = "manual";
  public static final String SCHEDULE = "schedule";

  /** What may run an enforcement. */
  public static final Set<String> TRIGGERS = Set.of(BUILD, MANUAL, SCHEDULE);

  public RetentionRun {
    if (id == null || id.isBlank()) {
      throw new InvalidException("cannot record a retention run: its id is blank");
    }
    String where = "cannot record retention run " + id + ": ";
    if (product == null || product.isBlank()) {
      throw new InvalidException(where + "product is blank");
    }
    if (cutoff == null) {
      throw new InvalidException(where + "cutoff is missing");
    }
    if (snapshots < 0 || partitions < 0 || files < 0) {
      throw new InvalidException(where + "a count is negative (snapshots " + snapshots + ", partitions " + partitions
          + ", files " + files + ")");
    }
    if (trigger == null || !TRIGGERS.contains(trigger)) {
      throw new InvalidException(where + "trigger '" + trigger + "' is not one of build, manual, schedule");
    }
    if (at == null) {
      throw new InvalidException(where + "at is missing");
    }
  }

  /** Whether the run failed. */
  public boolean failed() {
    return error != null;
  }
}
