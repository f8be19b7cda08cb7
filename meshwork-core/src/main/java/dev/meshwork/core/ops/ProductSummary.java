package dev.meshwork.core.ops;

import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.BuildSummary;
import dev.meshwork.spec.DataProduct;
import java.time.Instant;

/**
 * A product as a listing shows it: its contract as applied (and when), and what the metadata
 * store records of its builds: the last one whatever became of it ({@code lastBuild} its id, null
 * when it was never built) and the last publish (when it finished, the contract version it built
 * and its quality score; null when it never published). Listed without opening any table, so
 * there is no snapshot or row count here: {@link ProductStatus} has those.
 */
public record ProductSummary(DataProduct product, Instant appliedAt, String lastBuild, BuildRecord.Status lastBuildStatus,
                             Instant lastBuildAt, String lastError, Instant publishedAt, String publishedVersion,
                             Double qualityScore) {

  /** A product's summary from its last build and its last publish, either null when it has none. */
  static ProductSummary of(DataProduct product, Instant appliedAt, BuildSummary last, BuildSummary published) {
    return new ProductSummary(product, appliedAt, last == null ? null : last.id(), last == null ? null : last.status(),
        last == null ? null : last.startedAt(), last == null ? null : last.error(),
        published == null ? null : published.finishedAt(), published == null ? null : published.version(),
        published == null ? null : published.qualityScore());
  }
}
