package dev.meshwork.core.ops;

import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.core.spi.BuildSummary;
import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.TableStore;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.ProductRef;
import java.util.Optional;

/**
 * What the store and the table hold of a product: its last build, its last publish and the
 * snapshot consumers read. Read with as few lookups as it takes: a product never built has no
 * table (a build records itself before it creates one), and a last build that published is the
 * last publish too.
 */
record ProductState(Optional<BuildRecord> last, Optional<BuildRecord> published, Optional<TableStore.Snapshot> current) {

  static ProductState read(ProductRef ref, MetadataStore store, TableStore tables) {
    Optional<BuildRecord> last = store.builds(ref, null, 1).stream().findFirst();
    if (last.isEmpty()) {
      return new ProductState(last, Optional.empty(), Optional.empty());
    }
    Optional<BuildRecord> published = last.get().status() == BuildRecord.Status.PUBLISHED ? last
        : store.builds(ref, BuildRecord.Status.PUBLISHED, 1).stream().findFirst();
    return new ProductState(last, published, tables.current(ref));
  }

  ProductStatus status(DataProduct product) {
    return status(product, last.map(BuildRecord::summary).orElse(null), published.map(BuildRecord::summary).orElse(null),
        current);
  }

  /**
   * A product's status from its last build and last publish (null when it has none), read for
   * many products at once, and its current snapshot (empty when it was never built).
   */
  static ProductStatus status(DataProduct product, BuildSummary last, BuildSummary published,
                              Optional<TableStore.Snapshot> current) {
    return new ProductStatus(product.ref().toString(), product.metadata().title(), product.metadata().owner(),
        product.spec().version(),
        current.map(TableStore.Snapshot::id).orElse(null),
        current.map(TableStore.Snapshot::rows).orElse(null),
        published == null ? null : published.finishedAt(),
        published == null ? null : published.qualityScore(),
        last == null ? null : last.id(),
        last == null ? null : last.status(),
        last == null ? null : last.startedAt(),
        last == null ? null : last.error());
  }
}
