package dev.meshwork.core.spi;

import dev.meshwork.spec.ProductRef;
import java.time.Instant;
import java.util.List;

/**
 * One build of a product. {@code scope} says what it rebuilt ({@code table}, {@code partitions},
 * {@code partition 2026-11-20}, {@code range A..B}); {@code stage} the last stage it reached.
 * {@code snapshotId} is the staged snapshot (published when the status is {@code PUBLISHED}).
 * {@code error} is null unless the build failed or was interrupted.
 */
public record BuildRecord(String id, ProductRef product, String version, Status status, String stage, String scope,
                          Instant startedAt, Instant finishedAt, long rows, long bytes, Long snapshotId,
                          Double qualityScore, String error, List<InputRead> inputs, List<RuleResult> quality) {

  public enum Status { RUNNING, PUBLISHED, FAILED, INTERRUPTED }

  public BuildRecord {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    quality = quality == null ? List.of() : List.copyOf(quality);
  }

  /** This build without its inputs and quality results. */
  public BuildSummary summary() {
    return new BuildSummary(id, product, version, status, stage, scope, startedAt, finishedAt, rows, bytes, snapshotId,
        qualityScore, error);
  }

  /**
   * What a build read through one input: a source's table ({@code source} names the source,
   * {@code table} the table) or an upstream product's published snapshot ({@code product},
   * {@code snapshotId}, {@code version}); {@code rows} read.
   */
  public record InputRead(String input, String source, String table, ProductRef product, String version,
                          Long snapshotId, long rows) {}

  /**
   * The outcome of one quality rule: the measured value and the threshold as text, whether it
   * passed, and up to five failing rows (column name to value as text) as a JSON array.
   */
  public record RuleResult(String rule, String column, String severity, boolean passed, String measured,
                           String threshold, String failingRowsJson) {}
}
