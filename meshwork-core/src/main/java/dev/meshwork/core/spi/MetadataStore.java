package dev.meshwork.core.spi;

import dev.meshwork.spec.Kind;
import dev.meshwork.spec.ProductRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The platform's record: applied resources, builds with what they read and how their audit went.
 * Every method is atomic; implementations are safe to use from several threads.
 */
public interface MetadataStore extends AutoCloseable {

  /**
   * Stores the resources in one transaction, replacing those with the same kind and id. A
   * resource whose document is unchanged keeps its generation; a changed one gets the next.
   * Returns the resources as stored.
   */
  List<StoredResource> apply(List<StoredResource> resources);

  Optional<StoredResource> resource(Kind kind, String id);

  /** All resources of a kind, ordered by id. */
  List<StoredResource> resources(Kind kind);

  /** Inserts a build, or replaces the build with the same id (with its inputs and results). */
  void saveBuild(BuildRecord build);

  Optional<BuildRecord> build(String id);

  /** A product's builds, newest first; {@code status} null for every status. */
  List<BuildRecord> builds(ProductRef product, BuildRecord.Status status, int limit);

  /**
   * Marks every build still {@code RUNNING} as {@code INTERRUPTED} (its process died), with
   * {@code at} as its end; returns how many there were.
   */
  int interruptRunningBuilds(Instant at, String reason);

  @Override
  default void close() {}
}
