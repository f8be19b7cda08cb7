package dev.meshwork.core.spi;

/**
 * Runs SQL: a build's transform and quality scans, and consumers' queries. Each piece of work
 * happens in a {@link Workspace} of its own, so concurrent builds never see each other's relations.
 */
public interface Engine extends AutoCloseable {

  /** Opens an isolated workspace; everything created in it disappears when it is closed. */
  Workspace open();

  /** Frees the engine's resources; open workspaces must be closed first. */
  @Override
  default void close() {}
}
