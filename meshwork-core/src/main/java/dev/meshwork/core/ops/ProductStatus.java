package dev.meshwork.core.ops;

import dev.meshwork.core.spi.BuildRecord;
import java.time.Instant;

/**
 * A product at a glance: its contract version, what consumers read now (snapshot, rows, when
 * published, quality score) and its last build, whatever became of it.
 */
public record ProductStatus(String product, String title, String owner, String version, Long snapshotId,
                            Long rows, Instant publishedAt, Double qualityScore, String lastBuild,
                            BuildRecord.Status lastBuildStatus, Instant lastBuildAt, String lastError) {}
