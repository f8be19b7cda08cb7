package dev.meshwork.core.ops;

import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.spec.DataProduct;
import java.time.Instant;
import java.util.List;

/**
 * Everything known about a product: its contract as applied (generation, when), where its table
 * lives, the status consumers see, the last publish with its quality results, and its neighbours
 * in the lineage ({@code upstream}: products and sources it reads; {@code downstream}: products
 * reading it).
 */
public record ProductDescription(DataProduct product, int generation, Instant appliedAt, String location,
                                 ProductStatus status, BuildRecord lastPublish, List<String> upstream,
                                 List<String> downstream) {}
