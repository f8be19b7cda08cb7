package dev.meshwork.core.ops;

import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;

/**
 * Which builds to run: one product, or all ({@code product} null). For a partitioned product,
 * {@code partition} rebuilds one partition, {@code from}..{@code to} a range (both included); by
 * default the partitions the transform returns are replaced and the others kept, and
 * {@code full} replaces the whole table.
 */
public record BuildRequest(ProductRef product, String partition, String from, String to, boolean full) {

  public BuildRequest {
    if ((from == null) != (to == null)) {
      throw new InvalidException("a partition range needs both --from and --to");
    }
    if (partition != null && from != null) {
      throw new InvalidException("give either --partition or --from/--to, not both");
    }
    if (full && (partition != null || from != null)) {
      throw new InvalidException("--full rebuilds the whole table: it cannot be combined with --partition or --from/--to");
    }
    if (product == null && (partition != null || from != null)) {
      throw new InvalidException("--partition and --from/--to need a product, not --all");
    }
  }

  public static BuildRequest of(ProductRef product) {
    return new BuildRequest(product, null, null, null, false);
  }

  public static BuildRequest all() {
    return new BuildRequest(null, null, null, null, false);
  }
}
