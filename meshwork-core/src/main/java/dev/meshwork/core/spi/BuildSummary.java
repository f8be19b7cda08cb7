package dev.meshwork.core.spi;

import dev.meshwork.spec.ProductRef;
import java.time.Instant;

/**
 * A build as listings show it: every field of its {@link BuildRecord} but what it read and its
 * quality rules' results, which only the record itself carries ({@link MetadataStore#build}).
 */
public record BuildSummary(String id, ProductRef product, String version, BuildRecord.Status status, String stage,
                           String scope, Instant startedAt, Instant finishedAt, long rows, long bytes, Long snapshotId,
                           Double qualityScore, String error) {}
